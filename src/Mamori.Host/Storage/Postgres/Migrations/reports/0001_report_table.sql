-- The latest result card per conversation, as SqliteReportSnapshots keeps it. json, not jsonb: the card is read back as
-- written, and jsonb would reorder its keys.
CREATE TABLE report (
    conversation text        NOT NULL PRIMARY KEY,
    tenant       text        NOT NULL,
    card         json        NOT NULL,
    image        json,
    image_url    text,
    created_at   timestamptz NOT NULL);

-- The bound (newest MaxReports) and the retention sweep both go by age.
CREATE INDEX report_created ON report (created_at);
