-- 0020: reserved for a migration of another branch (numbers are given per branch; the loader refuses gaps).
SELECT 1;
