-- A duty officer's calendar subscription: a secret address his phone's calendar reads without
-- signing in. Only the token's SHA-256 is kept, so the table does not hand out working addresses;
-- a new token replaces the old one, and deleting the row revokes it.
CREATE TABLE calendar_feed (
    username    text        NOT NULL,
    division    text        NOT NULL CHECK (division ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
    token_hash  text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    last_read_at timestamptz,
    PRIMARY KEY (username, division)
);

-- A spot check is announced on commit, when sent and when answered (payload: the shift's member
-- and the check's division), so the officer's open console shows it and the sender's sees the
-- answer within seconds, whichever replica wrote it.
CREATE FUNCTION announce_spot_check() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('beiqin_spot_check', (SELECT member_id::text FROM shift WHERE id = NEW.shift_id) || ' ' || NEW.division);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER spot_check_announced AFTER INSERT OR UPDATE OF acknowledged_at ON spot_check
    FOR EACH ROW EXECUTE FUNCTION announce_spot_check();
