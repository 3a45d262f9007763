-- An improvement action's deadline changed after the evaluation set it (an extension the county
-- granted, a date corrected by the organiser): who, when, from what to what, and why. The action
-- keeps the deadline in force; these rows are its audit trail, never edited.
CREATE TABLE action_deadline_change (
    id          bigserial   PRIMARY KEY,
    action_id   uuid        NOT NULL REFERENCES improvement_action (id),
    from_date   date        NOT NULL,
    to_date     date        NOT NULL,
    reason      text        NOT NULL,
    changed_by  text        NOT NULL,
    changed_by_name text    NOT NULL,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX action_deadline_change_action ON action_deadline_change (action_id, id);
