-- The desk's cases, their chat, staff and the audit log, as SqliteDeskStore keeps them (enums as the same snake_case
-- codes). desk_case.number is the opening order, which is the queue. The partial unique index keeps one open case per
-- conversation across every instance: a second INSERT waits for the first to commit, then does nothing.
-- snapshot is json, not jsonb: read back as it was written. The login key and ids sort in code-point order (COLLATE "C"),
-- as SQLite's BINARY does, whatever the database's locale.
CREATE TABLE desk_case (
    number         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant         text        NOT NULL,
    id             text        NOT NULL,
    conversation   text        NOT NULL,
    owner_user     text        NOT NULL,
    channel        text        NOT NULL,
    state          text        NOT NULL,
    opened_at      timestamptz NOT NULL,
    reason         text        NOT NULL,
    snapshot       json        NOT NULL,
    taken_by       text,
    taken_at       timestamptz,
    closed_at      timestamptz,
    outcome        text,
    notes          text,
    satisfaction   integer,
    contact_method text,
    contact        text,
    contact_at     timestamptz,
    version        bigint      NOT NULL,
    route          text,
    rating_asked   boolean     NOT NULL,
    UNIQUE (tenant, id));
CREATE UNIQUE INDEX desk_case_open ON desk_case (tenant, conversation) WHERE state IN ('waiting', 'taken');
CREATE INDEX desk_case_state ON desk_case (tenant, state, number);
CREATE INDEX desk_case_conversation ON desk_case (tenant, conversation, number);

CREATE TABLE case_message (
    tenant   text        NOT NULL,
    case_id  text        NOT NULL,
    seq      bigint      NOT NULL,
    sender   text        NOT NULL,
    staff_id text,
    text     text        NOT NULL,
    at       timestamptz NOT NULL,
    PRIMARY KEY (tenant, case_id, seq));

CREATE TABLE staff (
    tenant        text        NOT NULL,
    id            text        NOT NULL,
    login         text        NOT NULL,
    login_key     text        COLLATE "C" NOT NULL,
    display_name  text        NOT NULL,
    role          text        NOT NULL,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL,
    disabled      boolean     NOT NULL,
    PRIMARY KEY (tenant, id),
    UNIQUE (tenant, login_key));

CREATE TABLE audit (
    number   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant   text        NOT NULL,
    at       timestamptz NOT NULL,
    staff_id text,
    action   text        NOT NULL,
    case_id  text,
    detail   text);
CREATE INDEX audit_tenant ON audit (tenant, number);
