-- The anonymised evidence, as SqliteEvidenceStore keeps it: a company is a number standing for its salted hash, so the
-- dashboard counts distinct numbers. A diagnosis's blocked stages and recommended measures are arrays in its row (three
-- arrays of the same length for the measures): written once with it and read only with it, so a load is one ordered scan.
CREATE TABLE evidence_company (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant text NOT NULL,
    hash   text NOT NULL,
    UNIQUE (tenant, hash));

CREATE TABLE evidence_diagnosis (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant           text        NOT NULL,
    company          bigint      NOT NULL REFERENCES evidence_company (id),
    conversation     text        NOT NULL,
    at               timestamptz NOT NULL,
    month            text        NOT NULL,
    nth              integer     NOT NULL,
    previous_barrier text,
    industry         text        NOT NULL,
    size             text        NOT NULL,
    prefecture       text        NOT NULL,
    it_dependence    text        NOT NULL,
    data_held        text        NOT NULL,
    supply_chain     text        NOT NULL,
    primary_barrier  text        NOT NULL,
    step             integer     NOT NULL,
    worrying         boolean     NOT NULL,
    blocked          text[]      NOT NULL,
    measure_id       text[]      NOT NULL,
    measure_barrier  text[]      NOT NULL,
    measure_support  text[]      NOT NULL,
    CHECK (cardinality(measure_id) = cardinality(measure_barrier) AND cardinality(measure_id) = cardinality(measure_support)));
CREATE INDEX evidence_diagnosis_conversation ON evidence_diagnosis (tenant, conversation, id);
CREATE INDEX evidence_diagnosis_company ON evidence_diagnosis (company, id);
CREATE INDEX evidence_diagnosis_at ON evidence_diagnosis (at);

-- Its own identity, so an instance reads only the follow-ups newer than the last it has.
CREATE TABLE evidence_followup (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    diagnosis bigint      NOT NULL REFERENCES evidence_diagnosis (id) ON DELETE CASCADE,
    kind      text        NOT NULL,
    detail    text        NOT NULL,
    value     integer     NOT NULL,
    at        timestamptz NOT NULL);
CREATE INDEX evidence_followup_diagnosis ON evidence_followup (diagnosis);

-- One row, bumped in the transaction of every deletion: an instance whose evidence in memory is of another generation
-- reads it all again, since ids alone cannot tell it what another instance deleted.
CREATE TABLE evidence_generation (
    single     boolean PRIMARY KEY DEFAULT true CHECK (single),
    generation bigint  NOT NULL);
INSERT INTO evidence_generation (generation) VALUES (0);
