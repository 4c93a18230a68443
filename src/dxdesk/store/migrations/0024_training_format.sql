-- 0024: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

ALTER TABLE "training" ADD COLUMN format TEXT;

ALTER TABLE "training" ADD COLUMN proposal_follow_up TEXT;

DROP TRIGGER IF EXISTS "fts_training_ad";

DROP TRIGGER IF EXISTS "fts_training_ai";

DROP TRIGGER IF EXISTS "fts_training_au";

DROP TABLE "fts_training";

CREATE VIRTUAL TABLE "fts_training" USING fts5(title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals, proposal_follow_up, tokenize='trigram');

CREATE TRIGGER "fts_training_ai" AFTER INSERT ON "training" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_training" (rowid, title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals, proposal_follow_up) VALUES (new.rid, dx_fold(new.title), dx_fold(new.place), dx_fold(new.audience), dx_fold(new.instructor), dx_fold(new.aims), dx_fold(new.programme), dx_fold(new.survey_results), dx_fold(new.issues_found), dx_fold(new.proposals), dx_fold(new.proposal_follow_up));
END;

CREATE TRIGGER "fts_training_ad" AFTER DELETE ON "training" BEGIN
    DELETE FROM "fts_training" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_training_au" AFTER UPDATE OF title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals, proposal_follow_up, _deleted ON "training" BEGIN
    DELETE FROM "fts_training" WHERE rowid = old.rid;
    INSERT INTO "fts_training" (rowid, title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals, proposal_follow_up) SELECT new.rid, dx_fold(new.title), dx_fold(new.place), dx_fold(new.audience), dx_fold(new.instructor), dx_fold(new.aims), dx_fold(new.programme), dx_fold(new.survey_results), dx_fold(new.issues_found), dx_fold(new.proposals), dx_fold(new.proposal_follow_up) WHERE new._deleted = 0;
END;

INSERT INTO "fts_training" (rowid, title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals, proposal_follow_up) SELECT rid, dx_fold(title), dx_fold(place), dx_fold(audience), dx_fold(instructor), dx_fold(aims), dx_fold(programme), dx_fold(survey_results), dx_fold(issues_found), dx_fold(proposals), dx_fold(proposal_follow_up) FROM "training" WHERE _deleted = 0;
