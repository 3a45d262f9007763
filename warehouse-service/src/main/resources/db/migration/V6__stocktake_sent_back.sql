-- The county may send a submitted stocktake back to the keeper with a reason instead of approving
-- it: the count is open again, and the last reason stays on it for the keeper to read.
ALTER TABLE stocktake
    ADD COLUMN sent_back_at     timestamptz,
    ADD COLUMN sent_back_by     text,
    ADD COLUMN sent_back_reason text;
CREATE INDEX stocktake_status_division ON stocktake (status, division);
