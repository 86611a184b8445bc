-- Agents' desk phones register with SIP digest auth. Only HA1 = MD5(user:realm:password) is kept
-- (RFC 2617 §3.2.2.2): enough to check a digest response, not to recover the password.

create table voice_phone_credentials (
    staff_id    uuid primary key,
    sip_user    text        not null unique,
    realm       text        not null,
    ha1         text        not null,
    updated_at  timestamptz not null
);
