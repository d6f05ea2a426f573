-- Projections: derived from the event log, replaced per stream on every append, and rebuilt
-- from scratch by `sanctions rebuild`. Never edited by hand.
--
-- Every row carries two intervals, both half-open [from, to): valid time (effective clock) and
-- knowledge time (published clock). An open end is stored as 253402300800 (year 10000), so that
-- "in force at t" is `validFrom <= t AND validTo > t`.

CREATE TABLE designation (
    stream TEXT NOT NULL,
    party TEXT NOT NULL,
    regime TEXT NOT NULL,
    listedFrom INTEGER NOT NULL,
    validFrom INTEGER NOT NULL,
    validTo INTEGER NOT NULL,
    knownFrom INTEGER NOT NULL,
    knownTo INTEGER NOT NULL,
    name TEXT NOT NULL,
    details TEXT NOT NULL,
    escalatedFrom TEXT NOT NULL,
    listingEvent TEXT NOT NULL,
    detailEvents TEXT NOT NULL,
    endEvent TEXT,
    endsDesignation INTEGER NOT NULL
) STRICT;

CREATE INDEX designation_asof ON designation(regime, validFrom, validTo);
CREATE INDEX designation_party ON designation(party, regime);
CREATE INDEX designation_stream ON designation(stream);

CREATE TABLE designationName (
    stream TEXT NOT NULL,
    party TEXT NOT NULL,
    regime TEXT NOT NULL,
    name TEXT NOT NULL,
    nameKey TEXT NOT NULL,
    normalized TEXT NOT NULL,
    kind TEXT NOT NULL,
    weak INTEGER NOT NULL,
    listedFrom INTEGER NOT NULL,
    validFrom INTEGER NOT NULL,
    validTo INTEGER NOT NULL,
    knownFrom INTEGER NOT NULL,
    knownTo INTEGER NOT NULL,
    startEvent TEXT NOT NULL,
    endEvent TEXT
) STRICT;

CREATE INDEX designationName_key ON designationName(nameKey);
CREATE INDEX designationName_party ON designationName(party, regime);
CREATE INDEX designationName_stream ON designationName(stream);

CREATE TABLE rule (
    stream TEXT NOT NULL,
    regime TEXT NOT NULL,
    transactionType TEXT NOT NULL,
    spec TEXT NOT NULL,
    validFrom INTEGER NOT NULL,
    validTo INTEGER NOT NULL,
    knownFrom INTEGER NOT NULL,
    knownTo INTEGER NOT NULL,
    event TEXT NOT NULL,
    endEvent TEXT
) STRICT;

CREATE INDEX rule_asof ON rule(regime, transactionType, validFrom);
CREATE INDEX rule_stream ON rule(stream);

-- Small mutable facts about the ledger file (not part of the log), e.g. which embedded event
-- set a default ledger was last synchronised with.
CREATE TABLE ledgerMeta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
