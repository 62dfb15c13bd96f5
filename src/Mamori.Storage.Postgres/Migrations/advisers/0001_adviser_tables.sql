-- The advisers' companies and their runs, as SqliteAdviserCompanies keeps them. Deleting a company removes its runs in
-- the same statement (ON DELETE CASCADE). company_diagnosis.number is the order runs were kept in. answers is json, not
-- jsonb: read back as it was written. ids sort in code-point order (COLLATE "C"), as SQLite's BINARY does.
CREATE TABLE adviser_company (
    tenant       text        NOT NULL,
    id           text        COLLATE "C" NOT NULL,
    name         text        NOT NULL,
    contact_name text,
    memo         text,
    consented_at timestamptz NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant, id));

CREATE TABLE company_diagnosis (
    number          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant          text        NOT NULL,
    company_id      text        COLLATE "C" NOT NULL,
    id              text        NOT NULL,
    answers         json        NOT NULL,
    headline        text        NOT NULL,
    primary_barrier text,
    maturity_step   integer,
    ran_by          text        NOT NULL,
    ran_at          timestamptz NOT NULL,
    FOREIGN KEY (tenant, company_id) REFERENCES adviser_company (tenant, id) ON DELETE CASCADE);
CREATE INDEX company_diagnosis_company ON company_diagnosis (tenant, company_id, number);
