-- The statistics count each item's measures and those done. They were counted from the measures
-- at every request: a period's items were read twice, once to count and once to join their
-- measures (425 ms for a county's three years on bench/county.sh, 225 ms of it the measures).
-- Now each item carries its two counts, kept by triggers on the measures (added, removed, or their
-- status changed), so that no code path can let them drift, and a period's figures come from one
-- index-only scan.

-- No measure may change between the counting below and the trigger (a replica of the former
-- version still serving while this one migrates).
LOCK TABLE rectification_measure IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE rectification_item
    ADD COLUMN measure_count integer NOT NULL DEFAULT 0,
    ADD COLUMN measures_done integer NOT NULL DEFAULT 0;

UPDATE rectification_item i
SET measure_count = m.total, measures_done = m.done
FROM (SELECT item_id, count(*) AS total, count(*) FILTER (WHERE status = 'DONE') AS done
      FROM rectification_measure GROUP BY item_id) m
WHERE m.item_id = i.id;

CREATE FUNCTION count_measures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.item_id = NEW.item_id THEN
        UPDATE rectification_item
        SET measures_done = measures_done + (NEW.status = 'DONE')::integer - (OLD.status = 'DONE')::integer
        WHERE id = NEW.item_id;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE rectification_item
        SET measure_count = measure_count - 1, measures_done = measures_done - (OLD.status = 'DONE')::integer
        WHERE id = OLD.item_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE rectification_item
        SET measure_count = measure_count + 1, measures_done = measures_done + (NEW.status = 'DONE')::integer
        WHERE id = NEW.item_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER measures_counted AFTER INSERT OR DELETE ON rectification_measure
    FOR EACH ROW EXECUTE FUNCTION count_measures();
-- Hibernate writes every column of a measure it updates: only a changed status (or item) recounts,
-- so that a reminder or an edited description does not rewrite the item and its indexes.
CREATE TRIGGER measures_recounted AFTER UPDATE ON rectification_measure
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.item_id IS DISTINCT FROM NEW.item_id)
    EXECUTE FUNCTION count_measures();

-- The statistics' index carries the counts too (it replaces V7's). Its first column is the one
-- rectification_item_detected (V1) indexes alone, so that index only cost writes.
DROP INDEX rectification_item_statistics;
CREATE INDEX rectification_item_statistics ON rectification_item (first_detected_at)
    INCLUDE (division, status, rule, responsible_department, closed_at, detected_at, recurrences,
             measure_count, measures_done, id);
DROP INDEX rectification_item_detected;
