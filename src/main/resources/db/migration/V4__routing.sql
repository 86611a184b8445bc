-- The routing engine's state. Every row is written in the transaction that made the decision, so a
-- restart rebuilds the exact queue: open contacts in serving order, agents' presence, offers in flight.

create table routing_queues (
    name        text primary key,
    definition  jsonb       not null,
    updated_at  timestamptz not null default now()
);

create table routing_contacts (
    id               uuid primary key,
    sequence         bigint      not null unique,
    queue            text        not null,
    channel          text        not null,
    priority         int         not null check (priority between 0 and 9),
    needs            jsonb       not null,
    client_id        uuid,
    couple_id        uuid,
    own_therapist    uuid,
    context          jsonb       not null,
    arrived_at       timestamptz not null,
    queued_at        timestamptz not null,
    status           text        not null check (status in ('WAITING', 'OFFERED', 'ASSIGNED', 'COMPLETED', 'ABANDONED')),
    passed_over      uuid[]      not null default '{}',
    offered_to       uuid,
    offer_expires_at timestamptz,
    offer_step       int         not null default 0,
    assigned_to      uuid,
    assigned_at      timestamptz,
    ended_at         timestamptz,
    updated_at       timestamptz not null default now(),
    check ((status = 'OFFERED') = (offered_to is not null))
);

create index routing_contacts_open on routing_contacts (queue, priority desc, arrived_at, sequence)
    where status in ('WAITING', 'OFFERED', 'ASSIGNED');

-- One row per assignment, keyed by contact: a second assignment of the same contact cannot be stored.
create table routing_assignments (
    contact_id  uuid primary key references routing_contacts (id),
    agent_id    uuid        not null,
    assigned_at timestamptz not null
);

create index routing_assignments_agent on routing_assignments (agent_id, assigned_at);

create table routing_agents (
    agent_id        uuid primary key,
    presence        text        not null check (presence in ('OFFLINE', 'AVAILABLE', 'OFFERED', 'BUSY', 'WRAP_UP', 'AWAY')),
    since           timestamptz not null,
    active          jsonb       not null,
    pending_offer   uuid,
    pending_channel text,
    missed_in_a_row int         not null,
    wrap_up_until   timestamptz,
    idle_since      timestamptz,
    contacts_today  int         not null,
    today           date        not null
);

-- Explanations are written on every offer and read rarely, whole: json (kept as text) spares the
-- binary conversion that jsonb would do on the routing loop's hot path.
create table routing_decisions (
    id          bigserial primary key,
    contact_id  uuid        not null references routing_contacts (id),
    decided_at  timestamptz not null,
    chosen      uuid,
    explanation json        not null
);

create index routing_decisions_contact on routing_decisions (contact_id, id);
