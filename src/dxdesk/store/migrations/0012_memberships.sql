-- 0012: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

CREATE TABLE "group_member" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    group_id TEXT,
    org_id TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "group_member_parent" ON "group_member" (group_id);

CREATE UNIQUE INDEX "group_member_key" ON "group_member" (group_id, org_id);

CREATE VIRTUAL TABLE "fts_group_member" USING fts5(note, content='group_member', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_group_member_ai" AFTER INSERT ON "group_member" BEGIN
    INSERT INTO "fts_group_member" (rowid, note) VALUES (new.rid, new.note);
END;

CREATE TRIGGER "fts_group_member_ad" AFTER DELETE ON "group_member" BEGIN
    INSERT INTO "fts_group_member" ("fts_group_member", rowid, note) VALUES ('delete', old.rid, old.note);
END;

CREATE TRIGGER "fts_group_member_au" AFTER UPDATE OF note ON "group_member" BEGIN
    INSERT INTO "fts_group_member" ("fts_group_member", rowid, note) VALUES ('delete', old.rid, old.note);
    INSERT INTO "fts_group_member" (rowid, note) VALUES (new.rid, new.note);
END;

INSERT INTO "fts_group_member" ("fts_group_member") VALUES ('rebuild');

CREATE TABLE "training_participant" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    training_id TEXT,
    org_id TEXT,
    participants INTEGER,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "training_participant_parent" ON "training_participant" (training_id);

CREATE UNIQUE INDEX "training_participant_key" ON "training_participant" (training_id, org_id);

CREATE VIRTUAL TABLE "fts_training_participant" USING fts5(note, content='training_participant', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_training_participant_ai" AFTER INSERT ON "training_participant" BEGIN
    INSERT INTO "fts_training_participant" (rowid, note) VALUES (new.rid, new.note);
END;

CREATE TRIGGER "fts_training_participant_ad" AFTER DELETE ON "training_participant" BEGIN
    INSERT INTO "fts_training_participant" ("fts_training_participant", rowid, note) VALUES ('delete', old.rid, old.note);
END;

CREATE TRIGGER "fts_training_participant_au" AFTER UPDATE OF note ON "training_participant" BEGIN
    INSERT INTO "fts_training_participant" ("fts_training_participant", rowid, note) VALUES ('delete', old.rid, old.note);
    INSERT INTO "fts_training_participant" (rowid, note) VALUES (new.rid, new.note);
END;

INSERT INTO "fts_training_participant" ("fts_training_participant") VALUES ('rebuild');

CREATE TABLE "related_org" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    issue_id TEXT,
    org_id TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "related_org_parent" ON "related_org" (issue_id);

CREATE UNIQUE INDEX "related_org_key" ON "related_org" (issue_id, org_id);

CREATE VIRTUAL TABLE "fts_related_org" USING fts5(note, content='related_org', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_related_org_ai" AFTER INSERT ON "related_org" BEGIN
    INSERT INTO "fts_related_org" (rowid, note) VALUES (new.rid, new.note);
END;

CREATE TRIGGER "fts_related_org_ad" AFTER DELETE ON "related_org" BEGIN
    INSERT INTO "fts_related_org" ("fts_related_org", rowid, note) VALUES ('delete', old.rid, old.note);
END;

CREATE TRIGGER "fts_related_org_au" AFTER UPDATE OF note ON "related_org" BEGIN
    INSERT INTO "fts_related_org" ("fts_related_org", rowid, note) VALUES ('delete', old.rid, old.note);
    INSERT INTO "fts_related_org" (rowid, note) VALUES (new.rid, new.note);
END;

INSERT INTO "fts_related_org" ("fts_related_org") VALUES ('rebuild');
