-- The least durable work any correct stock receipt must do, as one transaction: claim the
-- Idempotency-Key with the response stored, write the ledger row, add to the balance, write the
-- event to the outbox. No reads, no rules. throughput.sh runs it with pgbench against the same
-- items as the service's spread load: its rate is the ceiling the receipt path is measured against.
-- Variables (-D): warehouse, zone, division, items (a PostgreSQL uuid array literal, "{…,…}"),
-- count (how many ids it holds).
\set amount 1
\set k random(1, 1000000000000)
\set n random(1, :count)
BEGIN;
INSERT INTO idempotency_record (caller, key, operation, request_hash, created_at, status, response_body, location)
    VALUES ('pgbench', 'pgm-' || :client_id || '-' || :k, 'POST /warehouses/receipts', md5(random()::text), now(),
            201, repeat('y', 600), '/api/warehouse/movements/x')
    ON CONFLICT DO NOTHING;
INSERT INTO movement (actor, actor_id, delta, division, item_id, lot, occurred_at, quantity, reason, recorded_at,
                      type, warehouse_id, zone_id, id)
    VALUES ('pgbench', 'pgbench', :amount, ':division', (CAST(':items' AS uuid[]))[:n], '', now(), :amount, 'bench',
            now(), 'RECEIPT', ':warehouse', ':zone', gen_random_uuid());
INSERT INTO stock_balance (warehouse_id, zone_id, item_id, lot, quantity, updated_at)
    VALUES (':warehouse', ':zone', (CAST(':items' AS uuid[]))[:n], '', :amount, now())
    ON CONFLICT (warehouse_id, zone_id, item_id, lot)
    DO UPDATE SET quantity = stock_balance.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at;
INSERT INTO outbox_event (id, topic, record_key, type, payload)
    VALUES (gen_random_uuid(), 'warehouse.movements', 'pgbench', 'preparedness.stock.moved', repeat('x', 900));
COMMIT;
