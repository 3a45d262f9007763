-- Evidence attached to a rectification item (佐证材料): photos of the fixed shelf or the new
-- extinguisher, a scanned inspection record. Kept with the item, never changed or removed.
CREATE TABLE item_evidence (
    id               uuid        PRIMARY KEY,
    item_id          uuid        NOT NULL REFERENCES rectification_item (id),
    file_name        text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type     text        NOT NULL,
    size_bytes       integer     NOT NULL CHECK (size_bytes > 0),
    sha256           text        NOT NULL,
    content          bytea       NOT NULL,
    uploaded_by      text        NOT NULL,
    uploaded_by_name text,
    uploaded_at      timestamptz NOT NULL
);
CREATE INDEX item_evidence_item ON item_evidence (item_id, uploaded_at);
