-- 0016: a placeholder on branch desk only, standing in for another engineer's migration
-- generated from the model by scripts/migration.py on their branch. Delete this file when
-- merging (the merged tree then has the real 0016, and the loader's "no gaps" check holds).
SELECT 1;
