-- The least work any correct 10,000-line stocktake must do, set-based (one statement
-- for the count, three for the submission, five for the approval), in PostgreSQL alone: the
-- yardstick bench/stocktake.py prints the service's times against. No rules, no JSON built, no
-- reads but the book quantities: what the contract makes every implementation write. It is a
-- floor below any real run: submit and approve share one transaction and are rolled back, so it
-- leaves out two commits and their WAL flushes.
--   count:   the counted lines;
--   submit:  each line's book quantity; a finding per differing line (its state row) and its
--            "opened" event in the outbox;
--   approve: the balances, a correction per line in the ledger and its "stock moved" event, each
--            finding resolved and its "resolved" event.
-- Payloads have the sizes the service's events have (opened 1.4 KB, moved 0.7 KB, resolved 1.7 KB).
-- Its own warehouse (division 419902001, outside the demo and the bench county, 最小盘点仓库) and
-- 10,000 items are made on the first run and kept for the next (items are never deleted: the ledger's foreign keys would scan it). As in
-- the service, the count is its own transaction, committed; submit and approve are then timed in
-- one transaction that is rolled back, and the count is removed: only the warehouse and its items
-- stay. The JIT is off, as the best case.   psql -v lines=10000 -f bench/stocktake-minimal.sql
\set ON_ERROR_STOP on
\if :{?lines}
\else
  \set lines 10000
\endif
SET jit = off;
BEGIN;
INSERT INTO warehouse (id, division, name, created_at, created_by)
    SELECT gen_random_uuid(), '419902001', '最小盘点仓库', now(), 'bench'
    WHERE NOT EXISTS (SELECT 1 FROM warehouse WHERE division = '419902001' AND name = '最小盘点仓库');
INSERT INTO storage_zone (id, warehouse_id, category, name)
    SELECT gen_random_uuid(), w.id, 'FLOOD', '防汛区' FROM warehouse w
    WHERE w.division = '419902001' AND w.name = '最小盘点仓库'
      AND NOT EXISTS (SELECT 1 FROM storage_zone z WHERE z.warehouse_id = w.id);
CREATE TEMP TABLE minimal_ids AS
    SELECT w.id AS warehouse, z.id AS zone, gen_random_uuid() AS stocktake, w.division
    FROM warehouse w JOIN storage_zone z ON z.warehouse_id = w.id
    WHERE w.division = '419902001' AND w.name = '最小盘点仓库';
INSERT INTO item (id, division, name, category, kind, specification, unit, created_at, created_by, updated_at,
                  imported, attributes)
    SELECT gen_random_uuid(), m.division, '物资 ' || n, 'FLOOD', 'GENERAL', '标准', '件', now(), 'bench', now(), false, '{}'
    FROM minimal_ids m, generate_series((SELECT count(*) FROM item WHERE division = '419902001') + 1, :lines) n;
DELETE FROM stocktake_line l USING stocktake s, minimal_ids m WHERE l.stocktake_id = s.id AND s.warehouse_id = m.warehouse;
DELETE FROM stocktake s USING minimal_ids m WHERE s.warehouse_id = m.warehouse;
INSERT INTO stocktake (id, warehouse_id, division, status, opened_at, opened_by)
    SELECT stocktake, warehouse, division, 'OPEN', now(), 'bench' FROM minimal_ids;
CREATE TEMP TABLE minimal_items AS
    SELECT i.id FROM item i WHERE i.division = '419902001' ORDER BY i.id LIMIT :lines;
ANALYZE minimal_items;
COMMIT;
\timing on
\echo == count
BEGIN;
INSERT INTO stocktake_line (stocktake_id, zone_id, item_id, lot, counted, counted_by, counted_at)
    SELECT m.stocktake, m.zone, i.id, '', 5, '盘点压测库管员', now() FROM minimal_ids m, minimal_items i;
COMMIT;
\echo == submit
BEGIN;
UPDATE stocktake_line l SET ledger = coalesce((SELECT b.quantity FROM stock_balance b
        WHERE b.warehouse_id = m.warehouse AND b.zone_id = l.zone_id AND b.item_id = l.item_id AND b.lot = l.lot), 0)
    FROM minimal_ids m WHERE l.stocktake_id = m.stocktake;
INSERT INTO discrepancy_state (key, rule, division, subject_type, subject_id, is_open, episode, opened_at, data)
    SELECT 'warehouse/' || m.division || '/LEDGER_MISMATCH/stock-line/' || m.warehouse || ':' || l.zone_id || ':'
               || l.item_id || ':', 'LEDGER_MISMATCH', m.division, 'stock-line',
           m.warehouse || ':' || l.zone_id || ':' || l.item_id || ':', true, 1, now(), repeat('d', 1000)
    FROM stocktake_line l, minimal_ids m WHERE l.stocktake_id = m.stocktake;
INSERT INTO outbox_event (id, topic, record_key, type, payload)
    SELECT gen_random_uuid(), 'preparedness.discrepancies', s.key, 'preparedness.discrepancy.opened', repeat('o', 1380)
    FROM discrepancy_state s, minimal_ids m WHERE s.division = m.division AND s.rule = 'LEDGER_MISMATCH' AND s.is_open;
\echo == approve
INSERT INTO stock_balance (warehouse_id, zone_id, item_id, lot, quantity, updated_at)
    SELECT m.warehouse, l.zone_id, l.item_id, l.lot, l.counted - l.ledger, now()
    FROM stocktake_line l, minimal_ids m WHERE l.stocktake_id = m.stocktake
    ON CONFLICT (warehouse_id, zone_id, item_id, lot)
    DO UPDATE SET quantity = stock_balance.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at;
INSERT INTO movement (id, warehouse_id, division, type, item_id, zone_id, lot, quantity, delta, reason,
                      actor, actor_id, occurred_at, recorded_at, stocktake_id)
    SELECT gen_random_uuid(), m.warehouse, m.division, 'STOCKTAKE_CORRECTION', l.item_id, l.zone_id, l.lot,
           abs(l.counted - l.ledger), l.counted - l.ledger, '万行盘点压测：按实盘更正', '盘点压测县应急办', 'bench',
           now(), now(), m.stocktake
    FROM stocktake_line l, minimal_ids m WHERE l.stocktake_id = m.stocktake;
INSERT INTO outbox_event (id, topic, record_key, type, payload)
    SELECT gen_random_uuid(), 'warehouse.movements', l.item_id::text, 'preparedness.stock.moved', repeat('m', 720)
    FROM stocktake_line l, minimal_ids m WHERE l.stocktake_id = m.stocktake;
UPDATE discrepancy_state s SET is_open = false, resolved_at = now(), data = repeat('r', 1100)
    FROM minimal_ids m WHERE s.division = m.division AND s.rule = 'LEDGER_MISMATCH' AND s.is_open;
INSERT INTO outbox_event (id, topic, record_key, type, payload)
    SELECT gen_random_uuid(), 'preparedness.discrepancies', s.key, 'preparedness.discrepancy.resolved', repeat('r', 1670)
    FROM discrepancy_state s, minimal_ids m
    WHERE s.division = m.division AND s.rule = 'LEDGER_MISMATCH' AND NOT s.is_open AND s.resolved_at = now();
\timing off
ROLLBACK;
DELETE FROM stocktake_line l USING minimal_ids m WHERE l.stocktake_id = m.stocktake;
DELETE FROM stocktake s USING minimal_ids m WHERE s.id = m.stocktake;
