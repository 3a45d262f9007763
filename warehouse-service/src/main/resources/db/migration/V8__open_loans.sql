-- What of each issue is still out (发放未归还), kept as movements are posted instead of summed over
-- the whole ledger at every read: a county's three years hold millions of movements, and the loans
-- list, "needs attention" and the daily ISSUED_NOT_RETURNED sweep each read every issue ever made.
-- A row lives while something of the issue is out: an issue opens it; a return or write-off
-- against it takes its quantity off (the row goes at zero); reversing the issue removes it, and
-- reversing a return or write-off puts its quantity back. Kept by a trigger on the append-only
-- ledger, so no path that posts movements (one, a batch, a reversal) can leave it behind.
CREATE TABLE open_loan (
    issue_id     uuid           PRIMARY KEY REFERENCES movement (id),
    issue_seq    bigint         NOT NULL,
    warehouse_id uuid           NOT NULL REFERENCES warehouse (id),
    due_back     date,
    outstanding  numeric(14, 3) NOT NULL CHECK (outstanding > 0)
);
CREATE INDEX open_loan_warehouse ON open_loan (warehouse_id, issue_seq);
CREATE INDEX open_loan_due ON open_loan (due_back) WHERE due_back IS NOT NULL;

CREATE FUNCTION open_loan_follows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    reversed movement;
    issue    movement;
BEGIN
    IF NEW.type = 'ISSUE' THEN
        INSERT INTO open_loan (issue_id, issue_seq, warehouse_id, due_back, outstanding)
        VALUES (NEW.id, NEW.seq, NEW.warehouse_id, NEW.due_back, NEW.quantity);
    ELSIF NEW.type IN ('RETURN', 'WRITE_OFF') AND NEW.issue_id IS NOT NULL THEN
        UPDATE open_loan SET outstanding = outstanding - NEW.quantity WHERE issue_id = NEW.issue_id
            AND outstanding > NEW.quantity;
        IF NOT FOUND THEN
            DELETE FROM open_loan WHERE issue_id = NEW.issue_id;
        END IF;
    ELSIF NEW.type = 'REVERSAL' THEN
        SELECT * INTO reversed FROM movement WHERE id = NEW.reverses_id;
        IF reversed.type = 'ISSUE' THEN
            DELETE FROM open_loan WHERE issue_id = reversed.id;
        ELSIF reversed.type IN ('RETURN', 'WRITE_OFF') AND reversed.issue_id IS NOT NULL THEN
            SELECT * INTO issue FROM movement WHERE id = reversed.issue_id;
            -- an issue reversed itself has nothing out, whatever is undone of its settlements
            IF NOT EXISTS (SELECT 1 FROM movement r WHERE r.reverses_id = issue.id) THEN
                INSERT INTO open_loan AS l (issue_id, issue_seq, warehouse_id, due_back, outstanding)
                VALUES (issue.id, issue.seq, issue.warehouse_id, issue.due_back, reversed.quantity)
                ON CONFLICT (issue_id) DO UPDATE SET outstanding = l.outstanding + EXCLUDED.outstanding;
            END IF;
        END IF;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER open_loan_follows AFTER INSERT ON movement FOR EACH ROW
    WHEN (NEW.type IN ('ISSUE', 'RETURN', 'WRITE_OFF', 'REVERSAL'))
    EXECUTE FUNCTION open_loan_follows();

-- what is out now, from the ledger as it stands (the sums the reads made until now, in one pass)
INSERT INTO open_loan (issue_id, issue_seq, warehouse_id, due_back, outstanding)
SELECT i.id, i.seq, i.warehouse_id, i.due_back, i.quantity - coalesce(settled.quantity, 0)
FROM movement i
LEFT JOIN (SELECT s.issue_id, sum(s.quantity) AS quantity FROM movement s
           WHERE s.issue_id IS NOT NULL AND s.type IN ('RETURN', 'WRITE_OFF')
             AND NOT EXISTS (SELECT 1 FROM movement r WHERE r.reverses_id = s.id)
           GROUP BY s.issue_id) settled ON settled.issue_id = i.id
WHERE i.type = 'ISSUE' AND NOT EXISTS (SELECT 1 FROM movement r WHERE r.reverses_id = i.id)
  AND i.quantity - coalesce(settled.quantity, 0) > 0;
