-- The county's statistics and the notice's totals read every item first found in a period: with the
-- columns they count carried in the index, a period is read from the index alone (an index-only scan)
-- instead of from the items' wide rows (evidence, resolution, six clears). On a county's three
-- years (100,000 items, bench/county.sh) a year's statistics went from 210-290 ms to under 100 ms;
-- bench/county/explain-statistics.txt has the plans.
CREATE INDEX rectification_item_statistics ON rectification_item (first_detected_at)
    INCLUDE (division, status, rule, responsible_department, closed_at, detected_at, recurrences, id);

-- The ledger filtered by rule, newest first (and a notice's problems, by rule and then as found):
-- without it a rule whose findings are rare walked the whole ledger by date to fill a page
-- (160-230 ms for BATTERY_LOW at high severity on the bench county; 7-14 ms with it).
CREATE INDEX rectification_item_rule ON rectification_item (rule, first_detected_at, id);
