-- Who may sign in: the gateway's own users (ARCHITECTURE.md, "Authentication and roles").
CREATE TABLE app_user (
    id            uuid PRIMARY KEY,
    username      text NOT NULL,
    display_name  text NOT NULL,
    password_hash text NOT NULL,            -- bcrypt, Modular Crypt Format ($2a$…)
    roles         text[] NOT NULL,
    division      text NOT NULL CHECK (division ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$'),
    phone         text,
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       bigint NOT NULL DEFAULT 0,
    CONSTRAINT app_user_roles_known CHECK (roles <@ ARRAY['keeper', 'duty_officer', 'county_office', 'admin']::text[]
                                           AND cardinality(roles) > 0)
);
-- user names are compared without case, so "Keeper" cannot shadow "keeper"
CREATE UNIQUE INDEX app_user_username ON app_user (lower(username));

-- Failed sign-ins, per name typed (whether or not such a user exists, so that the lockout itself
-- does not tell which names are real).
CREATE TABLE login_failure (
    username     text PRIMARY KEY,          -- lower-cased
    failures     int NOT NULL,
    last_failure timestamptz NOT NULL,
    locked_until timestamptz
);

-- Refresh tokens: only their SHA-256 is kept. Each use replaces the token (rotation); presenting
-- a replaced one again revokes the whole family, as a stolen copy would.
CREATE TABLE refresh_token (
    token_hash  text PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES app_user (id),
    family      uuid NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    replaced_at timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_token_family ON refresh_token (family);
CREATE INDEX refresh_token_user ON refresh_token (user_id);
