-- The same file is attached to an item once, even when two uploads of it race (a double tap).
CREATE UNIQUE INDEX item_evidence_once ON item_evidence (item_id, sha256);
