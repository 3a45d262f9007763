-- Removes the bench county 基准县 (419901), and nothing else: every statement is bounded to division
-- 419901… (or to rows of its warehouses, items and ledger items). Demo data (410182…) is never touched.
--
-- Both databases (connects to each in turn):
--   runuser -u postgres -- psql -h /var/run/postgresql -p 5432 -d beiqin_warehouse -v ON_ERROR_STOP=1 -f drop.sql
-- One database, as bench/county.sh calls it:
--   psql … -d beiqin_warehouse -v part=warehouse -f drop.sql
--   psql … -d beiqin_rectification -v part=rectification -f drop.sql
--
-- As a superuser, session_replication_role = replica skips the movement table's append-only trigger (and
-- the per-row FK triggers); as the tables' owner (the services' user) the append-only trigger is disabled
-- inside the transaction instead (ALTER TABLE … DISABLE TRIGGER, undone before the commit) and the FK
-- triggers run, which is slower. The deletes go children first either way.
-- Also removed: what the running services derived from the bench data since it was built — the warehouse
-- service's open_loan rows (V8) and discrepancy states of 419901 (their keys carry the stable ids that
-- warehouse.sql gives warehouses, extinguishers and equipment, so a stale "open" state would keep a rebuilt
-- county's findings from being announced again), and every rectification item of 419901, including those
-- the rectification service created from the warehouse service's findings.

\set ON_ERROR_STOP on
\timing on

\if :{?part}
\set both false
\else
\set both true
\set part warehouse
\connect beiqin_warehouse
\endif
SELECT :'part' = 'warehouse' AS do_warehouse, :'part' = 'rectification' AS do_rectification,
       current_setting('is_superuser') = 'on' AS su, to_regclass('open_loan') IS NOT NULL AS has_open_loan \gset

\if :do_warehouse
\echo '== beiqin_warehouse'
BEGIN;
SET LOCAL work_mem = '256MB';
SELECT pg_advisory_xact_lock(419901);
\if :su
SET LOCAL session_replication_role = replica;
\else
ALTER TABLE movement DISABLE TRIGGER movement_append_only;
\endif

CREATE TEMP TABLE bench_wh AS SELECT id FROM warehouse WHERE division LIKE '419901%';
CREATE TEMP TABLE bench_item AS SELECT id FROM item WHERE division LIKE '419901%';

\if :has_open_loan
DELETE FROM open_loan WHERE warehouse_id IN (SELECT id FROM bench_wh);
\endif
DELETE FROM adjustment_approval a USING movement m
WHERE m.id = a.movement_id AND m.warehouse_id IN (SELECT id FROM bench_wh);
DELETE FROM stocktake_line l USING stocktake s
WHERE s.id = l.stocktake_id AND s.warehouse_id IN (SELECT id FROM bench_wh);
DELETE FROM movement WHERE warehouse_id IN (SELECT id FROM bench_wh);
DELETE FROM stocktake WHERE warehouse_id IN (SELECT id FROM bench_wh);
DELETE FROM stock_balance WHERE warehouse_id IN (SELECT id FROM bench_wh);
DELETE FROM stock_standard WHERE warehouse_id IN (SELECT id FROM bench_wh) OR item_id IN (SELECT id FROM bench_item);
DELETE FROM stock_lot WHERE item_id IN (SELECT id FROM bench_item);
DELETE FROM extinguisher_record r USING extinguisher e
WHERE e.id = r.extinguisher_id AND e.warehouse_id IN (SELECT id FROM bench_wh);
DELETE FROM equipment_record r USING equipment e
WHERE e.id = r.equipment_id AND e.warehouse_id IN (SELECT id FROM bench_wh);
DELETE FROM inspection_photo p USING facility_inspection f
WHERE f.id = p.inspection_id AND f.warehouse_id IN (SELECT id FROM bench_wh);
DELETE FROM facility_inspection WHERE warehouse_id IN (SELECT id FROM bench_wh);
DELETE FROM drill_reference WHERE division LIKE '419901%';
DELETE FROM team_strength WHERE division LIKE '419901%';
DELETE FROM discrepancy_state WHERE division LIKE '419901%';
\if :su
\else
-- the FK checks of the deletes below scan movement, stock_balance and stocktake_line (no index leads with
-- item_id or zone_id): the dead rows go first
ALTER TABLE movement ENABLE TRIGGER movement_append_only;
COMMIT;
VACUUM movement;
VACUUM stock_balance;
VACUUM stocktake_line;
BEGIN;
SELECT pg_advisory_xact_lock(419901);
\endif
DELETE FROM extinguisher WHERE warehouse_id IN (SELECT id FROM warehouse WHERE division LIKE '419901%');
DELETE FROM equipment WHERE warehouse_id IN (SELECT id FROM warehouse WHERE division LIKE '419901%');
DELETE FROM storage_zone WHERE warehouse_id IN (SELECT id FROM warehouse WHERE division LIKE '419901%');
DELETE FROM warehouse WHERE division LIKE '419901%';
DELETE FROM item WHERE division LIKE '419901%';
COMMIT;
-- five million dead rows: reclaimed now rather than left to autovacuum during the next build
VACUUM (ANALYZE) movement;
VACUUM (ANALYZE) stock_balance;
VACUUM (ANALYZE) stocktake_line;
SELECT count(*) AS bench_warehouses_left FROM warehouse WHERE division LIKE '419901%';
\endif

\if :both
\connect beiqin_rectification
\set do_rectification true
SELECT current_setting('is_superuser') = 'on' AS su \gset
\endif

\if :do_rectification
\echo '== beiqin_rectification'
-- alert has no index on item_id: with the FK triggers on, every deleted item scans the alert table. A
-- superuser skips them (replica); the owner deletes the items' alerts, history, measures and lines first,
-- commits and vacuums alert, so that each check scans only what is left of it.
BEGIN;
SELECT pg_advisory_xact_lock(419901);
\if :su
SET LOCAL session_replication_role = replica;
\endif
DELETE FROM alert WHERE item_id IN (SELECT id FROM rectification_item WHERE division LIKE '419901%') OR division LIKE '419901%';
DELETE FROM item_history WHERE item_id IN (SELECT id FROM rectification_item WHERE division LIKE '419901%');
DELETE FROM rectification_measure WHERE item_id IN (SELECT id FROM rectification_item WHERE division LIKE '419901%');
DELETE FROM item_line WHERE item_id IN (SELECT id FROM rectification_item WHERE division LIKE '419901%');
DELETE FROM item_evidence WHERE item_id IN (SELECT id FROM rectification_item WHERE division LIKE '419901%');
\if :su
\else
COMMIT;
VACUUM alert;
BEGIN;
SELECT pg_advisory_xact_lock(419901);
-- what the service attached to the county's items meanwhile
DELETE FROM alert WHERE item_id IN (SELECT id FROM rectification_item WHERE division LIKE '419901%') OR division LIKE '419901%';
DELETE FROM item_history WHERE item_id IN (SELECT id FROM rectification_item WHERE division LIKE '419901%');
DELETE FROM rectification_measure WHERE item_id IN (SELECT id FROM rectification_item WHERE division LIKE '419901%');
DELETE FROM item_line WHERE item_id IN (SELECT id FROM rectification_item WHERE division LIKE '419901%');
DELETE FROM item_evidence WHERE item_id IN (SELECT id FROM rectification_item WHERE division LIKE '419901%');
\endif
DELETE FROM rectification_item WHERE division LIKE '419901%';
DELETE FROM discrepancy_state WHERE division LIKE '419901%';
DELETE FROM division WHERE code LIKE '419901%' AND length(code) = 12;
DELETE FROM division WHERE code LIKE '419901%' AND length(code) = 9;
DELETE FROM division WHERE code = '419901';
COMMIT;
VACUUM (ANALYZE) rectification_item;
VACUUM (ANALYZE) item_history;
VACUUM (ANALYZE) alert;
SELECT count(*) AS bench_items_left FROM rectification_item WHERE division LIKE '419901%';
\endif
