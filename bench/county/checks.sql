-- Counts and invariants of the bench county in both databases (read only).
--   runuser -u postgres -- psql -h /var/run/postgresql -p 5432 -d beiqin_warehouse -f checks.sql
\timing off
\pset footer off

\connect beiqin_warehouse
\echo '== warehouse: rows'
SELECT 'warehouse' AS what, count(*) FROM warehouse WHERE division LIKE '419901%'
UNION ALL SELECT 'storage_zone', count(*) FROM storage_zone z JOIN warehouse w ON w.id = z.warehouse_id WHERE w.division LIKE '419901%'
UNION ALL SELECT 'item', count(*) FROM item WHERE division LIKE '419901%'
UNION ALL SELECT 'movement', count(*) FROM movement WHERE division LIKE '419901%'
UNION ALL SELECT 'stock_balance', count(*) FROM stock_balance b JOIN warehouse w ON w.id = b.warehouse_id WHERE w.division LIKE '419901%'
UNION ALL SELECT 'stock_lot', count(*) FROM stock_lot l JOIN item i ON i.id = l.item_id WHERE i.division LIKE '419901%'
UNION ALL SELECT 'stock_standard', count(*) FROM stock_standard s JOIN warehouse w ON w.id = s.warehouse_id WHERE w.division LIKE '419901%'
UNION ALL SELECT 'stocktake', count(*) FROM stocktake WHERE division LIKE '419901%'
UNION ALL SELECT 'stocktake_line', count(*) FROM stocktake_line l JOIN stocktake s ON s.id = l.stocktake_id WHERE s.division LIKE '419901%'
UNION ALL SELECT 'adjustment_approval', count(*) FROM adjustment_approval a JOIN movement m ON m.id = a.movement_id WHERE m.division LIKE '419901%'
UNION ALL SELECT 'extinguisher', count(*) FROM extinguisher WHERE division LIKE '419901%'
UNION ALL SELECT 'extinguisher_record', count(*) FROM extinguisher_record r JOIN extinguisher e ON e.id = r.extinguisher_id WHERE e.division LIKE '419901%'
UNION ALL SELECT 'equipment', count(*) FROM equipment WHERE division LIKE '419901%'
UNION ALL SELECT 'equipment_record', count(*) FROM equipment_record r JOIN equipment e ON e.id = r.equipment_id WHERE e.division LIKE '419901%'
UNION ALL SELECT 'facility_inspection', count(*) FROM facility_inspection WHERE division LIKE '419901%'
UNION ALL SELECT 'drill_reference', count(*) FROM drill_reference WHERE division LIKE '419901%';

\echo '== movements by type'
SELECT type, count(*), round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
FROM movement WHERE division LIKE '419901%' GROUP BY type ORDER BY 2 DESC;

\echo '== movements per item (min / avg / max), and the time span'
SELECT min(n), round(avg(n)) AS avg, max(n), count(*) AS items FROM (
    SELECT item_id, count(*) AS n FROM movement WHERE division LIKE '419901%' GROUP BY item_id) s;
SELECT min(occurred_at), max(occurred_at), max(recorded_at) <= now() AS none_in_future
FROM movement WHERE division LIKE '419901%';

\echo '== invariants (each should be 0)'
SELECT 'negative running balance (warehouse, zone, item, lot) in seq order' AS check, count(*) FROM (
    SELECT sum(delta) OVER (PARTITION BY warehouse_id, zone_id, item_id, lot ORDER BY seq) AS run
    FROM movement WHERE division LIKE '419901%') s WHERE run < 0
UNION ALL
SELECT 'seq out of occurred_at / recorded_at order per (warehouse, item)', count(*) FROM (
    SELECT occurred_at < lag(occurred_at) OVER w OR recorded_at < lag(recorded_at) OVER w AS bad
    FROM movement WHERE division LIKE '419901%'
    WINDOW w AS (PARTITION BY warehouse_id, item_id ORDER BY seq)) s WHERE bad
UNION ALL
SELECT 'stock_balance <> sum(delta) (either side missing counts too)', count(*) FROM (
    SELECT b.quantity, s.q, b.updated_at, s.last FROM stock_balance b
    JOIN warehouse w ON w.id = b.warehouse_id AND w.division LIKE '419901%'
    FULL JOIN (SELECT warehouse_id, zone_id, item_id, lot, sum(delta) AS q, max(recorded_at) AS last FROM movement
               WHERE division LIKE '419901%' GROUP BY 1, 2, 3, 4) s
      ON (s.warehouse_id, s.zone_id, s.item_id, s.lot) = (b.warehouse_id, b.zone_id, b.item_id, b.lot)) x
    WHERE x.quantity IS DISTINCT FROM x.q OR x.updated_at IS DISTINCT FROM x.last
UNION ALL
SELECT 'delta sign wrong for its type', count(*) FROM movement WHERE division LIKE '419901%' AND NOT (
       (type IN ('RECEIPT', 'RETURN', 'TRANSFER_IN') AND delta = quantity)
    OR (type IN ('ISSUE', 'SCRAP', 'TRANSFER_OUT') AND delta = -quantity)
    OR (type = 'WRITE_OFF' AND delta = 0)
    OR (type IN ('ADJUSTMENT', 'STOCKTAKE_CORRECTION') AND abs(delta) = quantity)
    OR (type = 'REVERSAL' AND abs(delta) = quantity))
UNION ALL
SELECT 'settlement without its issue (or of another line, or before it)', count(*) FROM movement s
    LEFT JOIN movement i ON i.id = s.issue_id
    WHERE s.division LIKE '419901%' AND s.issue_id IS NOT NULL
      AND (i.id IS NULL OR i.type <> 'ISSUE' OR i.warehouse_id <> s.warehouse_id OR i.item_id <> s.item_id OR i.lot <> s.lot
           OR i.occurred_at > s.occurred_at)
UNION ALL
SELECT 'returned + written off > issued', count(*) FROM (
    SELECT i.quantity, sum(s.quantity) AS settled FROM movement i JOIN movement s ON s.issue_id = i.id
    WHERE i.division LIKE '419901%' AND i.type = 'ISSUE' GROUP BY i.id, i.quantity) x WHERE settled > quantity
UNION ALL
SELECT 'issue without recipient or reference, or due_back without recipient', count(*) FROM movement
    WHERE division LIKE '419901%' AND type = 'ISSUE'
      AND ((recipient_name IS NULL AND reference_id IS NULL) OR (due_back IS NOT NULL AND recipient_name IS NULL)
           OR due_back < (occurred_at AT TIME ZONE 'Asia/Shanghai')::date)
UNION ALL
SELECT 'lot without stock_lot (shelf-life kinds) / shelf-life stock without lot', count(*) FROM stock_balance b
    JOIN item i ON i.id = b.item_id AND i.division LIKE '419901%'
    LEFT JOIN stock_lot l ON l.item_id = b.item_id AND l.code = b.lot
    WHERE (b.lot <> '' AND l.code IS NULL) OR (b.lot = '' AND i.kind IN ('FOOD', 'WATER', 'MEDICINE', 'BATTERY'))
UNION ALL
SELECT 'counted or ledger of a stocktake line off', count(*) FROM stocktake_line l JOIN stocktake s ON s.id = l.stocktake_id
    WHERE s.division LIKE '419901%' AND (l.counted < 0 OR l.ledger < 0)
UNION ALL
SELECT 'stocktake corrections <> the differences counted', count(*) FROM (
    SELECT s.id, sum(l.counted - l.ledger) AS d FROM stocktake s JOIN stocktake_line l ON l.stocktake_id = s.id
    WHERE s.division LIKE '419901%' GROUP BY s.id) d
    FULL JOIN (SELECT stocktake_id, sum(delta) AS c FROM movement WHERE division LIKE '419901%' AND type = 'STOCKTAKE_CORRECTION'
               GROUP BY stocktake_id) c ON c.stocktake_id = d.id
    WHERE coalesce(d.d, 0) <> coalesce(c.c, 0);

\echo '== loans as the app reads them (StockQueries.OUTSTANDING: issued less unreversed returns and write-offs)'
WITH o AS (
    SELECT i.id, i.warehouse_id, i.due_back, i.quantity - coalesce((
        SELECT sum(s.quantity) FROM movement s WHERE s.issue_id = i.id AND s.type IN ('RETURN', 'WRITE_OFF')
          AND NOT EXISTS (SELECT 1 FROM movement r WHERE r.reverses_id = s.id)), 0) AS outstanding
    FROM movement i
    WHERE i.division LIKE '419901%' AND i.type = 'ISSUE' AND NOT EXISTS (SELECT 1 FROM movement r WHERE r.reverses_id = i.id))
SELECT count(*) FILTER (WHERE due_back IS NOT NULL) AS loans_to_people,
       count(*) FILTER (WHERE outstanding > 0) AS open_issues,
       count(*) FILTER (WHERE outstanding > 0 AND due_back IS NULL) AS open_for_incidents,
       count(*) FILTER (WHERE outstanding > 0 AND due_back >= (now() AT TIME ZONE 'Asia/Shanghai')::date) AS open_loans_not_due,
       count(*) FILTER (WHERE outstanding > 0 AND due_back < (now() AT TIME ZONE 'Asia/Shanghai')::date) AS open_loans_overdue,
       (SELECT max(n) FROM (SELECT count(*) AS n FROM o o2 WHERE o2.outstanding > 0 GROUP BY o2.warehouse_id) x)
           AS most_open_in_one_warehouse,
       (SELECT count(*) FROM open_loan l JOIN warehouse w ON w.id = l.warehouse_id WHERE w.division LIKE '419901%') AS open_loan_rows,
       -- open_loan (V8) must hold exactly the issues with something out, with that quantity and the issue's seq
       (SELECT count(*) FROM (SELECT id, outstanding FROM o WHERE outstanding > 0) a
            FULL JOIN (SELECT l.issue_id, l.outstanding, l.issue_seq, l.due_back, l.warehouse_id FROM open_loan l
                       JOIN warehouse w ON w.id = l.warehouse_id WHERE w.division LIKE '419901%') b ON b.issue_id = a.id
            LEFT JOIN movement m ON m.id = b.issue_id
            WHERE a.outstanding IS DISTINCT FROM b.outstanding OR m.seq IS DISTINCT FROM b.issue_seq
               OR m.due_back IS DISTINCT FROM b.due_back OR m.warehouse_id IS DISTINCT FROM b.warehouse_id)
           AS open_loan_mismatches
FROM o;

\echo '== what the rules would find now'
SELECT 'below standard (usable < minimum)' AS finding, count(*) FROM stock_standard s
    JOIN warehouse w ON w.id = s.warehouse_id AND w.division LIKE '419901%'
    WHERE s.minimum > coalesce((SELECT sum(b.quantity) FROM stock_balance b LEFT JOIN stock_lot l ON l.item_id = b.item_id AND l.code = b.lot
                                WHERE b.warehouse_id = s.warehouse_id AND b.item_id = s.item_id
                                  AND (l.expires_on IS NULL OR l.expires_on >= current_date)), 0)
UNION ALL
SELECT 'expired lots still in stock', count(*) FROM stock_balance b JOIN stock_lot l ON l.item_id = b.item_id AND l.code = b.lot
    JOIN warehouse w ON w.id = b.warehouse_id AND w.division LIKE '419901%'
    WHERE l.expires_on < current_date AND b.quantity > 0
UNION ALL
SELECT 'warehouses without a stocktake for 90 days', count(*) FROM warehouse w
    WHERE w.division LIKE '419901%' AND coalesce((SELECT max(submitted_at) FROM stocktake s WHERE s.warehouse_id = w.id), w.created_at)
          < now() - interval '91 days'
UNION ALL
SELECT 'extinguishers in service past monthly check (31 d) or annual inspection (365 d)', count(*) FROM extinguisher e
    WHERE e.division LIKE '419901%' AND e.status = 'IN_SERVICE'
      AND (coalesce((SELECT max(on_date) FROM extinguisher_record r WHERE r.extinguisher_id = e.id AND r.kind = 'MONTHLY_CHECK'),
                    (e.registered_at AT TIME ZONE 'Asia/Shanghai')::date) + 31 < current_date
        OR coalesce((SELECT max(on_date) FROM extinguisher_record r WHERE r.extinguisher_id = e.id AND r.kind = 'ANNUAL_INSPECTION'),
                    (e.registered_at AT TIME ZONE 'Asia/Shanghai')::date) + 365 < current_date)
UNION ALL
SELECT 'battery equipment whose last reading is below 80 %', count(*) FROM equipment e
    WHERE e.division LIKE '419901%' AND e.battery_powered
      AND (SELECT percent FROM equipment_record r WHERE r.equipment_id = e.id AND r.kind = 'CHARGE_READING'
           ORDER BY at DESC, seq DESC LIMIT 1) < 80
UNION ALL
SELECT 'battery equipment without a reading for 30 days (14 the satellite phone)', count(*) FROM equipment e
    WHERE e.division LIKE '419901%' AND e.battery_powered
      AND (SELECT max(at) FROM equipment_record r WHERE r.equipment_id = e.id AND r.kind = 'CHARGE_READING')
          < now() - CASE WHEN e.kind = 'SATELLITE_PHONE' THEN interval '14 days' ELSE interval '30 days' END
UNION ALL
SELECT 'equipment faulty', count(*) FROM equipment WHERE division LIKE '419901%' AND status = 'FAULTY';

\echo '== demo data (410182…): rows'
SELECT (SELECT count(*) FROM warehouse WHERE division LIKE '410182%') AS warehouses,
       (SELECT count(*) FROM item WHERE division LIKE '410182%') AS items,
       (SELECT count(*) FROM movement WHERE division LIKE '410182%') AS movements,
       (SELECT md5(string_agg(id::text || ':' || seq || ':' || delta, ',' ORDER BY seq)) FROM movement WHERE division LIKE '410182%') AS movements_md5,
       (SELECT md5(string_agg(warehouse_id::text || item_id || lot || quantity, ',' ORDER BY warehouse_id, item_id, zone_id, lot))
        FROM stock_balance b WHERE warehouse_id IN (SELECT id FROM warehouse WHERE division LIKE '410182%')) AS balances_md5;

\connect beiqin_rectification
\echo '== rectification: rows'
SELECT 'division' AS what, count(*) FROM division WHERE code LIKE '419901%'
UNION ALL SELECT 'rectification_item', count(*) FROM rectification_item WHERE division LIKE '419901%'
UNION ALL SELECT 'rectification_measure', count(*) FROM rectification_measure m JOIN rectification_item i ON i.id = m.item_id WHERE i.division LIKE '419901%'
UNION ALL SELECT 'item_history', count(*) FROM item_history h JOIN rectification_item i ON i.id = h.item_id WHERE i.division LIKE '419901%'
UNION ALL SELECT 'alert', count(*) FROM alert WHERE division LIKE '419901%'
UNION ALL SELECT 'item_line', count(*) FROM item_line l JOIN rectification_item i ON i.id = l.item_id WHERE i.division LIKE '419901%';

\echo '== items per status (and finding still open), by age'
SELECT status, count(*) AS items, count(*) FILTER (WHERE finding_open) AS finding_open,
       count(*) FILTER (WHERE first_detected_at > now() - interval '30 days') AS last_30_days,
       count(*) FILTER (WHERE first_detected_at < now() - interval '1 year') AS older_than_a_year,
       count(*) FILTER (WHERE status IN ('NOT_COMPLETED', 'BASICALLY_COMPLETED') AND deadline < current_date) AS overdue,
       count(*) FILTER (WHERE target IS NOT NULL) AS planned
FROM rectification_item WHERE division LIKE '419901%' GROUP BY status ORDER BY 2 DESC;

\echo '== items per rule'
SELECT rule, severity, count(*), count(*) FILTER (WHERE status <> 'COMPLETED') AS not_completed, sum(recurrences) AS recurrences
FROM rectification_item WHERE division LIKE '419901%' GROUP BY rule, severity ORDER BY 3 DESC;

\echo '== measures, history, alerts'
SELECT m.status, count(*), count(*) FILTER (WHERE m.deadline < current_date) AS past_deadline
FROM rectification_measure m JOIN rectification_item i ON i.id = m.item_id WHERE i.division LIKE '419901%' GROUP BY 1 ORDER BY 1;
SELECT h.kind, count(*) FROM item_history h JOIN rectification_item i ON i.id = h.item_id WHERE i.division LIKE '419901%'
GROUP BY 1 ORDER BY 2 DESC;
SELECT min(n), round(avg(n), 1) AS avg, max(n), percentile_cont(0.9) WITHIN GROUP (ORDER BY n) AS p90 FROM (
    SELECT count(*) AS n FROM item_history h JOIN rectification_item i ON i.id = h.item_id WHERE i.division LIKE '419901%'
    GROUP BY h.item_id) s;
SELECT kind, count(*), count(*) FILTER (WHERE acknowledged_at IS NULL) AS unread
FROM alert WHERE division LIKE '419901%' GROUP BY 1 ORDER BY 2 DESC;

\echo '== invariants (each should be 0)'
SELECT 'completed but finding open (without a county sign-off) / open status without an open finding' AS check, count(*)
    FROM rectification_item WHERE division LIKE '419901%'
      AND ((status = 'COMPLETED' AND finding_open AND verified_by = 'system') OR (status <> 'COMPLETED' AND NOT finding_open))
UNION ALL
SELECT 'line counts differ from the lines', count(*) FROM rectification_item i WHERE i.division LIKE '419901%'
    AND (i.line_count, i.open_line_count) <> (SELECT count(*), count(*) FILTER (WHERE finding_open) FROM item_line l WHERE l.item_id = i.id)
UNION ALL
SELECT 'open stocktake item without an open line', count(*) FROM rectification_item
    WHERE division LIKE '419901%' AND rule = 'LEDGER_MISMATCH' AND status <> 'COMPLETED' AND open_line_count = 0
UNION ALL
SELECT 'measure done without evidence / pursued item without its escalation mark', count(*) FROM rectification_item i
    WHERE i.division LIKE '419901%' AND i.status IN ('NOT_COMPLETED', 'BASICALLY_COMPLETED') AND i.deadline < current_date
      AND i.escalated_for IS DISTINCT FROM i.deadline
UNION ALL
SELECT 'key not service/division/RULE/type/id of the item', count(*) FROM rectification_item WHERE division LIKE '419901%'
    AND discrepancy_key <> split_part(discrepancy_key, '/', 1) || '/' || division || '/' || rule || '/' || subject_type || '/' || subject_id
UNION ALL
SELECT 'division not registered', count(*) FROM (SELECT DISTINCT division FROM rectification_item WHERE division LIKE '419901%') d
    WHERE NOT EXISTS (SELECT 1 FROM division x WHERE x.code = d.division)
UNION ALL
SELECT 'history or alert in the future / before the item', count(*) FROM item_history h JOIN rectification_item i ON i.id = h.item_id
    WHERE i.division LIKE '419901%' AND (h.at > now() OR h.at < i.created_at - interval '1 minute')
UNION ALL
SELECT 'alert ids out of created_at order', count(*) FROM (
    SELECT created_at < lag(created_at) OVER (ORDER BY id) AS bad FROM alert WHERE division LIKE '419901%') s WHERE bad;

\echo '== demo data (410182…)'
SELECT (SELECT count(*) FROM division WHERE code LIKE '410182%') AS divisions,
       (SELECT count(*) FROM rectification_item WHERE division LIKE '410182%') AS items,
       (SELECT md5(string_agg(discrepancy_key, ',' ORDER BY discrepancy_key)) FROM rectification_item WHERE division LIKE '410182%') AS keys_md5,
       (SELECT count(*) FROM alert WHERE division LIKE '410182%') AS alerts;
