-- A keeper's adjustment changes a balance with no count behind it. The county office approves
-- it (or it stays an open ADJUSTMENT_UNAPPROVED finding). Movements are append-only, so the
-- approval is a row of its own, once per adjustment.
CREATE TABLE adjustment_approval (
    movement_id      uuid        PRIMARY KEY REFERENCES movement (id),
    approved_by      text        NOT NULL,
    approved_by_name text        NOT NULL,
    approved_at      timestamptz NOT NULL,
    note             text
);
