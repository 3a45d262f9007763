-- The county's rectification ledger (整改台账). One item per discrepancy key, however often its
-- events arrive; the item carries the finding, the "six clears" (整改目标、责任领导、责任部门、
-- 责任人、整改时限, and the measures as rows of rectification_measure) and its status.
CREATE TABLE rectification_item (
    id                     uuid        PRIMARY KEY,
    discrepancy_key        text        NOT NULL UNIQUE,
    source                 text        NOT NULL,
    rule                   text        NOT NULL,
    severity               text        NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
    division               text        NOT NULL CHECK (division ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
    subject_type           text        NOT NULL,
    subject_id             text        NOT NULL,
    subject_label          text,
    summary_zh             text        NOT NULL,
    summary_en             text,
    evidence               jsonb       NOT NULL DEFAULT '{}',
    first_detected_at      timestamptz NOT NULL,
    detected_at            timestamptz NOT NULL,
    finding_open           boolean     NOT NULL,
    recurrences            integer     NOT NULL DEFAULT 0,
    status                 text        NOT NULL
        CHECK (status IN ('NOT_COMPLETED', 'BASICALLY_COMPLETED', 'COMPLETED', 'LONG_TERM')),
    target                 text,
    responsible_leader     text,
    responsible_department text,
    responsible_person     text,
    deadline               date        NOT NULL,
    verified_by            text,
    verified_by_name       text,
    verified_at            timestamptz,
    verification_evidence  text,
    resolution             jsonb,
    closed_at              timestamptz,
    reminded_for           date,
    escalated_for          date,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    version                integer     NOT NULL DEFAULT 0,
    -- 已完成 only with verification: the system's resolved event or a county officer's sign-off
    CONSTRAINT completed_is_verified CHECK (status <> 'COMPLETED'
        OR (verified_by IS NOT NULL AND verified_at IS NOT NULL AND closed_at IS NOT NULL
            AND verification_evidence IS NOT NULL))
);
CREATE INDEX rectification_item_division ON rectification_item (division text_pattern_ops);
CREATE INDEX rectification_item_detected ON rectification_item (first_detected_at);
CREATE INDEX rectification_item_open_deadline ON rectification_item (deadline)
    WHERE status IN ('NOT_COMPLETED', 'BASICALLY_COMPLETED');

-- 整改措施: each with an owner, a deadline, a status and, once done, its evidence.
CREATE TABLE rectification_measure (
    id            uuid        PRIMARY KEY,
    item_id       uuid        NOT NULL REFERENCES rectification_item (id),
    position      integer     NOT NULL,
    description   text        NOT NULL,
    owner         text        NOT NULL,
    deadline      date        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE')),
    evidence      text,
    done_at       timestamptz,
    done_by       text,
    reminded_for  date,
    escalated_for date,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    UNIQUE (item_id, position),
    CONSTRAINT done_has_evidence CHECK (status <> 'DONE' OR (evidence IS NOT NULL AND done_at IS NOT NULL))
);
CREATE INDEX rectification_measure_open_deadline ON rectification_measure (deadline) WHERE status <> 'DONE';

-- What happened to an item, in order: opened, reopened, verified, plan changed, signed off...
CREATE TABLE item_history (
    seq        bigserial   PRIMARY KEY,
    item_id    uuid        NOT NULL REFERENCES rectification_item (id),
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    actor_name text        NOT NULL,
    kind       text        NOT NULL,
    detail     jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX item_history_item ON item_history (item_id, seq);

-- Alerts to the county office. The id orders the feed (SSE Last-Event-ID, paging).
CREATE TABLE alert (
    id                   bigserial   PRIMARY KEY,
    item_id              uuid        NOT NULL REFERENCES rectification_item (id),
    division             text        NOT NULL,
    severity             text        NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
    kind                 text        NOT NULL,
    title_zh             text        NOT NULL,
    title_en             text        NOT NULL,
    created_at           timestamptz NOT NULL,
    acknowledged_at      timestamptz,
    acknowledged_by      text,
    acknowledged_by_name text
);
CREATE INDEX alert_division ON alert (division text_pattern_ops, id);
CREATE INDEX alert_unread ON alert (id) WHERE acknowledged_at IS NULL;

-- Every replica streams new alerts to its SSE clients: NOTIFY is delivered on commit only, so a
-- rolled-back alert is never announced.
CREATE FUNCTION announce_alert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('beiqin_alert', NEW.id::text);
    RETURN NEW;
END $$;
CREATE TRIGGER alert_announced AFTER INSERT ON alert FOR EACH ROW EXECUTE FUNCTION announce_alert();
