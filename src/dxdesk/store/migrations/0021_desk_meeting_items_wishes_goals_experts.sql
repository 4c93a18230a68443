-- 0021: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

ALTER TABLE "issue" ADD COLUMN meeting_id TEXT;

ALTER TABLE "issue" ADD COLUMN training_id TEXT;

ALTER TABLE "consultation" ADD COLUMN requested_expert_id TEXT;

ALTER TABLE "expert" ADD COLUMN availability TEXT;

ALTER TABLE "expert" ADD COLUMN pref_approved INTEGER;

ALTER TABLE "expert" ADD COLUMN approved_on TEXT;

DROP TRIGGER IF EXISTS "fts_expert_ad";

DROP TRIGGER IF EXISTS "fts_expert_ai";

DROP TRIGGER IF EXISTS "fts_expert_au";

DROP TABLE "fts_expert";

CREATE VIRTUAL TABLE "fts_expert" USING fts5(name, affiliation, fields, specialties, qualifications, track_record, contact, availability, tokenize='trigram');

CREATE TRIGGER "fts_expert_ai" AFTER INSERT ON "expert" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_expert" (rowid, name, affiliation, fields, specialties, qualifications, track_record, contact, availability) VALUES (new.rid, dx_fold(new.name), dx_fold(new.affiliation), dx_fold(new.fields), dx_fold(new.specialties), dx_fold(new.qualifications), dx_fold(new.track_record), dx_fold(new.contact), dx_fold(new.availability));
END;

CREATE TRIGGER "fts_expert_ad" AFTER DELETE ON "expert" BEGIN
    DELETE FROM "fts_expert" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_expert_au" AFTER UPDATE OF name, affiliation, fields, specialties, qualifications, track_record, contact, availability, _deleted ON "expert" BEGIN
    DELETE FROM "fts_expert" WHERE rowid = old.rid;
    INSERT INTO "fts_expert" (rowid, name, affiliation, fields, specialties, qualifications, track_record, contact, availability) SELECT new.rid, dx_fold(new.name), dx_fold(new.affiliation), dx_fold(new.fields), dx_fold(new.specialties), dx_fold(new.qualifications), dx_fold(new.track_record), dx_fold(new.contact), dx_fold(new.availability) WHERE new._deleted = 0;
END;

INSERT INTO "fts_expert" (rowid, name, affiliation, fields, specialties, qualifications, track_record, contact, availability) SELECT rid, dx_fold(name), dx_fold(affiliation), dx_fold(fields), dx_fold(specialties), dx_fold(qualifications), dx_fold(track_record), dx_fold(contact), dx_fold(availability) FROM "expert" WHERE _deleted = 0;

ALTER TABLE "goal" ADD COLUMN indicator TEXT;

ALTER TABLE "goal" ADD COLUMN baseline REAL;

ALTER TABLE "goal" ADD COLUMN agreed_on TEXT;

ALTER TABLE "goal" ADD COLUMN agreement_version TEXT;

DROP TRIGGER IF EXISTS "fts_goal_ad";

DROP TRIGGER IF EXISTS "fts_goal_ai";

DROP TRIGGER IF EXISTS "fts_goal_au";

DROP TABLE "fts_goal";

CREATE VIRTUAL TABLE "fts_goal" USING fts5(title, description, unit, indicator, agreement_version, tokenize='trigram');

CREATE TRIGGER "fts_goal_ai" AFTER INSERT ON "goal" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_goal" (rowid, title, description, unit, indicator, agreement_version) VALUES (new.rid, dx_fold(new.title), dx_fold(new.description), dx_fold(new.unit), dx_fold(new.indicator), dx_fold(new.agreement_version));
END;

CREATE TRIGGER "fts_goal_ad" AFTER DELETE ON "goal" BEGIN
    DELETE FROM "fts_goal" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_goal_au" AFTER UPDATE OF title, description, unit, indicator, agreement_version, _deleted ON "goal" BEGIN
    DELETE FROM "fts_goal" WHERE rowid = old.rid;
    INSERT INTO "fts_goal" (rowid, title, description, unit, indicator, agreement_version) SELECT new.rid, dx_fold(new.title), dx_fold(new.description), dx_fold(new.unit), dx_fold(new.indicator), dx_fold(new.agreement_version) WHERE new._deleted = 0;
END;

INSERT INTO "fts_goal" (rowid, title, description, unit, indicator, agreement_version) SELECT rid, dx_fold(title), dx_fold(description), dx_fold(unit), dx_fold(indicator), dx_fold(agreement_version) FROM "goal" WHERE _deleted = 0;

ALTER TABLE "goal_progress" ADD COLUMN actions TEXT;

ALTER TABLE "goal_progress" ADD COLUMN achievement TEXT;

ALTER TABLE "goal_progress" ADD COLUMN next_steps TEXT;

DROP TRIGGER IF EXISTS "fts_goal_progress_ad";

DROP TRIGGER IF EXISTS "fts_goal_progress_ai";

DROP TRIGGER IF EXISTS "fts_goal_progress_au";

DROP TABLE "fts_goal_progress";

CREATE VIRTUAL TABLE "fts_goal_progress" USING fts5(actions, achievement, next_steps, note, tokenize='trigram');

CREATE TRIGGER "fts_goal_progress_ai" AFTER INSERT ON "goal_progress" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_goal_progress" (rowid, actions, achievement, next_steps, note) VALUES (new.rid, dx_fold(new.actions), dx_fold(new.achievement), dx_fold(new.next_steps), dx_fold(new.note));
END;

CREATE TRIGGER "fts_goal_progress_ad" AFTER DELETE ON "goal_progress" BEGIN
    DELETE FROM "fts_goal_progress" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_goal_progress_au" AFTER UPDATE OF actions, achievement, next_steps, note, _deleted ON "goal_progress" BEGIN
    DELETE FROM "fts_goal_progress" WHERE rowid = old.rid;
    INSERT INTO "fts_goal_progress" (rowid, actions, achievement, next_steps, note) SELECT new.rid, dx_fold(new.actions), dx_fold(new.achievement), dx_fold(new.next_steps), dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_goal_progress" (rowid, actions, achievement, next_steps, note) SELECT rid, dx_fold(actions), dx_fold(achievement), dx_fold(next_steps), dx_fold(note) FROM "goal_progress" WHERE _deleted = 0;

CREATE TABLE "meeting_item" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    meeting_id TEXT,
    item_type TEXT,
    text TEXT,
    org_id TEXT,
    owner TEXT,
    due_date TEXT,
    issue_id TEXT,
    sort_order INTEGER,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "meeting_item_parent" ON "meeting_item" (meeting_id);

CREATE VIRTUAL TABLE "fts_meeting_item" USING fts5(text, owner, tokenize='trigram');

CREATE TRIGGER "fts_meeting_item_ai" AFTER INSERT ON "meeting_item" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_meeting_item" (rowid, text, owner) VALUES (new.rid, dx_fold(new.text), dx_fold(new.owner));
END;

CREATE TRIGGER "fts_meeting_item_ad" AFTER DELETE ON "meeting_item" BEGIN
    DELETE FROM "fts_meeting_item" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_meeting_item_au" AFTER UPDATE OF text, owner, _deleted ON "meeting_item" BEGIN
    DELETE FROM "fts_meeting_item" WHERE rowid = old.rid;
    INSERT INTO "fts_meeting_item" (rowid, text, owner) SELECT new.rid, dx_fold(new.text), dx_fold(new.owner) WHERE new._deleted = 0;
END;

INSERT INTO "fts_meeting_item" (rowid, text, owner) SELECT rid, dx_fold(text), dx_fold(owner) FROM "meeting_item" WHERE _deleted = 0;

CREATE TABLE "training_wish" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT,
    received_on TEXT,
    theme TEXT,
    preferred_format TEXT,
    preferred_period TEXT,
    note TEXT,
    training_id TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "training_wish_org" ON "training_wish" (org_id);

CREATE INDEX "training_wish_date" ON "training_wish" (received_on);

CREATE VIRTUAL TABLE "fts_training_wish" USING fts5(theme, preferred_period, note, tokenize='trigram');

CREATE TRIGGER "fts_training_wish_ai" AFTER INSERT ON "training_wish" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_training_wish" (rowid, theme, preferred_period, note) VALUES (new.rid, dx_fold(new.theme), dx_fold(new.preferred_period), dx_fold(new.note));
END;

CREATE TRIGGER "fts_training_wish_ad" AFTER DELETE ON "training_wish" BEGIN
    DELETE FROM "fts_training_wish" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_training_wish_au" AFTER UPDATE OF theme, preferred_period, note, _deleted ON "training_wish" BEGIN
    DELETE FROM "fts_training_wish" WHERE rowid = old.rid;
    INSERT INTO "fts_training_wish" (rowid, theme, preferred_period, note) SELECT new.rid, dx_fold(new.theme), dx_fold(new.preferred_period), dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_training_wish" (rowid, theme, preferred_period, note) SELECT rid, dx_fold(theme), dx_fold(preferred_period), dx_fold(note) FROM "training_wish" WHERE _deleted = 0;
