-- The SQL warehouse-service runs for one stock receipt (POST …/receipts), statement for statement,
-- as PostgreSQL's log_statement=all recorded it: claim the Idempotency-Key (in the same statement,
-- check it was not used in the former caller form), read the warehouse, the item and its default
-- zone in one query, write the ledger row, its outbox event and the balance in one statement (its
-- row locked from there to the commit) that also reads back the item's standard and usable stock
-- for the below-standard rule — unless the posting waited for the row while another transaction
-- changed it, as on the hot row nearly every receipt does: then the rule reads them again in a
-- statement of its own, as here (the mixed-storage rule reads nothing when the zone's category is the
-- item's, the expired-stock rule nothing for stock without a lot), resolve what the rules no longer
-- find in one statement, store the response. pgbench runs it at the same client counts as the HTTP
-- load: its rate is the database's own ceiling for this work.
-- Variables (-D): warehouse, item, zone, division.
\set amount 1
\set k random(1, 1000000000000)
BEGIN;
INSERT INTO idempotency_record (caller, key, operation, request_hash, created_at)
    SELECT 'pgbench', 'pgb-' || :client_id || '-' || :k, 'POST /warehouses/receipts', md5(random()::text), now()
    WHERE NOT EXISTS (SELECT 1 FROM idempotency_record WHERE caller = 'pgbench-legacy' AND key = 'pgb-' || :client_id || '-' || :k)
    ON CONFLICT DO NOTHING;
SELECT w.id, w.address, w.backup_power, w.created_at, w.created_by, w.division, w.entrance_clear, w.floor, w.has_lift,
       w.manual_door_release, w.name, i.id, i.attributes, i.category, i.created_at, i.created_by, i.division,
       i.imported, i.kind, i.name, i.specification, i.unit, i.updated_at, z.id, z.category, z.name, z.warehouse_id
    FROM warehouse w CROSS JOIN item i LEFT JOIN storage_zone z ON z.warehouse_id = w.id AND z.category = i.category
    WHERE w.id = ':warehouse' AND i.id = ':item' ORDER BY z.name FETCH FIRST 1 ROWS ONLY;
WITH posted AS (
    INSERT INTO movement (id, warehouse_id, division, type, item_id, zone_id, lot, quantity, delta, reason, actor, actor_id,
                          occurred_at, recorded_at, recipient_name, recipient_phone, due_back, reference_type,
                          reference_id, issue_id, reverses_id, transfer_id, stocktake_id)
    VALUES (gen_random_uuid(), ':warehouse', ':division', 'RECEIPT', ':item', ':zone', '', :amount, :amount, 'bench',
            'pgbench', 'pgbench', now(), now(), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
    RETURNING seq),
event AS (
    INSERT INTO outbox_event (id, topic, record_key, type, payload)
    VALUES (gen_random_uuid(), 'warehouse.movements', ':item', 'preparedness.stock.moved', repeat('x', 900))),
moved AS (
    INSERT INTO stock_balance (warehouse_id, zone_id, item_id, lot, quantity, updated_at)
    VALUES (':warehouse', ':zone', ':item', '', :amount, now())
    ON CONFLICT (warehouse_id, zone_id, item_id, lot)
    DO UPDATE SET quantity = stock_balance.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at
    RETURNING quantity)
SELECT (SELECT seq FROM posted),
       (SELECT s.minimum FROM stock_standard s WHERE s.warehouse_id = ':warehouse' AND s.item_id = ':item'),
       CASE WHEN EXISTS (SELECT 1 FROM stock_lot l WHERE l.item_id = ':item' AND l.code = '' AND l.expires_on < current_date)
            THEN 0 ELSE m.quantity END
       + coalesce((SELECT sum(b.quantity) FROM stock_balance b
                   LEFT JOIN stock_lot l ON l.item_id = b.item_id AND l.code = b.lot
                   WHERE b.warehouse_id = ':warehouse' AND b.item_id = ':item' AND (b.zone_id <> ':zone' OR b.lot <> '')
                     AND (l.expires_on IS NULL OR l.expires_on >= current_date)), 0),
       coalesce((SELECT b.quantity FROM stock_balance b
                 WHERE b.warehouse_id = ':warehouse' AND b.zone_id = ':zone' AND b.item_id = ':item' AND b.lot = ''), 0)
       + :amount = m.quantity
FROM moved m;
SELECT r.item_id, s.minimum, coalesce((SELECT sum(b.quantity) FROM stock_balance b
        LEFT JOIN stock_lot l ON l.item_id = b.item_id AND l.code = b.lot
        WHERE b.warehouse_id = ':warehouse' AND b.item_id = r.item_id AND (l.expires_on IS NULL OR l.expires_on >= current_date)), 0)
    FROM unnest(ARRAY[CAST(':item' AS uuid)]) AS r (item_id)
    LEFT JOIN stock_standard s ON s.warehouse_id = ':warehouse' AND s.item_id = r.item_id;
WITH target AS (
    SELECT d.key FROM discrepancy_state d WHERE d.key = ANY(ARRAY['bench/mixed', 'bench/standard']) AND d.is_open
    ORDER BY d.key FOR UPDATE)
UPDATE discrepancy_state d SET is_open = false, resolved_at = now() FROM target WHERE d.key = target.key
    RETURNING d.key, d.data;
UPDATE idempotency_record SET status = 201, response_body = repeat('y', 600), location = '/api/warehouse/movements/x'
    WHERE caller = 'pgbench' AND key = 'pgb-' || :client_id || '-' || :k;
COMMIT;
