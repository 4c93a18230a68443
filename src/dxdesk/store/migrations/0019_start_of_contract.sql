-- 0019: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

ALTER TABLE "staff" ADD COLUMN career TEXT;

DROP TRIGGER IF EXISTS "fts_staff_ad";

DROP TRIGGER IF EXISTS "fts_staff_ai";

DROP TRIGGER IF EXISTS "fts_staff_au";

DROP TABLE "fts_staff";

CREATE VIRTUAL TABLE "fts_staff" USING fts5(name, email, phone, notes, career, tokenize='trigram');

CREATE TRIGGER "fts_staff_ai" AFTER INSERT ON "staff" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_staff" (rowid, name, email, phone, notes, career) VALUES (new.rid, dx_fold(new.name), dx_fold(new.email), dx_fold(new.phone), dx_fold(new.notes), dx_fold(new.career));
END;

CREATE TRIGGER "fts_staff_ad" AFTER DELETE ON "staff" BEGIN
    DELETE FROM "fts_staff" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_staff_au" AFTER UPDATE OF name, email, phone, notes, career, _deleted ON "staff" BEGIN
    DELETE FROM "fts_staff" WHERE rowid = old.rid;
    INSERT INTO "fts_staff" (rowid, name, email, phone, notes, career) SELECT new.rid, dx_fold(new.name), dx_fold(new.email), dx_fold(new.phone), dx_fold(new.notes), dx_fold(new.career) WHERE new._deleted = 0;
END;

INSERT INTO "fts_staff" (rowid, name, email, phone, notes, career) SELECT rid, dx_fold(name), dx_fold(email), dx_fold(phone), dx_fold(notes), dx_fold(career) FROM "staff" WHERE _deleted = 0;

CREATE TABLE "plan_item" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    fy INTEGER,
    title TEXT,
    category TEXT,
    milestone INTEGER,
    start_date TEXT,
    end_date TEXT,
    owner_id TEXT,
    sort_order INTEGER,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "plan_item_date" ON "plan_item" (start_date);

CREATE VIRTUAL TABLE "fts_plan_item" USING fts5(title, note, tokenize='trigram');

CREATE TRIGGER "fts_plan_item_ai" AFTER INSERT ON "plan_item" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_plan_item" (rowid, title, note) VALUES (new.rid, dx_fold(new.title), dx_fold(new.note));
END;

CREATE TRIGGER "fts_plan_item_ad" AFTER DELETE ON "plan_item" BEGIN
    DELETE FROM "fts_plan_item" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_plan_item_au" AFTER UPDATE OF title, note, _deleted ON "plan_item" BEGIN
    DELETE FROM "fts_plan_item" WHERE rowid = old.rid;
    INSERT INTO "fts_plan_item" (rowid, title, note) SELECT new.rid, dx_fold(new.title), dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_plan_item" (rowid, title, note) SELECT rid, dx_fold(title), dx_fold(note) FROM "plan_item" WHERE _deleted = 0;
