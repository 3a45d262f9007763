-- The roster.teams consumer now runs on service-commons' EventLoop, which keeps records it cannot
-- apply here, with their payload, rather than as an error note in consumed_event (same table as
-- service-commons db/consumer, which a service starting afresh takes as it is).
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
