-- V3 announced every UPDATE that wrote acknowledged_at, and Hibernate writes every column: the
-- sweep's escalation woke the feeds too. Announce a check when it is sent, and again only when
-- its answer actually changes.
DROP TRIGGER spot_check_announced ON spot_check;

CREATE TRIGGER spot_check_sent AFTER INSERT ON spot_check
    FOR EACH ROW EXECUTE FUNCTION announce_spot_check();

CREATE TRIGGER spot_check_answered AFTER UPDATE ON spot_check
    FOR EACH ROW WHEN (OLD.acknowledged_at IS DISTINCT FROM NEW.acknowledged_at)
    EXECUTE FUNCTION announce_spot_check();
