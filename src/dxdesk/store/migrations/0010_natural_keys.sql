-- 0010: one record per natural key, enforced by the store (after 0009's fold made it so).
-- The id is derived from the key (core/model.py key_id), so these only restate the rule; they
-- are here so that no path, present or future, can hold two records for one key.
CREATE UNIQUE INDEX system_status_key ON system_status (org_id, system_code);
CREATE UNIQUE INDEX step_status_key ON step_status (org_id, system_code, step_no);
CREATE UNIQUE INDEX goal_progress_key ON goal_progress (goal_id, month);
