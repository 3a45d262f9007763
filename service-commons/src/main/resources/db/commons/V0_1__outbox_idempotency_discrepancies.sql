-- Shared by every service; each service's own migrations start at V1.

-- Transactional outbox: written in the same transaction as the change that caused the event,
-- relayed to Kafka afterwards by OutboxRelay. Published rows are kept for a while so that
-- what reached the topic can be checked against what was written.
CREATE TABLE outbox_event (
    seq          bigserial   PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    record_key   text        NOT NULL,
    type         text        NOT NULL,
    payload      text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;

-- Idempotency-Key: the first response to a creating POST, per caller and key.
CREATE TABLE idempotency_record (
    caller        text        NOT NULL,
    key           text        NOT NULL,
    operation     text        NOT NULL,
    request_hash  text        NOT NULL,
    status        integer,
    response_body text,
    location      text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);

-- Open/resolved state per discrepancy key, so that events fire only on transitions.
CREATE TABLE discrepancy_state (
    key          text        PRIMARY KEY,
    rule         text        NOT NULL,
    division     text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   text        NOT NULL,
    is_open      boolean     NOT NULL,
    episode      integer     NOT NULL,
    opened_at    timestamptz NOT NULL,
    resolved_at  timestamptz,
    data         text        NOT NULL
);
CREATE INDEX discrepancy_state_open ON discrepancy_state (rule, division) WHERE is_open;
CREATE INDEX discrepancy_state_subject ON discrepancy_state (subject_type, subject_id);
