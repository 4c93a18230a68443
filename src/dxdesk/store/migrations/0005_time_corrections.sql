-- 0005: time entries are append-only. A correction is a new entry whose `supersedes` names the
-- entry it replaces, so hours reported to the prefecture never change silently under a merge:
-- two devices correcting one entry leave two visible corrections, not one lost value.

ALTER TABLE "time" ADD COLUMN supersedes TEXT;

CREATE INDEX time_supersedes ON "time" (supersedes) WHERE supersedes IS NOT NULL;
