-- A ledger identifies itself: SQLite's application_id header field holds 0x53414E4C ("SANL").
-- A file without it (another application's database, an empty file) is refused unchanged when
-- opened as a ledger; ledgers created before this migration are recognised by their tables and
-- receive the id here.

PRAGMA application_id = 1396788812;
