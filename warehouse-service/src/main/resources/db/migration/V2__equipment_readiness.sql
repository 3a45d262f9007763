-- Equipment readiness: extinguishers, battery-powered and other equipment, facility inspections,
-- and the team sizes the per-responder stock standard needs. Histories are append-only; the
-- current state (in service, away, scrapped; working, faulty) is kept on the record itself.
-- seq orders records entered for the same moment (a later entry wins a tie).

CREATE TABLE extinguisher (
    id              uuid        PRIMARY KEY,
    warehouse_id    uuid        NOT NULL REFERENCES warehouse (id),
    division        text        NOT NULL,
    label           text        NOT NULL,
    agent           text        NOT NULL CHECK (agent IN ('WATER', 'FOAM', 'DRY_POWDER', 'CO2', 'CLEAN_AGENT')),
    capacity        text,
    manufactured_on date        NOT NULL,
    location        text,
    status          text        NOT NULL CHECK (status IN ('IN_SERVICE', 'AWAY', 'SCRAPPED')),
    registered_at   timestamptz NOT NULL,
    registered_by   text        NOT NULL,
    UNIQUE (warehouse_id, label)
);

CREATE TABLE extinguisher_record (
    id              uuid        PRIMARY KEY,
    seq             bigserial   UNIQUE,
    extinguisher_id uuid        NOT NULL REFERENCES extinguisher (id),
    kind            text        NOT NULL CHECK (kind IN ('MONTHLY_CHECK', 'ANNUAL_INSPECTION', 'SENT_FOR_SERVICE',
                                    'RETURNED_FROM_SERVICE', 'SCRAPPED')),
    on_date         date        NOT NULL,
    passed          boolean,
    details         jsonb       NOT NULL DEFAULT '{}',
    actor           text        NOT NULL,
    recorded_at     timestamptz NOT NULL
);
CREATE INDEX extinguisher_record_latest ON extinguisher_record (extinguisher_id, kind, on_date DESC);

CREATE TABLE equipment (
    id              uuid        PRIMARY KEY,
    warehouse_id    uuid        NOT NULL REFERENCES warehouse (id),
    division        text        NOT NULL,
    kind            text        NOT NULL,
    label           text        NOT NULL,
    battery_powered boolean     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('WORKING', 'FAULTY', 'SCRAPPED')),
    registered_at   timestamptz NOT NULL,
    registered_by   text        NOT NULL,
    UNIQUE (warehouse_id, label)
);

CREATE TABLE equipment_record (
    id             uuid        PRIMARY KEY,
    seq            bigserial   UNIQUE,
    equipment_id   uuid        NOT NULL REFERENCES equipment (id),
    kind           text        NOT NULL CHECK (kind IN ('CHARGE_READING', 'CHECK', 'REPAIR', 'SCRAP', 'RETURNED_FROM_USE')),
    at             timestamptz NOT NULL,
    percent        integer CHECK (percent BETWEEN 0 AND 100),
    working        boolean,
    notes          text,
    reference_type text,
    reference_id   text,
    actor          text        NOT NULL,
    recorded_at    timestamptz NOT NULL
);
CREATE INDEX equipment_record_latest ON equipment_record (equipment_id, kind, at DESC);

CREATE TABLE facility_inspection (
    id                   uuid        PRIMARY KEY,
    seq                  bigserial   UNIQUE,
    warehouse_id         uuid        NOT NULL REFERENCES warehouse (id),
    division             text        NOT NULL,
    inspected_on         date        NOT NULL,
    ground_floor_or_lift boolean     NOT NULL,
    entrance_clear       boolean     NOT NULL,
    dry                  boolean     NOT NULL,
    manual_door_release  boolean     NOT NULL,
    backup_power_charged boolean     NOT NULL,
    extinguisher_present boolean     NOT NULL,
    notes                text,
    actor                text        NOT NULL,
    recorded_at          timestamptz NOT NULL
);
CREATE INDEX facility_inspection_latest ON facility_inspection (warehouse_id, inspected_on DESC, seq DESC);

CREATE TABLE inspection_photo (
    id            uuid        PRIMARY KEY,
    inspection_id uuid        NOT NULL REFERENCES facility_inspection (id),
    content_type  text        NOT NULL,
    size_bytes    integer     NOT NULL,
    content       bytea       NOT NULL,
    uploaded_by   text        NOT NULL,
    uploaded_at   timestamptz NOT NULL
);

-- Active team sizes from roster.teams (preparedness.team.changed), for the per-responder standard.
CREATE TABLE team_strength (
    team_id        text        PRIMARY KEY,
    division       text        NOT NULL,
    level          text,
    active_members integer     NOT NULL CHECK (active_members >= 0),
    changed_at     timestamptz NOT NULL
);
CREATE INDEX team_strength_division ON team_strength (division text_pattern_ops);

-- Events this service consumed, recorded in the transaction of their effect: a redelivery
-- changes nothing. A record that was not a valid event is kept with the reason (error).
CREATE TABLE consumed_event (
    id          text        PRIMARY KEY,
    topic       text        NOT NULL,
    consumed_at timestamptz NOT NULL,
    error       text
);
