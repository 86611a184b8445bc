-- Clients and couple cases. Times are UTC (timestamptz), phone numbers E.164.

CREATE TABLE clients (
    id                     uuid PRIMARY KEY,
    name                   text NOT NULL CHECK (btrim(name) <> ''),
    pronouns               text,
    email                  text,
    language               text CHECK (language ~ '^[a-z]{2}$'),
    location_state         text CHECK (location_state ~ '^[A-Z]{2}$'),
    location_confirmed_at  timestamptz,
    populations            text[] NOT NULL DEFAULT '{}',
    issues                 text[] NOT NULL DEFAULT '{}',
    preferred_identity     text[] NOT NULL DEFAULT '{}',
    preferred_modalities   text[] NOT NULL DEFAULT '{}',
    preferred_formats      text[] NOT NULL DEFAULT '{}',
    budget_max             integer CHECK (budget_max >= 0),
    -- No foreign key: therapists belong to the directory module, which keeps its own tables.
    own_therapist_id       uuid,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    -- A state without the moment it was said cannot be re-checked for licensure, so both or neither.
    CHECK ((location_state IS NULL) = (location_confirmed_at IS NULL))
);

-- Safe-contact flags sit on the number of one person; partners sharing a landline have a row each.
CREATE TABLE client_phones (
    client_id                       uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position                        smallint NOT NULL,
    phone                           text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    label                           text,
    ok_to_call                      boolean NOT NULL,
    ok_to_text                      boolean NOT NULL,
    ok_to_leave_detailed_voicemail  boolean NOT NULL,
    PRIMARY KEY (client_id, position),
    UNIQUE (client_id, phone)
);

-- Caller ID lookup happens while the phone rings.
CREATE INDEX client_phones_by_phone ON client_phones (phone);

CREATE TABLE couples (
    id                uuid PRIMARY KEY,
    partner_a         uuid NOT NULL REFERENCES clients (id),
    partner_b         uuid NOT NULL REFERENCES clients (id),
    populations       text[] NOT NULL DEFAULT '{}',
    issues            text[] NOT NULL DEFAULT '{}',
    own_therapist_id  uuid,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    closed_at         timestamptz,
    CHECK (partner_a <> partner_b)
);

-- The partners of open cases, one row per person: the primary key is what keeps a client in at most
-- one open couple case, even when two desks link the same person at the same moment. A partial unique
-- index on couples cannot say this, because a person may be partner A in one case and B in another.
CREATE TABLE open_couple_partners (
    client_id  uuid PRIMARY KEY REFERENCES clients (id),
    couple_id  uuid NOT NULL REFERENCES couples (id)
);

CREATE INDEX open_couple_partners_by_couple ON open_couple_partners (couple_id);
