-- Publications observed by snapshot imports: the projection of `observed` events, one row per
-- publication and regime of its source. It answers which publications of a list the ledger has
-- compared with itself and when (the guard that refuses an older snapshot, coverage), from data
-- of its own rather than from the text of event ids. Replaced per stream and rebuilt like the
-- other projections.

CREATE TABLE publication (
    stream TEXT NOT NULL,
    regime TEXT NOT NULL,
    list TEXT NOT NULL,
    instant INTEGER NOT NULL,
    published INTEGER NOT NULL,
    file TEXT,
    sha256 TEXT,
    entries INTEGER NOT NULL,
    event TEXT NOT NULL
) STRICT;

CREATE INDEX publication_list ON publication(list, instant);
CREATE INDEX publication_regime ON publication(regime, instant);
