-- The agent desktop's own records. Routing keeps contacts by queue and state; the desktop needs them by
-- agent ("my contacts today") and by client (a short timeline on the card), so it writes down every
-- assignment it hears of, and the agent's wrap-up of each contact.

create table desk_contacts (
    contact_id   uuid primary key,
    agent_id     uuid        not null,
    client_id    uuid,
    queue        text        not null,
    channel      text        not null,
    assigned_at  timestamptz not null,
    completed_at timestamptz
);

create index desk_contacts_agent on desk_contacts (agent_id, assigned_at);
create index desk_contacts_client on desk_contacts (client_id, assigned_at) where client_id is not null;

-- One wrap-up per contact: its disposition and the agent's note. The note is clinical and never shown
-- to the front desk; a front-desk user saves a disposition without one.
create table desk_notes (
    contact_id  uuid primary key,
    client_id   uuid,
    agent_id    uuid        not null,
    disposition text check (disposition in ('BOOKED_INTAKE', 'INFORMATION_GIVEN', 'REFERRED_OUT',
                                            'CRISIS_RESOURCES_GIVEN', 'CALLBACK_SCHEDULED', 'OTHER')),
    body        text        not null default '' check (length(body) <= 20000),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create index desk_notes_client on desk_notes (client_id) where client_id is not null;
