-- Wall display links: a named screen (the front office TV) that shows the wallboard without signing in.
-- Only the SHA-256 of a link's token is kept; the link itself is shown once, when it is made. A revoked link
-- keeps its row, so that the list of who made which screen, and when it was last used, stays complete.

create table wall_displays (
    id            uuid primary key,
    name          text        not null check (length(name) between 1 and 80),
    token_hash    text        not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_by    text        not null,
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_by    text,
    revoked_at    timestamptz,
    check ((revoked_at is null) = (revoked_by is null))
);

create index wall_displays_active on wall_displays (created_at) where revoked_at is null;
