-- The per-stream indexes of the projection tables go: an append replaces a party stream's rows
-- through the (party, regime) indexes and a rule stream's rows through rule_asof (a stream is
-- one party on one regime, or the rules of one regime). Three fewer indexes to maintain on every
-- append and to build on every rebuild. The `stream` column stays, for reading.

DROP INDEX designation_stream;
DROP INDEX designationName_stream;
DROP INDEX rule_stream;
