-- Shared by every service. Repeatable, so that it may come after any service's own migrations.
-- One row per period of a scheduled sweep, written by the replica that claimed it (Sweep.sweepPeriod):
-- the replicas' schedules do not line up, and this keeps a period to one run across them.
CREATE TABLE IF NOT EXISTS sweep_run (
    name         text        NOT NULL,
    period_start timestamptz NOT NULL,
    replica      text        NOT NULL,
    started_at   timestamptz NOT NULL,
    PRIMARY KEY (name, period_start)
);
