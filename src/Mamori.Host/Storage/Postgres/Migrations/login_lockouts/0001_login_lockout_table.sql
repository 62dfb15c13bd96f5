-- Wrong passwords in a row per desk login (tenant and login as compared), shared by every host, so a guesser spread
-- over several instances is locked out as soon as on one.
CREATE TABLE login_lockout (
    key          text        NOT NULL PRIMARY KEY,
    failures     integer     NOT NULL,
    locked_until timestamptz NULL,
    last_failure timestamptz NOT NULL);

CREATE INDEX login_lockout_last_failure ON login_lockout (last_failure);
