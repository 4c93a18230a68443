-- 0011: seeded reference rows stamped at genesis (store/seeds.py).
-- No schema change: the data step after it (store/seeds.py repair) recomputes every seeded row
-- from the edits held, so that an edit beaten by a later device's seed create wins back and the
-- seed values leave the conflict log. The version number records that the step has run.
SELECT 1;
