-- 0027: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

ALTER TABLE "organisation" ADD COLUMN population INTEGER;
