-- 0023: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

CREATE TABLE "report_template" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    document TEXT,
    quiet_orgs TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE UNIQUE INDEX "report_template_key" ON "report_template" (document);

CREATE VIRTUAL TABLE "fts_report_template" USING fts5(note, tokenize='trigram');

CREATE TRIGGER "fts_report_template_ai" AFTER INSERT ON "report_template" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_report_template" (rowid, note) VALUES (new.rid, dx_fold(new.note));
END;

CREATE TRIGGER "fts_report_template_ad" AFTER DELETE ON "report_template" BEGIN
    DELETE FROM "fts_report_template" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_report_template_au" AFTER UPDATE OF note, _deleted ON "report_template" BEGIN
    DELETE FROM "fts_report_template" WHERE rowid = old.rid;
    INSERT INTO "fts_report_template" (rowid, note) SELECT new.rid, dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_report_template" (rowid, note) SELECT rid, dx_fold(note) FROM "report_template" WHERE _deleted = 0;

CREATE TABLE "report_section" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    document TEXT,
    section TEXT,
    title TEXT,
    included INTEGER,
    sort_order INTEGER,
    free_text INTEGER,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE UNIQUE INDEX "report_section_key" ON "report_section" (document, section);

CREATE VIRTUAL TABLE "fts_report_section" USING fts5(section, title, tokenize='trigram');

CREATE TRIGGER "fts_report_section_ai" AFTER INSERT ON "report_section" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_report_section" (rowid, section, title) VALUES (new.rid, dx_fold(new.section), dx_fold(new.title));
END;

CREATE TRIGGER "fts_report_section_ad" AFTER DELETE ON "report_section" BEGIN
    DELETE FROM "fts_report_section" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_report_section_au" AFTER UPDATE OF section, title, _deleted ON "report_section" BEGIN
    DELETE FROM "fts_report_section" WHERE rowid = old.rid;
    INSERT INTO "fts_report_section" (rowid, section, title) SELECT new.rid, dx_fold(new.section), dx_fold(new.title) WHERE new._deleted = 0;
END;

INSERT INTO "fts_report_section" (rowid, section, title) SELECT rid, dx_fold(section), dx_fold(title) FROM "report_section" WHERE _deleted = 0;

CREATE TABLE "report_note" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    month TEXT,
    section TEXT,
    body TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE UNIQUE INDEX "report_note_key" ON "report_note" (month, section);

CREATE VIRTUAL TABLE "fts_report_note" USING fts5(section, body, tokenize='trigram');

CREATE TRIGGER "fts_report_note_ai" AFTER INSERT ON "report_note" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_report_note" (rowid, section, body) VALUES (new.rid, dx_fold(new.section), dx_fold(new.body));
END;

CREATE TRIGGER "fts_report_note_ad" AFTER DELETE ON "report_note" BEGIN
    DELETE FROM "fts_report_note" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_report_note_au" AFTER UPDATE OF section, body, _deleted ON "report_note" BEGIN
    DELETE FROM "fts_report_note" WHERE rowid = old.rid;
    INSERT INTO "fts_report_note" (rowid, section, body) SELECT new.rid, dx_fold(new.section), dx_fold(new.body) WHERE new._deleted = 0;
END;

INSERT INTO "fts_report_note" (rowid, section, body) SELECT rid, dx_fold(section), dx_fold(body) FROM "report_note" WHERE _deleted = 0;

CREATE TABLE "bundle_export" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    exported_at TEXT,
    device_id TEXT,
    device TEXT,
    person TEXT,
    recipient_id TEXT,
    recipient TEXT,
    recipient_owner TEXT,
    file_name TEXT,
    bundle_id TEXT,
    change_count INTEGER,
    medium TEXT,
    sha256 TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "bundle_export_date" ON "bundle_export" (exported_at);

CREATE VIRTUAL TABLE "fts_bundle_export" USING fts5(device, person, recipient, recipient_owner, file_name, tokenize='trigram');

CREATE TRIGGER "fts_bundle_export_ai" AFTER INSERT ON "bundle_export" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_bundle_export" (rowid, device, person, recipient, recipient_owner, file_name) VALUES (new.rid, dx_fold(new.device), dx_fold(new.person), dx_fold(new.recipient), dx_fold(new.recipient_owner), dx_fold(new.file_name));
END;

CREATE TRIGGER "fts_bundle_export_ad" AFTER DELETE ON "bundle_export" BEGIN
    DELETE FROM "fts_bundle_export" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_bundle_export_au" AFTER UPDATE OF device, person, recipient, recipient_owner, file_name, _deleted ON "bundle_export" BEGIN
    DELETE FROM "fts_bundle_export" WHERE rowid = old.rid;
    INSERT INTO "fts_bundle_export" (rowid, device, person, recipient, recipient_owner, file_name) SELECT new.rid, dx_fold(new.device), dx_fold(new.person), dx_fold(new.recipient), dx_fold(new.recipient_owner), dx_fold(new.file_name) WHERE new._deleted = 0;
END;

INSERT INTO "fts_bundle_export" (rowid, device, person, recipient, recipient_owner, file_name) SELECT rid, dx_fold(device), dx_fold(person), dx_fold(recipient), dx_fold(recipient_owner), dx_fold(file_name) FROM "bundle_export" WHERE _deleted = 0;
