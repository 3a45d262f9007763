-- Drills (应急演练): the plan (演练方案), its conduct (实施), its evaluation (总结评估, after the HSEEP
-- after-action report) and the improvement actions (改进措施) it sets. Units, participants, planned
-- supplies and objectives are kept with the plan as JSON: they are read and written with it.
CREATE TABLE drill (
    id              uuid        PRIMARY KEY,
    division        text        NOT NULL CHECK (division ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
    title           text        NOT NULL,
    organising_unit text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('TABLETOP', 'FUNCTIONAL', 'FULL_SCALE')),
    announced       boolean     NOT NULL,
    hazard          text        NOT NULL,
    network_outage  boolean     NOT NULL,
    power_outage    boolean     NOT NULL,
    road_cut        boolean     NOT NULL,
    objectives      jsonb       NOT NULL,
    scheduled_on    date        NOT NULL,
    place           text        NOT NULL,
    units           jsonb       NOT NULL,
    participants    jsonb       NOT NULL,
    supplies        jsonb       NOT NULL,
    status          text        NOT NULL
        CHECK (status IN ('DRAFT', 'APPROVED', 'CONDUCTED', 'EVALUATED', 'CANCELLED')),
    approved_at     timestamptz,
    approved_by     text,
    actual_start    timestamptz,
    actual_end      timestamptz,
    took_part       jsonb,
    deviations      text,
    cancelled_at    timestamptz,
    cancel_reason   text,
    imported        boolean     NOT NULL DEFAULT false,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer     NOT NULL DEFAULT 0,
    CHECK (actual_end IS NULL OR actual_end >= actual_start)
);
CREATE INDEX drill_division ON drill (division text_pattern_ops, scheduled_on);

CREATE TABLE evaluation (
    drill_id        uuid        PRIMARY KEY REFERENCES drill (id),
    evaluated_on    date        NOT NULL,
    ratings         jsonb       NOT NULL,
    strengths       text,
    improvements    text,
    evaluated_by    text        NOT NULL,
    recorded_at     timestamptz NOT NULL
);

CREATE TABLE improvement_action (
    id          uuid        PRIMARY KEY,
    drill_id    uuid        NOT NULL REFERENCES drill (id),
    position    integer     NOT NULL,
    description text        NOT NULL,
    owner       text        NOT NULL,
    deadline    date        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('OPEN', 'DONE')),
    evidence    text,
    done_at     timestamptz,
    version     integer     NOT NULL DEFAULT 0,
    UNIQUE (drill_id, position),
    CHECK (status <> 'DONE' OR (evidence IS NOT NULL AND done_at IS NOT NULL))
);
CREATE INDEX improvement_action_open ON improvement_action (deadline) WHERE status = 'OPEN';

-- What the warehouse ledger shows each drill actually drew (issue movements whose reference is the
-- drill), from warehouse.movements; a reversal of such an issue marks it reversed.
CREATE TABLE drawn_supply (
    movement_id  text        PRIMARY KEY,
    drill_id     uuid        NOT NULL,
    warehouse_id text        NOT NULL,
    item_id      text        NOT NULL,
    item_name    text,
    quantity     numeric     NOT NULL,
    unit         text,
    occurred_at  timestamptz NOT NULL,
    reversed     boolean     NOT NULL DEFAULT false
);
CREATE INDEX drawn_supply_drill ON drawn_supply (drill_id);
