-- Revoked tokens until they would have expired anyway, keyed by the SHA-256 of the token's signature (the table holds
-- nothing a request could present). The primary key makes a revocation atomic across instances: one INSERT wins.
CREATE TABLE token_revocation (
    signature_hash bytea       NOT NULL PRIMARY KEY,
    revoked_from   timestamptz NOT NULL,
    valid_until    timestamptz NOT NULL);

-- The capacity counts live rows and the sweep deletes expired ones, both by valid_until.
CREATE INDEX token_revocation_until ON token_revocation (valid_until);
