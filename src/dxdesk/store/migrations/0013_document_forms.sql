-- 0013: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

CREATE TABLE "document_form" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    doc_kind TEXT,
    addressee TEXT,
    contractor_name TEXT,
    contractor_address TEXT,
    representative TEXT,
    number_pattern TEXT,
    cover_letter INTEGER,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE UNIQUE INDEX "document_form_key" ON "document_form" (doc_kind);

CREATE VIRTUAL TABLE "fts_document_form" USING fts5(addressee, contractor_name, contractor_address, representative, number_pattern, note, content='document_form', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_document_form_ai" AFTER INSERT ON "document_form" BEGIN
    INSERT INTO "fts_document_form" (rowid, addressee, contractor_name, contractor_address, representative, number_pattern, note) VALUES (new.rid, new.addressee, new.contractor_name, new.contractor_address, new.representative, new.number_pattern, new.note);
END;

CREATE TRIGGER "fts_document_form_ad" AFTER DELETE ON "document_form" BEGIN
    INSERT INTO "fts_document_form" ("fts_document_form", rowid, addressee, contractor_name, contractor_address, representative, number_pattern, note) VALUES ('delete', old.rid, old.addressee, old.contractor_name, old.contractor_address, old.representative, old.number_pattern, old.note);
END;

CREATE TRIGGER "fts_document_form_au" AFTER UPDATE OF addressee, contractor_name, contractor_address, representative, number_pattern, note ON "document_form" BEGIN
    INSERT INTO "fts_document_form" ("fts_document_form", rowid, addressee, contractor_name, contractor_address, representative, number_pattern, note) VALUES ('delete', old.rid, old.addressee, old.contractor_name, old.contractor_address, old.representative, old.number_pattern, old.note);
    INSERT INTO "fts_document_form" (rowid, addressee, contractor_name, contractor_address, representative, number_pattern, note) VALUES (new.rid, new.addressee, new.contractor_name, new.contractor_address, new.representative, new.number_pattern, new.note);
END;

INSERT INTO "fts_document_form" ("fts_document_form") VALUES ('rebuild');
