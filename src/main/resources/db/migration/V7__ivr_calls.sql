-- One row per answered call: how its journey went and how long each part took. Written at the moments
-- that matter (answered, queued, ringing, bridged, ended), so a crash loses no finished call.
create table ivr_calls (
    id              text primary key,
    caller          text,
    dialled         text        not null,
    flow            text,
    flow_version    int,
    started_at      timestamptz not null,
    contact_id      uuid,
    agent_id        uuid,
    ring_started_at timestamptz,
    answered_at     timestamptz,
    ended_at        timestamptz,
    outcome         text check (outcome in ('TALKED', 'ABANDONED', 'VOICEMAIL', 'CALLBACK', 'TRANSFERRED',
                                            'HUNG_UP', 'NO_FLOW', 'INTERRUPTED')),
    choices         json        not null default '{}'
);

create index ivr_calls_started_at on ivr_calls (started_at);
create index ivr_calls_open on ivr_calls (ended_at) where ended_at is null;
