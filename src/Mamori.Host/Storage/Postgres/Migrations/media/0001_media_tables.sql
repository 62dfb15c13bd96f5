-- The pictures /media/{id} serves, oldest first by seq, as SqliteMediaStore keeps them.
CREATE TABLE media (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           text   NOT NULL UNIQUE,
    content_type text   NOT NULL,
    bytes        bigint NOT NULL,
    content      bytea  NOT NULL);

-- The total of media.bytes, one row: every instance's add locks it, so the byte bound holds across instances without
-- summing the table on each add.
CREATE TABLE media_total (
    only_row boolean NOT NULL PRIMARY KEY DEFAULT true CHECK (only_row),
    bytes    bigint  NOT NULL);

INSERT INTO media_total (bytes) VALUES (0);
