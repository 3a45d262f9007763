-- Findings that come from one source document (a stocktake's differences, line by line) form one
-- item with lines: the item is keyed by the source, each line by its own discrepancy key. The
-- item completes when every line is resolved; a 10,000-line stocktake is one item, one alert.
CREATE TABLE item_line (
    discrepancy_key text        PRIMARY KEY,
    item_id         uuid        NOT NULL REFERENCES rectification_item (id),
    rule            text        NOT NULL,
    severity        text        NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
    subject_type    text        NOT NULL,
    subject_id      text        NOT NULL,
    subject_label   text,
    summary_zh      text        NOT NULL,
    summary_en      text,
    evidence        jsonb       NOT NULL DEFAULT '{}',
    finding_open    boolean     NOT NULL,
    detected_at     timestamptz NOT NULL,
    resolved_at     timestamptz,
    resolution      jsonb,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX item_line_item ON item_line (item_id, finding_open);
