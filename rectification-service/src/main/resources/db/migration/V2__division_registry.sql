-- The division registry: codes in the GB/T 2260 style (county 6 digits, township 9, village 12)
-- with their names and parents, so that every screen, notice and export names a place ("乔楼镇")
-- instead of showing its code. An administrator of the county keeps it; a code in use without a
-- name here is shown to him as a data error.
CREATE TABLE division (
    code       text        PRIMARY KEY CHECK (code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
    parent     text        REFERENCES division (code),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text        NOT NULL DEFAULT 'seed',
    version    integer     NOT NULL DEFAULT 0,
    CHECK ((length(code) = 6) = (parent IS NULL)),
    CHECK (parent IS NULL OR (length(code) = length(parent) + 3 AND left(code, length(parent)) = parent))
);

-- the demo county (荥阳市), the townships its records name, and a neighbouring county
INSERT INTO division (code, name, parent) VALUES
    ('410182', '荥阳市', NULL),
    ('410183', '新密市', NULL),
    ('410182102', '乔楼镇', '410182'),
    ('410182103', '汜水镇', '410182'),
    ('410182104', '高村乡', '410182'),
    ('410182105', '贾峪镇', '410182'),
    ('410182102201', '沈洼村', '410182102');
