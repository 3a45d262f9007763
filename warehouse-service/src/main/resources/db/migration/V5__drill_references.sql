-- Drills as the drill service last announced them (drill.drills): a stock issue may name a drill
-- only if it is here, of the warehouse's line of the division tree, and open for draws then.
CREATE TABLE drill_reference (
    drill_id   uuid        PRIMARY KEY,
    division   text        NOT NULL,
    title      text        NOT NULL,
    status     text        NOT NULL,
    draw_from  timestamptz,
    draw_until timestamptz,
    changed_at timestamptz NOT NULL
);
