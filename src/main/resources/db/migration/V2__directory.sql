-- Directory: the practice's staff, their licenses and compact authorizations, and the dated table of
-- where each interstate compact is operational.

create table staff (
    id                    uuid primary key,
    name                  text not null check (btrim(name) <> ''),
    role                  text not null,
    email                 text,
    phone                 text,          -- E.164
    sip_user              text,
    time_zone             text not null, -- IANA region, e.g. America/Los_Angeles
    accepting_new_clients boolean not null,
    active                boolean not null,
    -- niche, languages, identity, fees, formats, weekly hours, time off and capacity: read as a whole
    -- by routing and never queried field by field, so one document is enough
    profile               jsonb not null,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);

-- The voice registrar maps a registering desk phone to exactly one person.
create unique index staff_sip_user on staff (sip_user) where sip_user is not null;

create table staff_licenses (
    staff_id   uuid not null references staff (id) on delete cascade,
    position   int not null,
    state      text not null,
    type       text not null,
    number     text not null,
    status     text not null,
    expires_on date not null,
    primary key (staff_id, position)
);

-- "Which active licenses expire in the next 60 days?" is the reminder a practice manager needs.
create index staff_licenses_expiring on staff_licenses (expires_on) where status = 'ACTIVE';

create table staff_compact_authorizations (
    staff_id         uuid not null references staff (id) on delete cascade,
    position         int not null,
    compact          text not null,
    home_state       text not null,
    privilege_states text[] not null default '{}',
    expires_on       date not null,
    primary key (staff_id, position)
);

create index staff_compact_authorizations_expiring on staff_compact_authorizations (expires_on);

create table compact_operations (
    compact text not null,
    state   text not null,
    since   date not null,
    until   date,
    note    text,
    check (until is null or until >= since)
);

create index compact_operations_lookup on compact_operations (compact, state);

-- STARTING POINT TO VERIFY, NOT LEGAL ADVICE. Compiled in November 2026 from public summaries; the
-- practice must check it against the compact commissions (psypact.gov, counselingcompact.org,
-- swcompact.org) before relying on it, and keeps it current through PUT /api/compacts.
--
-- PSYPACT: jurisdictions where it was in effect by the date given. 2020-07-01 is when the commission
-- began issuing authorizations to the founding states; the other dates are conservative
-- "in effect no later than" dates, not the statutes' exact effective dates. States that enacted
-- PSYPACT more recently are left out on purpose: a missing state only narrows routing, while a wrong
-- one would send a client to a psychologist who may not practise there.
insert into compact_operations (compact, state, since, note)
select 'PSYPACT', state, since::date, 'starting set of 2026-11, verify at psypact.gov'
from (values
    ('AZ', '2020-07-01'), ('CO', '2020-07-01'), ('DE', '2020-07-01'), ('GA', '2020-07-01'),
    ('IL', '2020-07-01'), ('MO', '2020-07-01'), ('NE', '2020-07-01'), ('NV', '2020-07-01'),
    ('NH', '2020-07-01'), ('OK', '2020-07-01'), ('PA', '2020-07-01'), ('TX', '2020-07-01'),
    ('UT', '2020-07-01'), ('VA', '2020-07-01'),
    ('AL', '2023-01-01'), ('AR', '2023-01-01'), ('DC', '2023-01-01'), ('ID', '2023-01-01'),
    ('IN', '2023-01-01'), ('KS', '2023-01-01'), ('KY', '2023-01-01'), ('ME', '2023-01-01'),
    ('MD', '2023-01-01'), ('MN', '2023-01-01'), ('NC', '2023-01-01'), ('NJ', '2023-01-01'),
    ('OH', '2023-01-01'), ('RI', '2023-01-01'), ('TN', '2023-01-01'), ('VT', '2023-01-01'),
    ('WA', '2023-01-01'), ('WI', '2023-01-01'), ('WV', '2023-01-01'), ('WY', '2023-01-01')
) as starting(state, since);

-- Counseling Compact: no rows. Member states have enacted it, but we know of no state honouring
-- privileges to practise yet; add a row per state once the commission announces it does.
-- Social Work Compact: no rows; it is not operational yet.
