-- The warehouse ledger. Stock changes only through movements; a movement is never edited or
-- deleted (see the trigger below); balances are kept per warehouse, zone, item and lot and can
-- never go negative (CHECK, and the conditional UPDATE in StockLedger).

CREATE TABLE warehouse (
    id                  uuid        PRIMARY KEY,
    division            text        NOT NULL CHECK (division ~ '^(\d{6}|\d{9}|\d{12})$'),
    name                text        NOT NULL,
    address             text,
    floor               integer,
    has_lift            boolean,
    entrance_clear      boolean,
    manual_door_release boolean,
    backup_power        boolean,
    created_at          timestamptz NOT NULL,
    created_by          text        NOT NULL
);
CREATE INDEX warehouse_division ON warehouse (division text_pattern_ops);

CREATE TABLE storage_zone (
    id           uuid    PRIMARY KEY,
    warehouse_id uuid    NOT NULL REFERENCES warehouse (id),
    name         text    NOT NULL,
    category     text    NOT NULL CHECK (category IN ('FLOOD', 'FIRE', 'RELIEF', 'OTHER')),
    UNIQUE (warehouse_id, name)
);

CREATE TABLE item (
    id            uuid        PRIMARY KEY,
    division      text        NOT NULL CHECK (division ~ '^(\d{6}|\d{9}|\d{12})$'),
    name          text        NOT NULL,
    category      text        NOT NULL CHECK (category IN ('FLOOD', 'FIRE', 'RELIEF', 'OTHER')),
    kind          text        NOT NULL,
    specification text,
    unit          text,
    attributes    jsonb       NOT NULL DEFAULT '{}',
    imported      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX item_division ON item (division text_pattern_ops);

-- A lot of a shelf-life item and its expiry; items without lots use the lot code ''.
CREATE TABLE stock_lot (
    item_id    uuid NOT NULL REFERENCES item (id),
    code       text NOT NULL,
    expires_on date,
    PRIMARY KEY (item_id, code)
);

CREATE TABLE stock_balance (
    warehouse_id uuid           NOT NULL REFERENCES warehouse (id),
    zone_id      uuid           NOT NULL REFERENCES storage_zone (id),
    item_id      uuid           NOT NULL REFERENCES item (id),
    lot          text           NOT NULL DEFAULT '',
    quantity     numeric(14, 3) NOT NULL CHECK (quantity >= 0),
    updated_at   timestamptz    NOT NULL,
    PRIMARY KEY (warehouse_id, zone_id, item_id, lot)
);
CREATE INDEX stock_balance_item ON stock_balance (item_id, warehouse_id);

CREATE TABLE movement (
    id              uuid           PRIMARY KEY,
    seq             bigserial      UNIQUE,
    warehouse_id    uuid           NOT NULL REFERENCES warehouse (id),
    division        text           NOT NULL,
    type            text           NOT NULL CHECK (type IN ('RECEIPT', 'ISSUE', 'RETURN', 'TRANSFER_OUT', 'TRANSFER_IN',
                                       'SCRAP', 'ADJUSTMENT', 'STOCKTAKE_CORRECTION', 'WRITE_OFF', 'REVERSAL')),
    item_id         uuid           NOT NULL REFERENCES item (id),
    zone_id         uuid           NOT NULL REFERENCES storage_zone (id),
    lot             text           NOT NULL DEFAULT '',
    quantity        numeric(14, 3) NOT NULL CHECK (quantity > 0),
    delta           numeric(14, 3) NOT NULL,
    reason          text,
    actor           text           NOT NULL,
    actor_id        text           NOT NULL,
    occurred_at     timestamptz    NOT NULL,
    recorded_at     timestamptz    NOT NULL,
    recipient_name  text,
    recipient_phone text,
    due_back        date,
    reference_type  text,
    reference_id    text,
    issue_id        uuid REFERENCES movement (id),
    reverses_id     uuid UNIQUE REFERENCES movement (id),
    transfer_id     uuid,
    stocktake_id    uuid
);
CREATE INDEX movement_card ON movement (warehouse_id, item_id, seq);
CREATE INDEX movement_issue ON movement (issue_id) WHERE issue_id IS NOT NULL;
CREATE INDEX movement_open_issues ON movement (warehouse_id, due_back) WHERE type = 'ISSUE';
CREATE INDEX movement_reference ON movement (reference_type, reference_id) WHERE reference_id IS NOT NULL;

CREATE FUNCTION movement_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'movements are never edited or deleted; post a reversal instead';
END
$$;
CREATE TRIGGER movement_append_only BEFORE UPDATE OR DELETE ON movement
    FOR EACH ROW EXECUTE FUNCTION movement_is_append_only();

-- The minimum a warehouse must hold of an item (BELOW_STANDARD).
CREATE TABLE stock_standard (
    warehouse_id uuid           NOT NULL REFERENCES warehouse (id),
    item_id      uuid           NOT NULL REFERENCES item (id),
    minimum      numeric(14, 3) NOT NULL CHECK (minimum >= 0),
    set_by       text           NOT NULL,
    set_at       timestamptz    NOT NULL,
    PRIMARY KEY (warehouse_id, item_id)
);

CREATE TABLE stocktake (
    id           uuid        PRIMARY KEY,
    warehouse_id uuid        NOT NULL REFERENCES warehouse (id),
    division     text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED', 'RECONCILED')),
    note         text,
    opened_at    timestamptz NOT NULL,
    opened_by    text        NOT NULL,
    submitted_at timestamptz,
    submitted_by text,
    reconciled_at timestamptz,
    reconciled_by text
);
-- One count in progress per warehouse at a time.
CREATE UNIQUE INDEX stocktake_one_open ON stocktake (warehouse_id) WHERE status = 'OPEN';
CREATE INDEX stocktake_submitted ON stocktake (warehouse_id, submitted_at);

CREATE TABLE stocktake_line (
    stocktake_id uuid           NOT NULL REFERENCES stocktake (id),
    zone_id      uuid           NOT NULL REFERENCES storage_zone (id),
    item_id      uuid           NOT NULL REFERENCES item (id),
    lot          text           NOT NULL DEFAULT '',
    counted      numeric(14, 3) NOT NULL CHECK (counted >= 0),
    ledger       numeric(14, 3),
    counted_by   text           NOT NULL,
    counted_at   timestamptz    NOT NULL,
    PRIMARY KEY (stocktake_id, zone_id, item_id, lot)
);
