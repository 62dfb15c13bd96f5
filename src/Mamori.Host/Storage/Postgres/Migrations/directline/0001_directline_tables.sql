-- Direct Line conversations shared by every host on the database: as SqliteDirectLineStore keeps them, plus the pump
-- lease (which host answers the inbox now). Bodies are bytea: the JSON exactly as served, byte for byte.
CREATE TABLE dl_conversation (
    id           text        NOT NULL PRIMARY KEY,
    tenant       text        NOT NULL,
    user_id      text        NOT NULL,
    public_base  text        NOT NULL,
    posted_bytes bigint      NOT NULL,
    touched_at   timestamptz NOT NULL,
    pump_owner   text        NULL,
    pump_until   timestamptz NULL);

CREATE INDEX dl_conversation_touched ON dl_conversation (touched_at);

CREATE TABLE dl_activity (
    conversation text    NOT NULL REFERENCES dl_conversation (id) ON DELETE CASCADE,
    idx          integer NOT NULL,
    body         bytea   NOT NULL,
    PRIMARY KEY (conversation, idx));

CREATE TABLE dl_inbox (
    conversation text        NOT NULL REFERENCES dl_conversation (id) ON DELETE CASCADE,
    echo         integer     NOT NULL,
    user_id      text        NOT NULL,
    text         text        NOT NULL,
    channel      text        NOT NULL,
    accepted_at  timestamptz NOT NULL,
    PRIMARY KEY (conversation, echo));
