-- 0025: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.

ALTER TABLE "visit" ADD COLUMN support_kind TEXT;

DROP TRIGGER IF EXISTS "fts_visit_ad";

DROP TRIGGER IF EXISTS "fts_visit_ai";

DROP TRIGGER IF EXISTS "fts_visit_au";

DROP TABLE "fts_visit";

CREATE VIRTUAL TABLE "fts_visit" USING fts5(support_kind, title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions, tokenize='trigram');

CREATE TRIGGER "fts_visit_ai" AFTER INSERT ON "visit" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_visit" (rowid, support_kind, title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions) VALUES (new.rid, dx_fold(new.support_kind), dx_fold(new.title), dx_fold(new.place), dx_fold(new.systems), dx_fold(new.attendees_org), dx_fold(new.attendees_vendor), dx_fold(new.attendees_ours), dx_fold(new.agenda), dx_fold(new.notes), dx_fold(new.findings), dx_fold(new.next_actions));
END;

CREATE TRIGGER "fts_visit_ad" AFTER DELETE ON "visit" BEGIN
    DELETE FROM "fts_visit" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_visit_au" AFTER UPDATE OF support_kind, title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions, _deleted ON "visit" BEGIN
    DELETE FROM "fts_visit" WHERE rowid = old.rid;
    INSERT INTO "fts_visit" (rowid, support_kind, title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions) SELECT new.rid, dx_fold(new.support_kind), dx_fold(new.title), dx_fold(new.place), dx_fold(new.systems), dx_fold(new.attendees_org), dx_fold(new.attendees_vendor), dx_fold(new.attendees_ours), dx_fold(new.agenda), dx_fold(new.notes), dx_fold(new.findings), dx_fold(new.next_actions) WHERE new._deleted = 0;
END;

INSERT INTO "fts_visit" (rowid, support_kind, title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions) SELECT rid, dx_fold(support_kind), dx_fold(title), dx_fold(place), dx_fold(systems), dx_fold(attendees_org), dx_fold(attendees_vendor), dx_fold(attendees_ours), dx_fold(agenda), dx_fold(notes), dx_fold(findings), dx_fold(next_actions) FROM "visit" WHERE _deleted = 0;

ALTER TABLE "consultation" ADD COLUMN support_kind TEXT;

DROP TRIGGER IF EXISTS "fts_consultation_ad";

DROP TRIGGER IF EXISTS "fts_consultation_ai";

DROP TRIGGER IF EXISTS "fts_consultation_au";

DROP TABLE "fts_consultation";

CREATE VIRTUAL TABLE "fts_consultation" USING fts5(requester, support_kind, topic, content, response, remarks, tokenize='trigram');

CREATE TRIGGER "fts_consultation_ai" AFTER INSERT ON "consultation" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_consultation" (rowid, requester, support_kind, topic, content, response, remarks) VALUES (new.rid, dx_fold(new.requester), dx_fold(new.support_kind), dx_fold(new.topic), dx_fold(new.content), dx_fold(new.response), dx_fold(new.remarks));
END;

CREATE TRIGGER "fts_consultation_ad" AFTER DELETE ON "consultation" BEGIN
    DELETE FROM "fts_consultation" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_consultation_au" AFTER UPDATE OF requester, support_kind, topic, content, response, remarks, _deleted ON "consultation" BEGIN
    DELETE FROM "fts_consultation" WHERE rowid = old.rid;
    INSERT INTO "fts_consultation" (rowid, requester, support_kind, topic, content, response, remarks) SELECT new.rid, dx_fold(new.requester), dx_fold(new.support_kind), dx_fold(new.topic), dx_fold(new.content), dx_fold(new.response), dx_fold(new.remarks) WHERE new._deleted = 0;
END;

INSERT INTO "fts_consultation" (rowid, requester, support_kind, topic, content, response, remarks) SELECT rid, dx_fold(requester), dx_fold(support_kind), dx_fold(topic), dx_fold(content), dx_fold(response), dx_fold(remarks) FROM "consultation" WHERE _deleted = 0;

CREATE TABLE "proposal" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT,
    proposed_on TEXT,
    title TEXT,
    content TEXT,
    support_kind TEXT,
    staff_id TEXT,
    visit_id TEXT,
    consultation_id TEXT,
    status TEXT,
    follow_up TEXT,
    follow_up_on TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "proposal_org" ON "proposal" (org_id);

CREATE INDEX "proposal_date" ON "proposal" (proposed_on);

CREATE VIRTUAL TABLE "fts_proposal" USING fts5(title, content, support_kind, follow_up, tokenize='trigram');

CREATE TRIGGER "fts_proposal_ai" AFTER INSERT ON "proposal" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_proposal" (rowid, title, content, support_kind, follow_up) VALUES (new.rid, dx_fold(new.title), dx_fold(new.content), dx_fold(new.support_kind), dx_fold(new.follow_up));
END;

CREATE TRIGGER "fts_proposal_ad" AFTER DELETE ON "proposal" BEGIN
    DELETE FROM "fts_proposal" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_proposal_au" AFTER UPDATE OF title, content, support_kind, follow_up, _deleted ON "proposal" BEGIN
    DELETE FROM "fts_proposal" WHERE rowid = old.rid;
    INSERT INTO "fts_proposal" (rowid, title, content, support_kind, follow_up) SELECT new.rid, dx_fold(new.title), dx_fold(new.content), dx_fold(new.support_kind), dx_fold(new.follow_up) WHERE new._deleted = 0;
END;

INSERT INTO "fts_proposal" (rowid, title, content, support_kind, follow_up) SELECT rid, dx_fold(title), dx_fold(content), dx_fold(support_kind), dx_fold(follow_up) FROM "proposal" WHERE _deleted = 0;

-- Written by hand on top of the generated statements: the indexes of an organisation's shared
-- issues (services/shared.py). Its related issues by organisation, and an issue's organisation
-- and status by id without reading the wide row: the tree's figures over 20,000 issues with
-- 2,000 related organisations x12 slower without them, x2 with them (docs/benchmarks.md).

CREATE INDEX related_org_by_org ON related_org (org_id, issue_id) WHERE _deleted = 0;

CREATE INDEX issue_shared ON issue (id, org_id, status) WHERE _deleted = 0;
