-- 0020: reserved for a migration of another branch (numbers are given out per branch; the loader
-- refuses gaps). A no-op here; replaced by that branch's file when the branches merge.
SELECT 1;
