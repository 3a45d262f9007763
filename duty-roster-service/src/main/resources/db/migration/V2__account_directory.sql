-- Sign-in accounts as the gateway last announced them (identity.users). A member is bound only
-- to an account found here, active, holding the duty officer's role, in the team's area: the
-- binding is looked up, never typed, so nobody can check in for someone else.
CREATE TABLE directory_user (
    username     text        PRIMARY KEY,
    display_name text        NOT NULL,
    division     text        NOT NULL,
    roles        text[]      NOT NULL,
    active       boolean     NOT NULL,
    changed_at   timestamptz NOT NULL
);
CREATE INDEX directory_user_division ON directory_user (division text_pattern_ops);

-- The identity.users consumer runs on service-commons' EventLoop: the same tables as its
-- db/consumer (not in this service's locations, which began before it existed at V1).
CREATE TABLE consumed_event (
    id          text        PRIMARY KEY,
    topic       text        NOT NULL,
    consumed_at timestamptz NOT NULL
);
CREATE TABLE quarantined_event (
    id            bigserial   PRIMARY KEY,
    topic         text        NOT NULL,
    partition     integer     NOT NULL,
    record_offset bigint      NOT NULL,
    record_key    text,
    payload       text,
    reason        text        NOT NULL,
    received_at   timestamptz NOT NULL,
    UNIQUE (topic, partition, record_offset)
);
