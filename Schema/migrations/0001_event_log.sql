-- The event log: the only source of truth. Append-only and hash-chained.
--
-- hash = SHA-256(prevHash || canonical), where canonical is the event's canonical JSON (UTF-8)
-- and prevHash is the previous row's hash (32 zero bytes for sequence 1). Times are stored as
-- seconds since 1970-01-01 UTC (a day is its midnight); `recorded` is the ledger's own clock.

CREATE TABLE regime (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    authority TEXT NOT NULL,
    description TEXT NOT NULL,
    severity INTEGER NOT NULL,
    url TEXT,
    canonical TEXT NOT NULL
) STRICT;

CREATE TRIGGER regime_no_update BEFORE UPDATE ON regime
BEGIN SELECT RAISE(ABORT, 'regime declarations are immutable: UPDATE is not allowed'); END;
CREATE TRIGGER regime_no_delete BEFORE DELETE ON regime
BEGIN SELECT RAISE(ABORT, 'regime declarations are immutable: DELETE is not allowed'); END;

CREATE TABLE event (
    sequence INTEGER PRIMARY KEY NOT NULL CHECK (sequence >= 1),
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    party TEXT,
    regime TEXT NOT NULL REFERENCES regime(id),
    stream TEXT NOT NULL,
    effective INTEGER NOT NULL,
    published INTEGER NOT NULL,
    recorded TEXT NOT NULL,
    citation TEXT NOT NULL,
    target TEXT,
    canonical TEXT NOT NULL,
    prevHash BLOB NOT NULL CHECK (length(prevHash) = 32),
    hash BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;

CREATE INDEX event_stream ON event(stream, sequence);
CREATE INDEX event_party ON event(party);

CREATE TRIGGER event_no_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'the event log is append-only: UPDATE of events is not allowed'); END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
BEGIN SELECT RAISE(ABORT, 'the event log is append-only: DELETE of events is not allowed'); END;

-- Each new event must extend the chain: next sequence number, previous row's hash.
CREATE TRIGGER event_extends_chain BEFORE INSERT ON event
BEGIN
    SELECT RAISE(ABORT, 'event sequence must be the last sequence + 1')
    WHERE NEW.sequence != (SELECT IFNULL(MAX(sequence), 0) + 1 FROM event);
    SELECT RAISE(ABORT, 'event prevHash must equal the hash of the previous event')
    WHERE NEW.prevHash != IFNULL((SELECT hash FROM event WHERE sequence = NEW.sequence - 1), zeroblob(32));
END;
