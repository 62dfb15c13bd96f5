-- The conversations a contact-centre hub has (handoff.initiate until handoff.status completed or failed), shared by
-- every host, so an owner's message reaching another instance is not answered by the bot while the hub has it.
CREATE TABLE hub_hold (
    tenant       text        NOT NULL,
    conversation text        NOT NULL,
    since        timestamptz NOT NULL,
    PRIMARY KEY (tenant, conversation));

CREATE INDEX hub_hold_since ON hub_hold (since);
