-- Teams and their members (应急救援队伍), duty periods with their shifts (值班表), check-ins and spot
-- checks (查岗). Every change to a team or member is audited with who, when, before and after.
CREATE TABLE team (
    id         uuid        PRIMARY KEY,
    division   text        NOT NULL CHECK (division ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
    name       text        NOT NULL,
    level      text        NOT NULL CHECK (level IN ('township', 'village')),
    created_at timestamptz NOT NULL,
    version    integer     NOT NULL DEFAULT 0
);
CREATE INDEX team_division ON team (division text_pattern_ops);

CREATE TABLE member (
    id         uuid        PRIMARY KEY,
    team_id    uuid        NOT NULL REFERENCES team (id),
    division   text        NOT NULL,
    name       text        NOT NULL,
    account    text,
    phone      text,
    gender     text        NOT NULL CHECK (gender IN ('M', 'F')),
    birth_date date        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('ACTIVE', 'RESIGNED', 'TRANSFERRED')),
    roles      jsonb       NOT NULL DEFAULT '[]',
    listed     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    integer     NOT NULL DEFAULT 0
);
CREATE INDEX member_team ON member (team_id);
CREATE INDEX member_account ON member (account);

CREATE TABLE audit_entry (
    seq         bigserial   PRIMARY KEY,
    subject     text        NOT NULL,
    subject_id  uuid        NOT NULL,
    division    text        NOT NULL,
    action      text        NOT NULL,
    actor       text        NOT NULL,
    actor_name  text        NOT NULL,
    at          timestamptz NOT NULL,
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_entry_subject ON audit_entry (subject_id, seq);

-- A duty period says what coverage it needs, e.g. flood season: around the clock, at least one
-- leader (带班领导) and two staff at every moment.
CREATE TABLE duty_period (
    id          uuid        PRIMARY KEY,
    division    text        NOT NULL,
    name        text        NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL CHECK (ends_at > starts_at),
    min_leaders integer     NOT NULL CHECK (min_leaders >= 0),
    min_staff   integer     NOT NULL CHECK (min_staff >= 0),
    created_at  timestamptz NOT NULL
);

CREATE TABLE shift (
    id                uuid        PRIMARY KEY,
    period_id         uuid        NOT NULL REFERENCES duty_period (id),
    division          text        NOT NULL,
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL CHECK (ends_at > starts_at),
    member_id         uuid        NOT NULL REFERENCES member (id),
    duty_role         text        NOT NULL CHECK (duty_role IN ('LEADER', 'STAFF')),
    source            text        NOT NULL CHECK (source IN ('ROTATION', 'MANUAL')),
    rotation_key      text,
    assigned_at       timestamptz NOT NULL,
    replaced_member_id uuid,
    change_reason     text,
    checked_in_at     timestamptz,
    check_in_late     boolean,
    check_in_location text,
    checked_out_at    timestamptz,
    version           integer     NOT NULL DEFAULT 0,
    UNIQUE (rotation_key)
);
CREATE INDEX shift_period ON shift (period_id, starts_at);
CREATE INDEX shift_member ON shift (member_id, starts_at);
CREATE INDEX shift_division_time ON shift (division text_pattern_ops, starts_at);

CREATE TABLE spot_check (
    id              uuid        PRIMARY KEY,
    division        text        NOT NULL,
    shift_id        uuid        NOT NULL REFERENCES shift (id),
    escalated_from  uuid        REFERENCES spot_check (id),
    sent_at         timestamptz NOT NULL,
    sent_by         text        NOT NULL,
    respond_by      timestamptz NOT NULL,
    acknowledged_at timestamptz,
    escalated_at    timestamptz
);
CREATE INDEX spot_check_open ON spot_check (respond_by) WHERE acknowledged_at IS NULL;
