-- What a warehouse posted since a moment (a stocktake's submission): the approval of a count reads
-- the adjustments still pending and what the county approved since, for all its lines in one query.
CREATE INDEX movement_recorded ON movement (warehouse_id, recorded_at);
