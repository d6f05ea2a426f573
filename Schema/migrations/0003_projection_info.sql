-- Facts about how the projections were derived (not part of the event log, so they may change).
--
-- normalizerVersion: the name normaliser version whose output `designationName.normalized`
-- holds. A ledger opened by a build with another version has that column recomputed.

CREATE TABLE projectionInfo (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Ledgers created before this table existed were normalised by version 1.
INSERT INTO projectionInfo (key, value) VALUES ('normalizerVersion', '1');
