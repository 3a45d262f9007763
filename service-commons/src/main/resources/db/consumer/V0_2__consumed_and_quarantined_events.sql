-- For services that consume events through org.beiqin.commons.consumer (add db/consumer to
-- quarkus.flyway.locations). Each event id applied is recorded in the transaction of its effect,
-- so a redelivery changes nothing.
CREATE TABLE consumed_event (
    id          text        PRIMARY KEY,
    topic       text        NOT NULL,
    consumed_at timestamptz NOT NULL
);

-- A record that could not be applied (not a CloudEvent, missing fields, data the database
-- refuses) is kept here with the reason, shown to admins, and the records behind it go on.
-- One row per topic position, so a redelivered bad record is kept once.
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
