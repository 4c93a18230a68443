-- 0020: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

CREATE TABLE "engagement_application" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT,
    fy INTEGER,
    received_on TEXT,
    request TEXT,
    status TEXT,
    decided_on TEXT,
    reason TEXT,
    agreed_with_pref INTEGER,
    engagement_id TEXT,
    follows_id TEXT,
    notes TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "engagement_application_org" ON "engagement_application" (org_id);

CREATE INDEX "engagement_application_date" ON "engagement_application" (received_on);

CREATE VIRTUAL TABLE "fts_engagement_application" USING fts5(request, reason, notes, tokenize='trigram');

CREATE TRIGGER "fts_engagement_application_ai" AFTER INSERT ON "engagement_application" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_engagement_application" (rowid, request, reason, notes) VALUES (new.rid, dx_fold(new.request), dx_fold(new.reason), dx_fold(new.notes));
END;

CREATE TRIGGER "fts_engagement_application_ad" AFTER DELETE ON "engagement_application" BEGIN
    DELETE FROM "fts_engagement_application" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_engagement_application_au" AFTER UPDATE OF request, reason, notes, _deleted ON "engagement_application" BEGIN
    DELETE FROM "fts_engagement_application" WHERE rowid = old.rid;
    INSERT INTO "fts_engagement_application" (rowid, request, reason, notes) SELECT new.rid, dx_fold(new.request), dx_fold(new.reason), dx_fold(new.notes) WHERE new._deleted = 0;
END;

INSERT INTO "fts_engagement_application" (rowid, request, reason, notes) SELECT rid, dx_fold(request), dx_fold(reason), dx_fold(notes) FROM "engagement_application" WHERE _deleted = 0;

CREATE TABLE "engagement_supporter" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    engagement_id TEXT,
    staff_id TEXT,
    from_date TEXT,
    to_date TEXT,
    dedicated INTEGER,
    resident INTEGER,
    place TEXT,
    schedule TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "engagement_supporter_parent" ON "engagement_supporter" (engagement_id);

CREATE UNIQUE INDEX "engagement_supporter_key" ON "engagement_supporter" (engagement_id, staff_id);

CREATE VIRTUAL TABLE "fts_engagement_supporter" USING fts5(place, schedule, note, tokenize='trigram');

CREATE TRIGGER "fts_engagement_supporter_ai" AFTER INSERT ON "engagement_supporter" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_engagement_supporter" (rowid, place, schedule, note) VALUES (new.rid, dx_fold(new.place), dx_fold(new.schedule), dx_fold(new.note));
END;

CREATE TRIGGER "fts_engagement_supporter_ad" AFTER DELETE ON "engagement_supporter" BEGIN
    DELETE FROM "fts_engagement_supporter" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_engagement_supporter_au" AFTER UPDATE OF place, schedule, note, _deleted ON "engagement_supporter" BEGIN
    DELETE FROM "fts_engagement_supporter" WHERE rowid = old.rid;
    INSERT INTO "fts_engagement_supporter" (rowid, place, schedule, note) SELECT new.rid, dx_fold(new.place), dx_fold(new.schedule), dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_engagement_supporter" (rowid, place, schedule, note) SELECT rid, dx_fold(place), dx_fold(schedule), dx_fold(note) FROM "engagement_supporter" WHERE _deleted = 0;
