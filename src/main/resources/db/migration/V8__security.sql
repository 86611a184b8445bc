-- People who sign in to Tandem. A user may be linked to the staff member they are (a therapist sees
-- only their own clients through that link); a pure administrator has no link.

create table users (
    id                 uuid primary key,
    username           text        not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    password_hash      text        not null,
    roles              text[]      not null check (cardinality(roles) > 0),
    staff_id           uuid references staff (id),
    enabled            boolean     not null default true,
    totp_secret        text,
    totp_confirmed     boolean     not null default false,
    totp_last_step     bigint      not null default 0,
    failed_logins      integer     not null default 0,
    first_failure_at   timestamptz,
    locked_until       timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

create unique index users_username on users (username);

-- The token that lets the first administrator in when nobody is configured; only its SHA-256 is kept.
create table setup_tokens (
    token_hash  text primary key,
    created_at  timestamptz not null,
    used_at     timestamptz
);

-- Append-only and hash-chained: hash = SHA-256(prev_hash || canonical content of the row), so changing,
-- removing or reordering a row breaks every hash after it. Writers serialize on an advisory lock.
create table audit_events (
    seq             bigserial   primary key,
    at              timestamptz not null,
    actor           text        not null,
    action          text        not null,
    target_type     text,
    target_id       text,
    outcome         text        not null,
    source_address  text,
    details         jsonb       not null default '{}'::jsonb,
    prev_hash       text        not null,
    hash            text        not null unique
);

create index audit_events_at on audit_events (at);
create index audit_events_target on audit_events (target_type, target_id);
create index audit_events_actor on audit_events (actor);

create function audit_events_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_events is append-only: % refused', tg_op;
end
$$;

create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_refuse_change();

create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_refuse_change();
