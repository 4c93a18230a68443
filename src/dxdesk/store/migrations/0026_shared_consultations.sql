-- 0026: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

CREATE TABLE "consultation_related_org" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    consultation_id TEXT,
    org_id TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "consultation_related_org_parent" ON "consultation_related_org" (consultation_id);

CREATE UNIQUE INDEX "consultation_related_org_key" ON "consultation_related_org" (consultation_id, org_id);

CREATE VIRTUAL TABLE "fts_consultation_related_org" USING fts5(note, tokenize='trigram');

CREATE TRIGGER "fts_consultation_related_org_ai" AFTER INSERT ON "consultation_related_org" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_consultation_related_org" (rowid, note) VALUES (new.rid, dx_fold(new.note));
END;

CREATE TRIGGER "fts_consultation_related_org_ad" AFTER DELETE ON "consultation_related_org" BEGIN
    DELETE FROM "fts_consultation_related_org" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_consultation_related_org_au" AFTER UPDATE OF note, _deleted ON "consultation_related_org" BEGIN
    DELETE FROM "fts_consultation_related_org" WHERE rowid = old.rid;
    INSERT INTO "fts_consultation_related_org" (rowid, note) SELECT new.rid, dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_consultation_related_org" (rowid, note) SELECT rid, dx_fold(note) FROM "consultation_related_org" WHERE _deleted = 0;

-- Written by hand on top of the generated statements: the indexes of an organisation's shared
-- consultations (services/shared.py), as 0025 gives the shared issues: its related
-- consultations by organisation, and a consultation's organisation and status by id.

CREATE INDEX consultation_related_org_by_org ON consultation_related_org (org_id, consultation_id) WHERE _deleted = 0;

CREATE INDEX consultation_shared ON consultation (id, org_id, status) WHERE _deleted = 0;
