-- 0022: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

ALTER TABLE "engagement" ADD COLUMN dx_theme TEXT;

ALTER TABLE "engagement" ADD COLUMN menu TEXT;

ALTER TABLE "engagement" ADD COLUMN plan_agreed_on TEXT;

ALTER TABLE "engagement" ADD COLUMN outcomes TEXT;

ALTER TABLE "engagement" ADD COLUMN grant_scheme TEXT;

ALTER TABLE "engagement" ADD COLUMN grant_applied_on TEXT;

ALTER TABLE "engagement" ADD COLUMN grant_result TEXT;

ALTER TABLE "engagement" ADD COLUMN experts_dispatched TEXT;

ALTER TABLE "engagement" ADD COLUMN knowledge_passed TEXT;

DROP TRIGGER IF EXISTS "fts_engagement_ad";

DROP TRIGGER IF EXISTS "fts_engagement_ai";

DROP TRIGGER IF EXISTS "fts_engagement_au";

DROP TABLE "fts_engagement";

CREATE VIRTUAL TABLE "fts_engagement" USING fts5(theme, menu, outcomes, grant_scheme, experts_dispatched, knowledge_passed, notes, tokenize='trigram');

CREATE TRIGGER "fts_engagement_ai" AFTER INSERT ON "engagement" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_engagement" (rowid, theme, menu, outcomes, grant_scheme, experts_dispatched, knowledge_passed, notes) VALUES (new.rid, dx_fold(new.theme), dx_fold(new.menu), dx_fold(new.outcomes), dx_fold(new.grant_scheme), dx_fold(new.experts_dispatched), dx_fold(new.knowledge_passed), dx_fold(new.notes));
END;

CREATE TRIGGER "fts_engagement_ad" AFTER DELETE ON "engagement" BEGIN
    DELETE FROM "fts_engagement" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_engagement_au" AFTER UPDATE OF theme, menu, outcomes, grant_scheme, experts_dispatched, knowledge_passed, notes, _deleted ON "engagement" BEGIN
    DELETE FROM "fts_engagement" WHERE rowid = old.rid;
    INSERT INTO "fts_engagement" (rowid, theme, menu, outcomes, grant_scheme, experts_dispatched, knowledge_passed, notes) SELECT new.rid, dx_fold(new.theme), dx_fold(new.menu), dx_fold(new.outcomes), dx_fold(new.grant_scheme), dx_fold(new.experts_dispatched), dx_fold(new.knowledge_passed), dx_fold(new.notes) WHERE new._deleted = 0;
END;

INSERT INTO "fts_engagement" (rowid, theme, menu, outcomes, grant_scheme, experts_dispatched, knowledge_passed, notes) SELECT rid, dx_fold(theme), dx_fold(menu), dx_fold(outcomes), dx_fold(grant_scheme), dx_fold(experts_dispatched), dx_fold(knowledge_passed), dx_fold(notes) FROM "engagement" WHERE _deleted = 0;

CREATE TABLE "engagement_milestone" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    engagement_id TEXT,
    title TEXT,
    planned_on TEXT,
    reached_on TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "engagement_milestone_date" ON "engagement_milestone" (planned_on);

CREATE INDEX "engagement_milestone_parent" ON "engagement_milestone" (engagement_id);

CREATE VIRTUAL TABLE "fts_engagement_milestone" USING fts5(title, note, tokenize='trigram');

CREATE TRIGGER "fts_engagement_milestone_ai" AFTER INSERT ON "engagement_milestone" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_engagement_milestone" (rowid, title, note) VALUES (new.rid, dx_fold(new.title), dx_fold(new.note));
END;

CREATE TRIGGER "fts_engagement_milestone_ad" AFTER DELETE ON "engagement_milestone" BEGIN
    DELETE FROM "fts_engagement_milestone" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_engagement_milestone_au" AFTER UPDATE OF title, note, _deleted ON "engagement_milestone" BEGIN
    DELETE FROM "fts_engagement_milestone" WHERE rowid = old.rid;
    INSERT INTO "fts_engagement_milestone" (rowid, title, note) SELECT new.rid, dx_fold(new.title), dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_engagement_milestone" (rowid, title, note) SELECT rid, dx_fold(title), dx_fold(note) FROM "engagement_milestone" WHERE _deleted = 0;

CREATE TABLE "stakeholder" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT,
    stakeholder_type TEXT,
    org_id TEXT,
    department TEXT,
    contact TEXT,
    notes TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "stakeholder_org" ON "stakeholder" (org_id);

CREATE VIRTUAL TABLE "fts_stakeholder" USING fts5(name, department, contact, notes, tokenize='trigram');

CREATE TRIGGER "fts_stakeholder_ai" AFTER INSERT ON "stakeholder" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_stakeholder" (rowid, name, department, contact, notes) VALUES (new.rid, dx_fold(new.name), dx_fold(new.department), dx_fold(new.contact), dx_fold(new.notes));
END;

CREATE TRIGGER "fts_stakeholder_ad" AFTER DELETE ON "stakeholder" BEGIN
    DELETE FROM "fts_stakeholder" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_stakeholder_au" AFTER UPDATE OF name, department, contact, notes, _deleted ON "stakeholder" BEGIN
    DELETE FROM "fts_stakeholder" WHERE rowid = old.rid;
    INSERT INTO "fts_stakeholder" (rowid, name, department, contact, notes) SELECT new.rid, dx_fold(new.name), dx_fold(new.department), dx_fold(new.contact), dx_fold(new.notes) WHERE new._deleted = 0;
END;

INSERT INTO "fts_stakeholder" (rowid, name, department, contact, notes) SELECT rid, dx_fold(name), dx_fold(department), dx_fold(contact), dx_fold(notes) FROM "stakeholder" WHERE _deleted = 0;

CREATE TABLE "engagement_stakeholder" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    engagement_id TEXT,
    stakeholder_id TEXT,
    role TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "engagement_stakeholder_parent" ON "engagement_stakeholder" (engagement_id);

CREATE UNIQUE INDEX "engagement_stakeholder_key" ON "engagement_stakeholder" (engagement_id, stakeholder_id);

CREATE VIRTUAL TABLE "fts_engagement_stakeholder" USING fts5(role, note, tokenize='trigram');

CREATE TRIGGER "fts_engagement_stakeholder_ai" AFTER INSERT ON "engagement_stakeholder" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_engagement_stakeholder" (rowid, role, note) VALUES (new.rid, dx_fold(new.role), dx_fold(new.note));
END;

CREATE TRIGGER "fts_engagement_stakeholder_ad" AFTER DELETE ON "engagement_stakeholder" BEGIN
    DELETE FROM "fts_engagement_stakeholder" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_engagement_stakeholder_au" AFTER UPDATE OF role, note, _deleted ON "engagement_stakeholder" BEGIN
    DELETE FROM "fts_engagement_stakeholder" WHERE rowid = old.rid;
    INSERT INTO "fts_engagement_stakeholder" (rowid, role, note) SELECT new.rid, dx_fold(new.role), dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_engagement_stakeholder" (rowid, role, note) SELECT rid, dx_fold(role), dx_fold(note) FROM "engagement_stakeholder" WHERE _deleted = 0;

CREATE TABLE "engagement_month" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    engagement_id TEXT,
    staff_id TEXT,
    month TEXT,
    done TEXT,
    next_steps TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "engagement_month_date" ON "engagement_month" (month);

CREATE INDEX "engagement_month_parent" ON "engagement_month" (engagement_id);

CREATE UNIQUE INDEX "engagement_month_key" ON "engagement_month" (engagement_id, staff_id, month);

CREATE VIRTUAL TABLE "fts_engagement_month" USING fts5(done, next_steps, tokenize='trigram');

CREATE TRIGGER "fts_engagement_month_ai" AFTER INSERT ON "engagement_month" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_engagement_month" (rowid, done, next_steps) VALUES (new.rid, dx_fold(new.done), dx_fold(new.next_steps));
END;

CREATE TRIGGER "fts_engagement_month_ad" AFTER DELETE ON "engagement_month" BEGIN
    DELETE FROM "fts_engagement_month" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_engagement_month_au" AFTER UPDATE OF done, next_steps, _deleted ON "engagement_month" BEGIN
    DELETE FROM "fts_engagement_month" WHERE rowid = old.rid;
    INSERT INTO "fts_engagement_month" (rowid, done, next_steps) SELECT new.rid, dx_fold(new.done), dx_fold(new.next_steps) WHERE new._deleted = 0;
END;

INSERT INTO "fts_engagement_month" (rowid, done, next_steps) SELECT rid, dx_fold(done), dx_fold(next_steps) FROM "engagement_month" WHERE _deleted = 0;

CREATE TABLE "case" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    org_id TEXT,
    municipality TEXT,
    prefecture TEXT,
    population INTEGER,
    municipality_type TEXT,
    theme TEXT,
    year INTEGER,
    summary TEXT,
    results TEXT,
    lessons TEXT,
    source TEXT,
    source_title TEXT,
    source_url TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "case_org" ON "case" (org_id);

CREATE VIRTUAL TABLE "fts_case" USING fts5(title, municipality, prefecture, summary, results, lessons, source_title, tokenize='trigram');

CREATE TRIGGER "fts_case_ai" AFTER INSERT ON "case" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_case" (rowid, title, municipality, prefecture, summary, results, lessons, source_title) VALUES (new.rid, dx_fold(new.title), dx_fold(new.municipality), dx_fold(new.prefecture), dx_fold(new.summary), dx_fold(new.results), dx_fold(new.lessons), dx_fold(new.source_title));
END;

CREATE TRIGGER "fts_case_ad" AFTER DELETE ON "case" BEGIN
    DELETE FROM "fts_case" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_case_au" AFTER UPDATE OF title, municipality, prefecture, summary, results, lessons, source_title, _deleted ON "case" BEGIN
    DELETE FROM "fts_case" WHERE rowid = old.rid;
    INSERT INTO "fts_case" (rowid, title, municipality, prefecture, summary, results, lessons, source_title) SELECT new.rid, dx_fold(new.title), dx_fold(new.municipality), dx_fold(new.prefecture), dx_fold(new.summary), dx_fold(new.results), dx_fold(new.lessons), dx_fold(new.source_title) WHERE new._deleted = 0;
END;

INSERT INTO "fts_case" (rowid, title, municipality, prefecture, summary, results, lessons, source_title) SELECT rid, dx_fold(title), dx_fold(municipality), dx_fold(prefecture), dx_fold(summary), dx_fold(results), dx_fold(lessons), dx_fold(source_title) FROM "case" WHERE _deleted = 0;

CREATE TABLE "engagement_case" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    engagement_id TEXT,
    case_id TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "engagement_case_parent" ON "engagement_case" (engagement_id);

CREATE UNIQUE INDEX "engagement_case_key" ON "engagement_case" (engagement_id, case_id);

CREATE VIRTUAL TABLE "fts_engagement_case" USING fts5(note, tokenize='trigram');

CREATE TRIGGER "fts_engagement_case_ai" AFTER INSERT ON "engagement_case" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_engagement_case" (rowid, note) VALUES (new.rid, dx_fold(new.note));
END;

CREATE TRIGGER "fts_engagement_case_ad" AFTER DELETE ON "engagement_case" BEGIN
    DELETE FROM "fts_engagement_case" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_engagement_case_au" AFTER UPDATE OF note, _deleted ON "engagement_case" BEGIN
    DELETE FROM "fts_engagement_case" WHERE rowid = old.rid;
    INSERT INTO "fts_engagement_case" (rowid, note) SELECT new.rid, dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_engagement_case" (rowid, note) SELECT rid, dx_fold(note) FROM "engagement_case" WHERE _deleted = 0;

CREATE TABLE "consultation_case" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    consultation_id TEXT,
    case_id TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "consultation_case_parent" ON "consultation_case" (consultation_id);

CREATE UNIQUE INDEX "consultation_case_key" ON "consultation_case" (consultation_id, case_id);

CREATE VIRTUAL TABLE "fts_consultation_case" USING fts5(note, tokenize='trigram');

CREATE TRIGGER "fts_consultation_case_ai" AFTER INSERT ON "consultation_case" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_consultation_case" (rowid, note) VALUES (new.rid, dx_fold(new.note));
END;

CREATE TRIGGER "fts_consultation_case_ad" AFTER DELETE ON "consultation_case" BEGIN
    DELETE FROM "fts_consultation_case" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_consultation_case_au" AFTER UPDATE OF note, _deleted ON "consultation_case" BEGIN
    DELETE FROM "fts_consultation_case" WHERE rowid = old.rid;
    INSERT INTO "fts_consultation_case" (rowid, note) SELECT new.rid, dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_consultation_case" (rowid, note) SELECT rid, dx_fold(note) FROM "consultation_case" WHERE _deleted = 0;

CREATE TABLE "comm_tool" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT,
    chosen_on TEXT,
    agreed_with_pref INTEGER,
    reason TEXT,
    notes TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "comm_tool_date" ON "comm_tool" (chosen_on);

CREATE VIRTUAL TABLE "fts_comm_tool" USING fts5(name, reason, notes, tokenize='trigram');

CREATE TRIGGER "fts_comm_tool_ai" AFTER INSERT ON "comm_tool" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_comm_tool" (rowid, name, reason, notes) VALUES (new.rid, dx_fold(new.name), dx_fold(new.reason), dx_fold(new.notes));
END;

CREATE TRIGGER "fts_comm_tool_ad" AFTER DELETE ON "comm_tool" BEGIN
    DELETE FROM "fts_comm_tool" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_comm_tool_au" AFTER UPDATE OF name, reason, notes, _deleted ON "comm_tool" BEGIN
    DELETE FROM "fts_comm_tool" WHERE rowid = old.rid;
    INSERT INTO "fts_comm_tool" (rowid, name, reason, notes) SELECT new.rid, dx_fold(new.name), dx_fold(new.reason), dx_fold(new.notes) WHERE new._deleted = 0;
END;

INSERT INTO "fts_comm_tool" (rowid, name, reason, notes) SELECT rid, dx_fold(name), dx_fold(reason), dx_fold(notes) FROM "comm_tool" WHERE _deleted = 0;

CREATE TABLE "comm_group" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    tool_id TEXT,
    name TEXT,
    group_id TEXT,
    opened_on TEXT,
    notes TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE VIRTUAL TABLE "fts_comm_group" USING fts5(name, notes, tokenize='trigram');

CREATE TRIGGER "fts_comm_group_ai" AFTER INSERT ON "comm_group" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_comm_group" (rowid, name, notes) VALUES (new.rid, dx_fold(new.name), dx_fold(new.notes));
END;

CREATE TRIGGER "fts_comm_group_ad" AFTER DELETE ON "comm_group" BEGIN
    DELETE FROM "fts_comm_group" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_comm_group_au" AFTER UPDATE OF name, notes, _deleted ON "comm_group" BEGIN
    DELETE FROM "fts_comm_group" WHERE rowid = old.rid;
    INSERT INTO "fts_comm_group" (rowid, name, notes) SELECT new.rid, dx_fold(new.name), dx_fold(new.notes) WHERE new._deleted = 0;
END;

INSERT INTO "fts_comm_group" (rowid, name, notes) SELECT rid, dx_fold(name), dx_fold(notes) FROM "comm_group" WHERE _deleted = 0;

CREATE TABLE "comm_account" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    tool_id TEXT,
    org_id TEXT,
    accounts INTEGER,
    issued_on TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "comm_account_org" ON "comm_account" (org_id);

CREATE UNIQUE INDEX "comm_account_key" ON "comm_account" (tool_id, org_id);

CREATE VIRTUAL TABLE "fts_comm_account" USING fts5(note, tokenize='trigram');

CREATE TRIGGER "fts_comm_account_ai" AFTER INSERT ON "comm_account" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_comm_account" (rowid, note) VALUES (new.rid, dx_fold(new.note));
END;

CREATE TRIGGER "fts_comm_account_ad" AFTER DELETE ON "comm_account" BEGIN
    DELETE FROM "fts_comm_account" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_comm_account_au" AFTER UPDATE OF note, _deleted ON "comm_account" BEGIN
    DELETE FROM "fts_comm_account" WHERE rowid = old.rid;
    INSERT INTO "fts_comm_account" (rowid, note) SELECT new.rid, dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_comm_account" (rowid, note) SELECT rid, dx_fold(note) FROM "comm_account" WHERE _deleted = 0;

CREATE TABLE "comm_activity" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    comm_group_id TEXT,
    month TEXT,
    posts INTEGER,
    active_members INTEGER,
    members INTEGER,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "comm_activity_date" ON "comm_activity" (month);

CREATE UNIQUE INDEX "comm_activity_key" ON "comm_activity" (comm_group_id, month);

CREATE VIRTUAL TABLE "fts_comm_activity" USING fts5(note, tokenize='trigram');

CREATE TRIGGER "fts_comm_activity_ai" AFTER INSERT ON "comm_activity" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_comm_activity" (rowid, note) VALUES (new.rid, dx_fold(new.note));
END;

CREATE TRIGGER "fts_comm_activity_ad" AFTER DELETE ON "comm_activity" BEGIN
    DELETE FROM "fts_comm_activity" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_comm_activity_au" AFTER UPDATE OF note, _deleted ON "comm_activity" BEGIN
    DELETE FROM "fts_comm_activity" WHERE rowid = old.rid;
    INSERT INTO "fts_comm_activity" (rowid, note) SELECT new.rid, dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_comm_activity" (rowid, note) SELECT rid, dx_fold(note) FROM "comm_activity" WHERE _deleted = 0;

CREATE TABLE "comm_event" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    date TEXT,
    title TEXT,
    event_type TEXT,
    tool_id TEXT,
    comm_group_id TEXT,
    participants INTEGER,
    notes TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "comm_event_date" ON "comm_event" (date);

CREATE VIRTUAL TABLE "fts_comm_event" USING fts5(title, notes, tokenize='trigram');

CREATE TRIGGER "fts_comm_event_ai" AFTER INSERT ON "comm_event" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_comm_event" (rowid, title, notes) VALUES (new.rid, dx_fold(new.title), dx_fold(new.notes));
END;

CREATE TRIGGER "fts_comm_event_ad" AFTER DELETE ON "comm_event" BEGIN
    DELETE FROM "fts_comm_event" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_comm_event_au" AFTER UPDATE OF title, notes, _deleted ON "comm_event" BEGIN
    DELETE FROM "fts_comm_event" WHERE rowid = old.rid;
    INSERT INTO "fts_comm_event" (rowid, title, notes) SELECT new.rid, dx_fold(new.title), dx_fold(new.notes) WHERE new._deleted = 0;
END;

INSERT INTO "fts_comm_event" (rowid, title, notes) SELECT rid, dx_fold(title), dx_fold(notes) FROM "comm_event" WHERE _deleted = 0;

CREATE TABLE "coordination" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    date TEXT,
    group_id TEXT,
    org_id TEXT,
    title TEXT,
    content TEXT,
    next_steps TEXT,
    staff_id TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "coordination_org" ON "coordination" (org_id);

CREATE INDEX "coordination_date" ON "coordination" (date);

CREATE VIRTUAL TABLE "fts_coordination" USING fts5(title, content, next_steps, tokenize='trigram');

CREATE TRIGGER "fts_coordination_ai" AFTER INSERT ON "coordination" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_coordination" (rowid, title, content, next_steps) VALUES (new.rid, dx_fold(new.title), dx_fold(new.content), dx_fold(new.next_steps));
END;

CREATE TRIGGER "fts_coordination_ad" AFTER DELETE ON "coordination" BEGIN
    DELETE FROM "fts_coordination" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_coordination_au" AFTER UPDATE OF title, content, next_steps, _deleted ON "coordination" BEGIN
    DELETE FROM "fts_coordination" WHERE rowid = old.rid;
    INSERT INTO "fts_coordination" (rowid, title, content, next_steps) SELECT new.rid, dx_fold(new.title), dx_fold(new.content), dx_fold(new.next_steps) WHERE new._deleted = 0;
END;

INSERT INTO "fts_coordination" (rowid, title, content, next_steps) SELECT rid, dx_fold(title), dx_fold(content), dx_fold(next_steps) FROM "coordination" WHERE _deleted = 0;

CREATE TABLE "info_share" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    date TEXT,
    org_id TEXT,
    recipient TEXT,
    channel TEXT,
    title TEXT,
    materials TEXT,
    content TEXT,
    staff_id TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "info_share_org" ON "info_share" (org_id);

CREATE INDEX "info_share_date" ON "info_share" (date);

CREATE VIRTUAL TABLE "fts_info_share" USING fts5(recipient, title, materials, content, tokenize='trigram');

CREATE TRIGGER "fts_info_share_ai" AFTER INSERT ON "info_share" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_info_share" (rowid, recipient, title, materials, content) VALUES (new.rid, dx_fold(new.recipient), dx_fold(new.title), dx_fold(new.materials), dx_fold(new.content));
END;

CREATE TRIGGER "fts_info_share_ad" AFTER DELETE ON "info_share" BEGIN
    DELETE FROM "fts_info_share" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_info_share_au" AFTER UPDATE OF recipient, title, materials, content, _deleted ON "info_share" BEGIN
    DELETE FROM "fts_info_share" WHERE rowid = old.rid;
    INSERT INTO "fts_info_share" (rowid, recipient, title, materials, content) SELECT new.rid, dx_fold(new.recipient), dx_fold(new.title), dx_fold(new.materials), dx_fold(new.content) WHERE new._deleted = 0;
END;

INSERT INTO "fts_info_share" (rowid, recipient, title, materials, content) SELECT rid, dx_fold(recipient), dx_fold(title), dx_fold(materials), dx_fold(content) FROM "info_share" WHERE _deleted = 0;
