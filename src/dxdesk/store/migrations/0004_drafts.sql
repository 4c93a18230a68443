-- 0004: drafts, the unsaved contents of forms being edited, so nothing typed is lost to a crash
-- or a power cut. They live here, inside the encrypted database (never in a temp file). Local
-- only: not a record kind, never synced, never in the change log or the audit log. `payload` is
-- a JSON object field -> text as typed; `record_id` is empty for a record not yet created.

CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    form TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT,
    payload TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
