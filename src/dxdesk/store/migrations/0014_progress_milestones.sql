-- 0015: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

ALTER TABLE "system_status" ADD COLUMN current_vendor_id TEXT;

ALTER TABLE "system_status" ADD COLUMN current_system TEXT;

ALTER TABLE "system_status" ADD COLUMN planned_contract TEXT;

ALTER TABLE "system_status" ADD COLUMN planned_migration TEXT;

ALTER TABLE "system_status" ADD COLUMN planned_test TEXT;

ALTER TABLE "system_status" ADD COLUMN risks TEXT;

DROP TRIGGER IF EXISTS "fts_system_status_ad";

DROP TRIGGER IF EXISTS "fts_system_status_ai";

DROP TRIGGER IF EXISTS "fts_system_status_au";

DROP TABLE "fts_system_status";

CREATE VIRTUAL TABLE "fts_system_status" USING fts5(current_system, package_name, risks, running_cost, notes, content='system_status', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_system_status_ai" AFTER INSERT ON "system_status" BEGIN
    INSERT INTO "fts_system_status" (rowid, current_system, package_name, risks, running_cost, notes) VALUES (new.rid, new.current_system, new.package_name, new.risks, new.running_cost, new.notes);
END;

CREATE TRIGGER "fts_system_status_ad" AFTER DELETE ON "system_status" BEGIN
    INSERT INTO "fts_system_status" ("fts_system_status", rowid, current_system, package_name, risks, running_cost, notes) VALUES ('delete', old.rid, old.current_system, old.package_name, old.risks, old.running_cost, old.notes);
END;

CREATE TRIGGER "fts_system_status_au" AFTER UPDATE OF current_system, package_name, risks, running_cost, notes ON "system_status" BEGIN
    INSERT INTO "fts_system_status" ("fts_system_status", rowid, current_system, package_name, risks, running_cost, notes) VALUES ('delete', old.rid, old.current_system, old.package_name, old.risks, old.running_cost, old.notes);
    INSERT INTO "fts_system_status" (rowid, current_system, package_name, risks, running_cost, notes) VALUES (new.rid, new.current_system, new.package_name, new.risks, new.running_cost, new.notes);
END;

INSERT INTO "fts_system_status" ("fts_system_status") VALUES ('rebuild');
