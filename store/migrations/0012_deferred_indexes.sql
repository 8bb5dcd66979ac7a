-- A sync that brings in more cases than the file holds (a desk's first
-- sync of a big mailbox) writes them without the indexes that only the
-- screens and the report read, and builds those once at the end: see
-- Store.DeferIndexes. What it dropped is kept here, by the transaction
-- that dropped it, so that the next Open builds them again if the process
-- died before it could.
CREATE TABLE deferred_indexes (
    name TEXT PRIMARY KEY,
    sql  TEXT NOT NULL
);
