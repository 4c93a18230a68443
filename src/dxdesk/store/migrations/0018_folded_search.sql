-- 0018: generated from the model by scripts/migration.py (dxdesk.store.schema.plan).
-- Frozen once released: a later model change gets a new migration, never an edit.
--
-- Search that finds what people type: every full-text table is made again to hold the live
-- records' text in search form (dx_fold: NFKC, case, ヶ/ケ and small kana, core/textfold.py)
-- and filled from the rows already there, so ＬＧＷＡＮ, ｶﾞﾊﾞﾒﾝﾄ and 五ケ瀬 find old notes too.

DROP TRIGGER IF EXISTS "fts_organisation_ad";

DROP TRIGGER IF EXISTS "fts_organisation_ai";

DROP TRIGGER IF EXISTS "fts_organisation_au";

DROP TABLE "fts_organisation";

CREATE VIRTUAL TABLE "fts_organisation" USING fts5(code, name, reading, gun, area, address, notes, tokenize='trigram');

CREATE TRIGGER "fts_organisation_ai" AFTER INSERT ON "organisation" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_organisation" (rowid, code, name, reading, gun, area, address, notes) VALUES (new.rid, dx_fold(new.code), dx_fold(new.name), dx_fold(new.reading), dx_fold(new.gun), dx_fold(new.area), dx_fold(new.address), dx_fold(new.notes));
END;

CREATE TRIGGER "fts_organisation_ad" AFTER DELETE ON "organisation" BEGIN
    DELETE FROM "fts_organisation" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_organisation_au" AFTER UPDATE OF code, name, reading, gun, area, address, notes, _deleted ON "organisation" BEGIN
    DELETE FROM "fts_organisation" WHERE rowid = old.rid;
    INSERT INTO "fts_organisation" (rowid, code, name, reading, gun, area, address, notes) SELECT new.rid, dx_fold(new.code), dx_fold(new.name), dx_fold(new.reading), dx_fold(new.gun), dx_fold(new.area), dx_fold(new.address), dx_fold(new.notes) WHERE new._deleted = 0;
END;

INSERT INTO "fts_organisation" (rowid, code, name, reading, gun, area, address, notes) SELECT rid, dx_fold(code), dx_fold(name), dx_fold(reading), dx_fold(gun), dx_fold(area), dx_fold(address), dx_fold(notes) FROM "organisation" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_staff_ad";

DROP TRIGGER IF EXISTS "fts_staff_ai";

DROP TRIGGER IF EXISTS "fts_staff_au";

DROP TABLE "fts_staff";

CREATE VIRTUAL TABLE "fts_staff" USING fts5(name, email, phone, notes, tokenize='trigram');

CREATE TRIGGER "fts_staff_ai" AFTER INSERT ON "staff" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_staff" (rowid, name, email, phone, notes) VALUES (new.rid, dx_fold(new.name), dx_fold(new.email), dx_fold(new.phone), dx_fold(new.notes));
END;

CREATE TRIGGER "fts_staff_ad" AFTER DELETE ON "staff" BEGIN
    DELETE FROM "fts_staff" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_staff_au" AFTER UPDATE OF name, email, phone, notes, _deleted ON "staff" BEGIN
    DELETE FROM "fts_staff" WHERE rowid = old.rid;
    INSERT INTO "fts_staff" (rowid, name, email, phone, notes) SELECT new.rid, dx_fold(new.name), dx_fold(new.email), dx_fold(new.phone), dx_fold(new.notes) WHERE new._deleted = 0;
END;

INSERT INTO "fts_staff" (rowid, name, email, phone, notes) SELECT rid, dx_fold(name), dx_fold(email), dx_fold(phone), dx_fold(notes) FROM "staff" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_contact_ad";

DROP TRIGGER IF EXISTS "fts_contact_ai";

DROP TRIGGER IF EXISTS "fts_contact_au";

DROP TABLE "fts_contact";

CREATE VIRTUAL TABLE "fts_contact" USING fts5(name, department, title, phone, email, notes, tokenize='trigram');

CREATE TRIGGER "fts_contact_ai" AFTER INSERT ON "contact" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_contact" (rowid, name, department, title, phone, email, notes) VALUES (new.rid, dx_fold(new.name), dx_fold(new.department), dx_fold(new.title), dx_fold(new.phone), dx_fold(new.email), dx_fold(new.notes));
END;

CREATE TRIGGER "fts_contact_ad" AFTER DELETE ON "contact" BEGIN
    DELETE FROM "fts_contact" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_contact_au" AFTER UPDATE OF name, department, title, phone, email, notes, _deleted ON "contact" BEGIN
    DELETE FROM "fts_contact" WHERE rowid = old.rid;
    INSERT INTO "fts_contact" (rowid, name, department, title, phone, email, notes) SELECT new.rid, dx_fold(new.name), dx_fold(new.department), dx_fold(new.title), dx_fold(new.phone), dx_fold(new.email), dx_fold(new.notes) WHERE new._deleted = 0;
END;

INSERT INTO "fts_contact" (rowid, name, department, title, phone, email, notes) SELECT rid, dx_fold(name), dx_fold(department), dx_fold(title), dx_fold(phone), dx_fold(email), dx_fold(notes) FROM "contact" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_vendor_ad";

DROP TRIGGER IF EXISTS "fts_vendor_ai";

DROP TRIGGER IF EXISTS "fts_vendor_au";

DROP TABLE "fts_vendor";

CREATE VIRTUAL TABLE "fts_vendor" USING fts5(name, reading, products, contact, notes, tokenize='trigram');

CREATE TRIGGER "fts_vendor_ai" AFTER INSERT ON "vendor" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_vendor" (rowid, name, reading, products, contact, notes) VALUES (new.rid, dx_fold(new.name), dx_fold(new.reading), dx_fold(new.products), dx_fold(new.contact), dx_fold(new.notes));
END;

CREATE TRIGGER "fts_vendor_ad" AFTER DELETE ON "vendor" BEGIN
    DELETE FROM "fts_vendor" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_vendor_au" AFTER UPDATE OF name, reading, products, contact, notes, _deleted ON "vendor" BEGIN
    DELETE FROM "fts_vendor" WHERE rowid = old.rid;
    INSERT INTO "fts_vendor" (rowid, name, reading, products, contact, notes) SELECT new.rid, dx_fold(new.name), dx_fold(new.reading), dx_fold(new.products), dx_fold(new.contact), dx_fold(new.notes) WHERE new._deleted = 0;
END;

INSERT INTO "fts_vendor" (rowid, name, reading, products, contact, notes) SELECT rid, dx_fold(name), dx_fold(reading), dx_fold(products), dx_fold(contact), dx_fold(notes) FROM "vendor" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_group_ad";

DROP TRIGGER IF EXISTS "fts_group_ai";

DROP TRIGGER IF EXISTS "fts_group_au";

DROP TABLE "fts_group";

CREATE VIRTUAL TABLE "fts_group" USING fts5(name, description, tokenize='trigram');

CREATE TRIGGER "fts_group_ai" AFTER INSERT ON "group" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_group" (rowid, name, description) VALUES (new.rid, dx_fold(new.name), dx_fold(new.description));
END;

CREATE TRIGGER "fts_group_ad" AFTER DELETE ON "group" BEGIN
    DELETE FROM "fts_group" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_group_au" AFTER UPDATE OF name, description, _deleted ON "group" BEGIN
    DELETE FROM "fts_group" WHERE rowid = old.rid;
    INSERT INTO "fts_group" (rowid, name, description) SELECT new.rid, dx_fold(new.name), dx_fold(new.description) WHERE new._deleted = 0;
END;

INSERT INTO "fts_group" (rowid, name, description) SELECT rid, dx_fold(name), dx_fold(description) FROM "group" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_visit_ad";

DROP TRIGGER IF EXISTS "fts_visit_ai";

DROP TRIGGER IF EXISTS "fts_visit_au";

DROP TABLE "fts_visit";

CREATE VIRTUAL TABLE "fts_visit" USING fts5(title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions, tokenize='trigram');

CREATE TRIGGER "fts_visit_ai" AFTER INSERT ON "visit" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_visit" (rowid, title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions) VALUES (new.rid, dx_fold(new.title), dx_fold(new.place), dx_fold(new.systems), dx_fold(new.attendees_org), dx_fold(new.attendees_vendor), dx_fold(new.attendees_ours), dx_fold(new.agenda), dx_fold(new.notes), dx_fold(new.findings), dx_fold(new.next_actions));
END;

CREATE TRIGGER "fts_visit_ad" AFTER DELETE ON "visit" BEGIN
    DELETE FROM "fts_visit" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_visit_au" AFTER UPDATE OF title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions, _deleted ON "visit" BEGIN
    DELETE FROM "fts_visit" WHERE rowid = old.rid;
    INSERT INTO "fts_visit" (rowid, title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions) SELECT new.rid, dx_fold(new.title), dx_fold(new.place), dx_fold(new.systems), dx_fold(new.attendees_org), dx_fold(new.attendees_vendor), dx_fold(new.attendees_ours), dx_fold(new.agenda), dx_fold(new.notes), dx_fold(new.findings), dx_fold(new.next_actions) WHERE new._deleted = 0;
END;

INSERT INTO "fts_visit" (rowid, title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions) SELECT rid, dx_fold(title), dx_fold(place), dx_fold(systems), dx_fold(attendees_org), dx_fold(attendees_vendor), dx_fold(attendees_ours), dx_fold(agenda), dx_fold(notes), dx_fold(findings), dx_fold(next_actions) FROM "visit" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_issue_ad";

DROP TRIGGER IF EXISTS "fts_issue_ai";

DROP TRIGGER IF EXISTS "fts_issue_au";

DROP TABLE "fts_issue";

CREATE VIRTUAL TABLE "fts_issue" USING fts5(title, description, countermeasure, response_status, tokenize='trigram');

CREATE TRIGGER "fts_issue_ai" AFTER INSERT ON "issue" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_issue" (rowid, title, description, countermeasure, response_status) VALUES (new.rid, dx_fold(new.title), dx_fold(new.description), dx_fold(new.countermeasure), dx_fold(new.response_status));
END;

CREATE TRIGGER "fts_issue_ad" AFTER DELETE ON "issue" BEGIN
    DELETE FROM "fts_issue" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_issue_au" AFTER UPDATE OF title, description, countermeasure, response_status, _deleted ON "issue" BEGIN
    DELETE FROM "fts_issue" WHERE rowid = old.rid;
    INSERT INTO "fts_issue" (rowid, title, description, countermeasure, response_status) SELECT new.rid, dx_fold(new.title), dx_fold(new.description), dx_fold(new.countermeasure), dx_fold(new.response_status) WHERE new._deleted = 0;
END;

INSERT INTO "fts_issue" (rowid, title, description, countermeasure, response_status) SELECT rid, dx_fold(title), dx_fold(description), dx_fold(countermeasure), dx_fold(response_status) FROM "issue" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_consultation_ad";

DROP TRIGGER IF EXISTS "fts_consultation_ai";

DROP TRIGGER IF EXISTS "fts_consultation_au";

DROP TABLE "fts_consultation";

CREATE VIRTUAL TABLE "fts_consultation" USING fts5(requester, topic, content, response, remarks, tokenize='trigram');

CREATE TRIGGER "fts_consultation_ai" AFTER INSERT ON "consultation" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_consultation" (rowid, requester, topic, content, response, remarks) VALUES (new.rid, dx_fold(new.requester), dx_fold(new.topic), dx_fold(new.content), dx_fold(new.response), dx_fold(new.remarks));
END;

CREATE TRIGGER "fts_consultation_ad" AFTER DELETE ON "consultation" BEGIN
    DELETE FROM "fts_consultation" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_consultation_au" AFTER UPDATE OF requester, topic, content, response, remarks, _deleted ON "consultation" BEGIN
    DELETE FROM "fts_consultation" WHERE rowid = old.rid;
    INSERT INTO "fts_consultation" (rowid, requester, topic, content, response, remarks) SELECT new.rid, dx_fold(new.requester), dx_fold(new.topic), dx_fold(new.content), dx_fold(new.response), dx_fold(new.remarks) WHERE new._deleted = 0;
END;

INSERT INTO "fts_consultation" (rowid, requester, topic, content, response, remarks) SELECT rid, dx_fold(requester), dx_fold(topic), dx_fold(content), dx_fold(response), dx_fold(remarks) FROM "consultation" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_time_ad";

DROP TRIGGER IF EXISTS "fts_time_ai";

DROP TRIGGER IF EXISTS "fts_time_au";

DROP TABLE "fts_time";

CREATE VIRTUAL TABLE "fts_time" USING fts5(note, tokenize='trigram');

CREATE TRIGGER "fts_time_ai" AFTER INSERT ON "time" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_time" (rowid, note) VALUES (new.rid, dx_fold(new.note));
END;

CREATE TRIGGER "fts_time_ad" AFTER DELETE ON "time" BEGIN
    DELETE FROM "fts_time" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_time_au" AFTER UPDATE OF note, _deleted ON "time" BEGIN
    DELETE FROM "fts_time" WHERE rowid = old.rid;
    INSERT INTO "fts_time" (rowid, note) SELECT new.rid, dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_time" (rowid, note) SELECT rid, dx_fold(note) FROM "time" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_training_ad";

DROP TRIGGER IF EXISTS "fts_training_ai";

DROP TRIGGER IF EXISTS "fts_training_au";

DROP TABLE "fts_training";

CREATE VIRTUAL TABLE "fts_training" USING fts5(title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals, tokenize='trigram');

CREATE TRIGGER "fts_training_ai" AFTER INSERT ON "training" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_training" (rowid, title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals) VALUES (new.rid, dx_fold(new.title), dx_fold(new.place), dx_fold(new.audience), dx_fold(new.instructor), dx_fold(new.aims), dx_fold(new.programme), dx_fold(new.survey_results), dx_fold(new.issues_found), dx_fold(new.proposals));
END;

CREATE TRIGGER "fts_training_ad" AFTER DELETE ON "training" BEGIN
    DELETE FROM "fts_training" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_training_au" AFTER UPDATE OF title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals, _deleted ON "training" BEGIN
    DELETE FROM "fts_training" WHERE rowid = old.rid;
    INSERT INTO "fts_training" (rowid, title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals) SELECT new.rid, dx_fold(new.title), dx_fold(new.place), dx_fold(new.audience), dx_fold(new.instructor), dx_fold(new.aims), dx_fold(new.programme), dx_fold(new.survey_results), dx_fold(new.issues_found), dx_fold(new.proposals) WHERE new._deleted = 0;
END;

INSERT INTO "fts_training" (rowid, title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals) SELECT rid, dx_fold(title), dx_fold(place), dx_fold(audience), dx_fold(instructor), dx_fold(aims), dx_fold(programme), dx_fold(survey_results), dx_fold(issues_found), dx_fold(proposals) FROM "training" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_expert_ad";

DROP TRIGGER IF EXISTS "fts_expert_ai";

DROP TRIGGER IF EXISTS "fts_expert_au";

DROP TABLE "fts_expert";

CREATE VIRTUAL TABLE "fts_expert" USING fts5(name, affiliation, fields, specialties, qualifications, track_record, contact, tokenize='trigram');

CREATE TRIGGER "fts_expert_ai" AFTER INSERT ON "expert" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_expert" (rowid, name, affiliation, fields, specialties, qualifications, track_record, contact) VALUES (new.rid, dx_fold(new.name), dx_fold(new.affiliation), dx_fold(new.fields), dx_fold(new.specialties), dx_fold(new.qualifications), dx_fold(new.track_record), dx_fold(new.contact));
END;

CREATE TRIGGER "fts_expert_ad" AFTER DELETE ON "expert" BEGIN
    DELETE FROM "fts_expert" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_expert_au" AFTER UPDATE OF name, affiliation, fields, specialties, qualifications, track_record, contact, _deleted ON "expert" BEGIN
    DELETE FROM "fts_expert" WHERE rowid = old.rid;
    INSERT INTO "fts_expert" (rowid, name, affiliation, fields, specialties, qualifications, track_record, contact) SELECT new.rid, dx_fold(new.name), dx_fold(new.affiliation), dx_fold(new.fields), dx_fold(new.specialties), dx_fold(new.qualifications), dx_fold(new.track_record), dx_fold(new.contact) WHERE new._deleted = 0;
END;

INSERT INTO "fts_expert" (rowid, name, affiliation, fields, specialties, qualifications, track_record, contact) SELECT rid, dx_fold(name), dx_fold(affiliation), dx_fold(fields), dx_fold(specialties), dx_fold(qualifications), dx_fold(track_record), dx_fold(contact) FROM "expert" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_goal_ad";

DROP TRIGGER IF EXISTS "fts_goal_ai";

DROP TRIGGER IF EXISTS "fts_goal_au";

DROP TABLE "fts_goal";

CREATE VIRTUAL TABLE "fts_goal" USING fts5(title, description, unit, tokenize='trigram');

CREATE TRIGGER "fts_goal_ai" AFTER INSERT ON "goal" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_goal" (rowid, title, description, unit) VALUES (new.rid, dx_fold(new.title), dx_fold(new.description), dx_fold(new.unit));
END;

CREATE TRIGGER "fts_goal_ad" AFTER DELETE ON "goal" BEGIN
    DELETE FROM "fts_goal" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_goal_au" AFTER UPDATE OF title, description, unit, _deleted ON "goal" BEGIN
    DELETE FROM "fts_goal" WHERE rowid = old.rid;
    INSERT INTO "fts_goal" (rowid, title, description, unit) SELECT new.rid, dx_fold(new.title), dx_fold(new.description), dx_fold(new.unit) WHERE new._deleted = 0;
END;

INSERT INTO "fts_goal" (rowid, title, description, unit) SELECT rid, dx_fold(title), dx_fold(description), dx_fold(unit) FROM "goal" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_goal_progress_ad";

DROP TRIGGER IF EXISTS "fts_goal_progress_ai";

DROP TRIGGER IF EXISTS "fts_goal_progress_au";

DROP TABLE "fts_goal_progress";

CREATE VIRTUAL TABLE "fts_goal_progress" USING fts5(note, tokenize='trigram');

CREATE TRIGGER "fts_goal_progress_ai" AFTER INSERT ON "goal_progress" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_goal_progress" (rowid, note) VALUES (new.rid, dx_fold(new.note));
END;

CREATE TRIGGER "fts_goal_progress_ad" AFTER DELETE ON "goal_progress" BEGIN
    DELETE FROM "fts_goal_progress" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_goal_progress_au" AFTER UPDATE OF note, _deleted ON "goal_progress" BEGIN
    DELETE FROM "fts_goal_progress" WHERE rowid = old.rid;
    INSERT INTO "fts_goal_progress" (rowid, note) SELECT new.rid, dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_goal_progress" (rowid, note) SELECT rid, dx_fold(note) FROM "goal_progress" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_meeting_ad";

DROP TRIGGER IF EXISTS "fts_meeting_ai";

DROP TRIGGER IF EXISTS "fts_meeting_au";

DROP TABLE "fts_meeting";

CREATE VIRTUAL TABLE "fts_meeting" USING fts5(title, place, attendees_org, attendees_pref, attendees_ours, agenda, minutes, decisions, action_items, next_meeting, tokenize='trigram');

CREATE TRIGGER "fts_meeting_ai" AFTER INSERT ON "meeting" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_meeting" (rowid, title, place, attendees_org, attendees_pref, attendees_ours, agenda, minutes, decisions, action_items, next_meeting) VALUES (new.rid, dx_fold(new.title), dx_fold(new.place), dx_fold(new.attendees_org), dx_fold(new.attendees_pref), dx_fold(new.attendees_ours), dx_fold(new.agenda), dx_fold(new.minutes), dx_fold(new.decisions), dx_fold(new.action_items), dx_fold(new.next_meeting));
END;

CREATE TRIGGER "fts_meeting_ad" AFTER DELETE ON "meeting" BEGIN
    DELETE FROM "fts_meeting" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_meeting_au" AFTER UPDATE OF title, place, attendees_org, attendees_pref, attendees_ours, agenda, minutes, decisions, action_items, next_meeting, _deleted ON "meeting" BEGIN
    DELETE FROM "fts_meeting" WHERE rowid = old.rid;
    INSERT INTO "fts_meeting" (rowid, title, place, attendees_org, attendees_pref, attendees_ours, agenda, minutes, decisions, action_items, next_meeting) SELECT new.rid, dx_fold(new.title), dx_fold(new.place), dx_fold(new.attendees_org), dx_fold(new.attendees_pref), dx_fold(new.attendees_ours), dx_fold(new.agenda), dx_fold(new.minutes), dx_fold(new.decisions), dx_fold(new.action_items), dx_fold(new.next_meeting) WHERE new._deleted = 0;
END;

INSERT INTO "fts_meeting" (rowid, title, place, attendees_org, attendees_pref, attendees_ours, agenda, minutes, decisions, action_items, next_meeting) SELECT rid, dx_fold(title), dx_fold(place), dx_fold(attendees_org), dx_fold(attendees_pref), dx_fold(attendees_ours), dx_fold(agenda), dx_fold(minutes), dx_fold(decisions), dx_fold(action_items), dx_fold(next_meeting) FROM "meeting" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_system_status_ad";

DROP TRIGGER IF EXISTS "fts_system_status_ai";

DROP TRIGGER IF EXISTS "fts_system_status_au";

DROP TABLE "fts_system_status";

CREATE VIRTUAL TABLE "fts_system_status" USING fts5(current_system, package_name, risks, running_cost, notes, tokenize='trigram');

CREATE TRIGGER "fts_system_status_ai" AFTER INSERT ON "system_status" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_system_status" (rowid, current_system, package_name, risks, running_cost, notes) VALUES (new.rid, dx_fold(new.current_system), dx_fold(new.package_name), dx_fold(new.risks), dx_fold(new.running_cost), dx_fold(new.notes));
END;

CREATE TRIGGER "fts_system_status_ad" AFTER DELETE ON "system_status" BEGIN
    DELETE FROM "fts_system_status" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_system_status_au" AFTER UPDATE OF current_system, package_name, risks, running_cost, notes, _deleted ON "system_status" BEGIN
    DELETE FROM "fts_system_status" WHERE rowid = old.rid;
    INSERT INTO "fts_system_status" (rowid, current_system, package_name, risks, running_cost, notes) SELECT new.rid, dx_fold(new.current_system), dx_fold(new.package_name), dx_fold(new.risks), dx_fold(new.running_cost), dx_fold(new.notes) WHERE new._deleted = 0;
END;

INSERT INTO "fts_system_status" (rowid, current_system, package_name, risks, running_cost, notes) SELECT rid, dx_fold(current_system), dx_fold(package_name), dx_fold(risks), dx_fold(running_cost), dx_fold(notes) FROM "system_status" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_step_status_ad";

DROP TRIGGER IF EXISTS "fts_step_status_ai";

DROP TRIGGER IF EXISTS "fts_step_status_au";

DROP TABLE "fts_step_status";

CREATE VIRTUAL TABLE "fts_step_status" USING fts5(note, tokenize='trigram');

CREATE TRIGGER "fts_step_status_ai" AFTER INSERT ON "step_status" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_step_status" (rowid, note) VALUES (new.rid, dx_fold(new.note));
END;

CREATE TRIGGER "fts_step_status_ad" AFTER DELETE ON "step_status" BEGIN
    DELETE FROM "fts_step_status" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_step_status_au" AFTER UPDATE OF note, _deleted ON "step_status" BEGIN
    DELETE FROM "fts_step_status" WHERE rowid = old.rid;
    INSERT INTO "fts_step_status" (rowid, note) SELECT new.rid, dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_step_status" (rowid, note) SELECT rid, dx_fold(note) FROM "step_status" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_engagement_ad";

DROP TRIGGER IF EXISTS "fts_engagement_ai";

DROP TRIGGER IF EXISTS "fts_engagement_au";

DROP TABLE "fts_engagement";

CREATE VIRTUAL TABLE "fts_engagement" USING fts5(theme, notes, tokenize='trigram');

CREATE TRIGGER "fts_engagement_ai" AFTER INSERT ON "engagement" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_engagement" (rowid, theme, notes) VALUES (new.rid, dx_fold(new.theme), dx_fold(new.notes));
END;

CREATE TRIGGER "fts_engagement_ad" AFTER DELETE ON "engagement" BEGIN
    DELETE FROM "fts_engagement" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_engagement_au" AFTER UPDATE OF theme, notes, _deleted ON "engagement" BEGIN
    DELETE FROM "fts_engagement" WHERE rowid = old.rid;
    INSERT INTO "fts_engagement" (rowid, theme, notes) SELECT new.rid, dx_fold(new.theme), dx_fold(new.notes) WHERE new._deleted = 0;
END;

INSERT INTO "fts_engagement" (rowid, theme, notes) SELECT rid, dx_fold(theme), dx_fold(notes) FROM "engagement" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_case_study_ad";

DROP TRIGGER IF EXISTS "fts_case_study_ai";

DROP TRIGGER IF EXISTS "fts_case_study_au";

DROP TABLE "fts_case_study";

CREATE VIRTUAL TABLE "fts_case_study" USING fts5(title, background, approach, results, lessons, tokenize='trigram');

CREATE TRIGGER "fts_case_study_ai" AFTER INSERT ON "case_study" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_case_study" (rowid, title, background, approach, results, lessons) VALUES (new.rid, dx_fold(new.title), dx_fold(new.background), dx_fold(new.approach), dx_fold(new.results), dx_fold(new.lessons));
END;

CREATE TRIGGER "fts_case_study_ad" AFTER DELETE ON "case_study" BEGIN
    DELETE FROM "fts_case_study" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_case_study_au" AFTER UPDATE OF title, background, approach, results, lessons, _deleted ON "case_study" BEGIN
    DELETE FROM "fts_case_study" WHERE rowid = old.rid;
    INSERT INTO "fts_case_study" (rowid, title, background, approach, results, lessons) SELECT new.rid, dx_fold(new.title), dx_fold(new.background), dx_fold(new.approach), dx_fold(new.results), dx_fold(new.lessons) WHERE new._deleted = 0;
END;

INSERT INTO "fts_case_study" (rowid, title, background, approach, results, lessons) SELECT rid, dx_fold(title), dx_fold(background), dx_fold(approach), dx_fold(results), dx_fold(lessons) FROM "case_study" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_group_member_ad";

DROP TRIGGER IF EXISTS "fts_group_member_ai";

DROP TRIGGER IF EXISTS "fts_group_member_au";

DROP TABLE "fts_group_member";

CREATE VIRTUAL TABLE "fts_group_member" USING fts5(note, tokenize='trigram');

CREATE TRIGGER "fts_group_member_ai" AFTER INSERT ON "group_member" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_group_member" (rowid, note) VALUES (new.rid, dx_fold(new.note));
END;

CREATE TRIGGER "fts_group_member_ad" AFTER DELETE ON "group_member" BEGIN
    DELETE FROM "fts_group_member" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_group_member_au" AFTER UPDATE OF note, _deleted ON "group_member" BEGIN
    DELETE FROM "fts_group_member" WHERE rowid = old.rid;
    INSERT INTO "fts_group_member" (rowid, note) SELECT new.rid, dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_group_member" (rowid, note) SELECT rid, dx_fold(note) FROM "group_member" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_training_participant_ad";

DROP TRIGGER IF EXISTS "fts_training_participant_ai";

DROP TRIGGER IF EXISTS "fts_training_participant_au";

DROP TABLE "fts_training_participant";

CREATE VIRTUAL TABLE "fts_training_participant" USING fts5(note, tokenize='trigram');

CREATE TRIGGER "fts_training_participant_ai" AFTER INSERT ON "training_participant" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_training_participant" (rowid, note) VALUES (new.rid, dx_fold(new.note));
END;

CREATE TRIGGER "fts_training_participant_ad" AFTER DELETE ON "training_participant" BEGIN
    DELETE FROM "fts_training_participant" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_training_participant_au" AFTER UPDATE OF note, _deleted ON "training_participant" BEGIN
    DELETE FROM "fts_training_participant" WHERE rowid = old.rid;
    INSERT INTO "fts_training_participant" (rowid, note) SELECT new.rid, dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_training_participant" (rowid, note) SELECT rid, dx_fold(note) FROM "training_participant" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_related_org_ad";

DROP TRIGGER IF EXISTS "fts_related_org_ai";

DROP TRIGGER IF EXISTS "fts_related_org_au";

DROP TABLE "fts_related_org";

CREATE VIRTUAL TABLE "fts_related_org" USING fts5(note, tokenize='trigram');

CREATE TRIGGER "fts_related_org_ai" AFTER INSERT ON "related_org" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_related_org" (rowid, note) VALUES (new.rid, dx_fold(new.note));
END;

CREATE TRIGGER "fts_related_org_ad" AFTER DELETE ON "related_org" BEGIN
    DELETE FROM "fts_related_org" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_related_org_au" AFTER UPDATE OF note, _deleted ON "related_org" BEGIN
    DELETE FROM "fts_related_org" WHERE rowid = old.rid;
    INSERT INTO "fts_related_org" (rowid, note) SELECT new.rid, dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_related_org" (rowid, note) SELECT rid, dx_fold(note) FROM "related_org" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_document_form_ad";

DROP TRIGGER IF EXISTS "fts_document_form_ai";

DROP TRIGGER IF EXISTS "fts_document_form_au";

DROP TABLE "fts_document_form";

CREATE VIRTUAL TABLE "fts_document_form" USING fts5(addressee, contractor_name, contractor_address, representative, number_pattern, note, tokenize='trigram');

CREATE TRIGGER "fts_document_form_ai" AFTER INSERT ON "document_form" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_document_form" (rowid, addressee, contractor_name, contractor_address, representative, number_pattern, note) VALUES (new.rid, dx_fold(new.addressee), dx_fold(new.contractor_name), dx_fold(new.contractor_address), dx_fold(new.representative), dx_fold(new.number_pattern), dx_fold(new.note));
END;

CREATE TRIGGER "fts_document_form_ad" AFTER DELETE ON "document_form" BEGIN
    DELETE FROM "fts_document_form" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_document_form_au" AFTER UPDATE OF addressee, contractor_name, contractor_address, representative, number_pattern, note, _deleted ON "document_form" BEGIN
    DELETE FROM "fts_document_form" WHERE rowid = old.rid;
    INSERT INTO "fts_document_form" (rowid, addressee, contractor_name, contractor_address, representative, number_pattern, note) SELECT new.rid, dx_fold(new.addressee), dx_fold(new.contractor_name), dx_fold(new.contractor_address), dx_fold(new.representative), dx_fold(new.number_pattern), dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_document_form" (rowid, addressee, contractor_name, contractor_address, representative, number_pattern, note) SELECT rid, dx_fold(addressee), dx_fold(contractor_name), dx_fold(contractor_address), dx_fold(representative), dx_fold(number_pattern), dx_fold(note) FROM "document_form" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_submission_ad";

DROP TRIGGER IF EXISTS "fts_submission_ai";

DROP TRIGGER IF EXISTS "fts_submission_au";

DROP TABLE "fts_submission";

CREATE VIRTUAL TABLE "fts_submission" USING fts5(period, doc_number, file_name, note, tokenize='trigram');

CREATE TRIGGER "fts_submission_ai" AFTER INSERT ON "submission" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_submission" (rowid, period, doc_number, file_name, note) VALUES (new.rid, dx_fold(new.period), dx_fold(new.doc_number), dx_fold(new.file_name), dx_fold(new.note));
END;

CREATE TRIGGER "fts_submission_ad" AFTER DELETE ON "submission" BEGIN
    DELETE FROM "fts_submission" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_submission_au" AFTER UPDATE OF period, doc_number, file_name, note, _deleted ON "submission" BEGIN
    DELETE FROM "fts_submission" WHERE rowid = old.rid;
    INSERT INTO "fts_submission" (rowid, period, doc_number, file_name, note) SELECT new.rid, dx_fold(new.period), dx_fold(new.doc_number), dx_fold(new.file_name), dx_fold(new.note) WHERE new._deleted = 0;
END;

INSERT INTO "fts_submission" (rowid, period, doc_number, file_name, note) SELECT rid, dx_fold(period), dx_fold(doc_number), dx_fold(file_name), dx_fold(note) FROM "submission" WHERE _deleted = 0;

DROP TRIGGER IF EXISTS "fts_closed_day_ad";

DROP TRIGGER IF EXISTS "fts_closed_day_ai";

DROP TRIGGER IF EXISTS "fts_closed_day_au";

DROP TABLE "fts_closed_day";

CREATE VIRTUAL TABLE "fts_closed_day" USING fts5(reason, tokenize='trigram');

CREATE TRIGGER "fts_closed_day_ai" AFTER INSERT ON "closed_day" WHEN new._deleted = 0 BEGIN
    INSERT INTO "fts_closed_day" (rowid, reason) VALUES (new.rid, dx_fold(new.reason));
END;

CREATE TRIGGER "fts_closed_day_ad" AFTER DELETE ON "closed_day" BEGIN
    DELETE FROM "fts_closed_day" WHERE rowid = old.rid;
END;

CREATE TRIGGER "fts_closed_day_au" AFTER UPDATE OF reason, _deleted ON "closed_day" BEGIN
    DELETE FROM "fts_closed_day" WHERE rowid = old.rid;
    INSERT INTO "fts_closed_day" (rowid, reason) SELECT new.rid, dx_fold(new.reason) WHERE new._deleted = 0;
END;

INSERT INTO "fts_closed_day" (rowid, reason) SELECT rid, dx_fold(reason) FROM "closed_day" WHERE _deleted = 0;
