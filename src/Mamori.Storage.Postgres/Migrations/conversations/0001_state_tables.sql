-- Conversation and user state, one row each, as SqliteConversationStore keeps them. json, not jsonb: the body is read
-- back byte for byte, and System.Text.Json wants the "$type" of a dialog frame first, which jsonb would reorder.
CREATE TABLE conversation_state (
    tenant     text        NOT NULL,
    id         text        NOT NULL,
    version    bigint      NOT NULL,
    body       json        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant, id));

CREATE TABLE user_state (
    tenant     text        NOT NULL,
    id         text        NOT NULL,
    version    bigint      NOT NULL,
    body       json        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant, id));
