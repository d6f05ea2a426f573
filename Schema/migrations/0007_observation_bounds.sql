-- Dates bounded by observation. A designation row may lie in the window of a listing or
-- delisting whose date the ledger only knows to lie between two publications: `uncertainty`
-- holds `change|after|by|event` (listed or delisted, the window's exclusive start and its end,
-- the event) and is NULL for rows whose dates are stated.
--
-- A publication row keeps what coverage needs: `observedAfter`, the last time the list was seen
-- without this publication (the window in which it appeared); `statedFrom`, the earliest date its
-- entries state for their listings; `partial`, 1 for a sample that shows entries but never their
-- absence.

ALTER TABLE designation ADD COLUMN uncertainty TEXT;
ALTER TABLE publication ADD COLUMN observedAfter INTEGER;
ALTER TABLE publication ADD COLUMN statedFrom INTEGER;
ALTER TABLE publication ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;
