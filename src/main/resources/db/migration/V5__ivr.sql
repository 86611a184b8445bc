-- A flow is kept whole, as the document the API speaks (json keeps the author's order of nodes), one row
-- per saved version. Versions are never changed, so a call can finish on the version it started with.
create table ivr_flows (
    name     text        not null,
    version  int         not null check (version > 0),
    document json        not null,
    saved_at timestamptz not null default now(),
    primary key (name, version)
);

create table ivr_numbers (
    number       text primary key check (number ~ '^\+[1-9][0-9]{6,14}$'),
    flow         text        not null,
    version      int         not null,
    activated_at timestamptz not null default now(),
    foreign key (flow, version) references ivr_flows (name, version)
);

-- One crisis configuration, replaced whole, so that the notice and the numbers it speaks change together.
create table ivr_crisis (
    id            int primary key check (id = 1),
    configuration json        not null,
    updated_at    timestamptz not null default now()
);

-- Numbers checked on 2026-11-27: 911; 988 by call or text (1 Veterans Crisis Line, 2 Spanish; the LGBTQ+
-- youth option 3 ended on 2025-07-17); the Trevor Project's TrevorLifeline, 1-866-488-7386.
insert into ivr_crisis (id, configuration) values (1, $${
  "lines": [
    {"name": "Emergency services", "number": "911", "how": ["CALL"], "hours": "always"},
    {"name": "988 Suicide and Crisis Lifeline", "number": "988", "how": ["CALL", "TEXT"],
     "options": {"1": "Veterans Crisis Line", "2": "Spanish"}, "hours": "24/7"},
    {"name": "Trevor Project (TrevorLifeline)", "number": "+18664887386", "how": ["CALL"], "hours": "24/7"}
  ],
  "notice": {
    "en": "If you are in danger or this is an emergency, hang up and call 9 1 1. For the 9 8 8 Suicide and Crisis Lifeline, call or text 9 8 8, then press 1 for the Veterans Crisis Line, or 2 for Spanish. Young L G B T Q people can call the Trevor Project at 1 8 6 6, 4 8 8, 7 3 8 6.",
    "es": "Si está en peligro o es una emergencia, cuelgue y llame al 9 1 1. Para la Línea 9 8 8 de Prevención del Suicidio y Crisis, llame o envíe un mensaje de texto al 9 8 8, y oprima 2 para español, o 1 para la Línea de Crisis para Veteranos. Los jóvenes L G B T Q pueden llamar al Trevor Project al 1 8 6 6, 4 8 8, 7 3 8 6."
  },
  "reviewedOn": "2026-11-27",
  "reviewBy": "2027-05-27"
}$$);

-- A practice's own recordings, in place of the default prompt with the same id.
create table ivr_prompts (
    language    text        not null,
    id          text        not null,
    audio       bytea       not null,
    uploaded_at timestamptz not null default now(),
    primary key (language, id)
);
