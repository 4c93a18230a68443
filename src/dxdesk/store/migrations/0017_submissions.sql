-- 0017: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

CREATE TABLE "submission" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    document TEXT,
    period TEXT,
    meeting_id TEXT,
    training_id TEXT,
    version INTEGER,
    due_date TEXT,
    submitted_on TEXT,
    doc_number TEXT,
    file_name TEXT,
    fingerprint TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "submission_date" ON "submission" (submitted_on);

CREATE VIRTUAL TABLE "fts_submission" USING fts5(period, doc_number, file_name, note, content='submission', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_submission_ai" AFTER INSERT ON "submission" BEGIN
    INSERT INTO "fts_submission" (rowid, period, doc_number, file_name, note) VALUES (new.rid, new.period, new.doc_number, new.file_name, new.note);
END;

CREATE TRIGGER "fts_submission_ad" AFTER DELETE ON "submission" BEGIN
    INSERT INTO "fts_submission" ("fts_submission", rowid, period, doc_number, file_name, note) VALUES ('delete', old.rid, old.period, old.doc_number, old.file_name, old.note);
END;

CREATE TRIGGER "fts_submission_au" AFTER UPDATE OF period, doc_number, file_name, note ON "submission" BEGIN
    INSERT INTO "fts_submission" ("fts_submission", rowid, period, doc_number, file_name, note) VALUES ('delete', old.rid, old.period, old.doc_number, old.file_name, old.note);
    INSERT INTO "fts_submission" (rowid, period, doc_number, file_name, note) VALUES (new.rid, new.period, new.doc_number, new.file_name, new.note);
END;

INSERT INTO "fts_submission" ("fts_submission") VALUES ('rebuild');
