-- 0002: full-text search (FTS5, trigram tokenizer: works for Japanese without a

-- word splitter) over every free-text field, kept in sync by triggers in the same

-- transaction as the write. External content: the text is stored once, in the record table.

CREATE VIRTUAL TABLE "fts_organisation" USING fts5(code, name, reading, gun, area, address, notes, content='organisation', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_organisation_ai" AFTER INSERT ON "organisation" BEGIN
    INSERT INTO "fts_organisation" (rowid, code, name, reading, gun, area, address, notes) VALUES (new.rid, new.code, new.name, new.reading, new.gun, new.area, new.address, new.notes);
END;

CREATE TRIGGER "fts_organisation_ad" AFTER DELETE ON "organisation" BEGIN
    INSERT INTO "fts_organisation" ("fts_organisation", rowid, code, name, reading, gun, area, address, notes) VALUES ('delete', old.rid, old.code, old.name, old.reading, old.gun, old.area, old.address, old.notes);
END;

CREATE TRIGGER "fts_organisation_au" AFTER UPDATE OF code, name, reading, gun, area, address, notes ON "organisation" BEGIN
    INSERT INTO "fts_organisation" ("fts_organisation", rowid, code, name, reading, gun, area, address, notes) VALUES ('delete', old.rid, old.code, old.name, old.reading, old.gun, old.area, old.address, old.notes);
    INSERT INTO "fts_organisation" (rowid, code, name, reading, gun, area, address, notes) VALUES (new.rid, new.code, new.name, new.reading, new.gun, new.area, new.address, new.notes);
END;

INSERT INTO "fts_organisation" ("fts_organisation") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_staff" USING fts5(name, email, phone, notes, content='staff', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_staff_ai" AFTER INSERT ON "staff" BEGIN
    INSERT INTO "fts_staff" (rowid, name, email, phone, notes) VALUES (new.rid, new.name, new.email, new.phone, new.notes);
END;

CREATE TRIGGER "fts_staff_ad" AFTER DELETE ON "staff" BEGIN
    INSERT INTO "fts_staff" ("fts_staff", rowid, name, email, phone, notes) VALUES ('delete', old.rid, old.name, old.email, old.phone, old.notes);
END;

CREATE TRIGGER "fts_staff_au" AFTER UPDATE OF name, email, phone, notes ON "staff" BEGIN
    INSERT INTO "fts_staff" ("fts_staff", rowid, name, email, phone, notes) VALUES ('delete', old.rid, old.name, old.email, old.phone, old.notes);
    INSERT INTO "fts_staff" (rowid, name, email, phone, notes) VALUES (new.rid, new.name, new.email, new.phone, new.notes);
END;

INSERT INTO "fts_staff" ("fts_staff") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_contact" USING fts5(name, department, title, phone, email, notes, content='contact', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_contact_ai" AFTER INSERT ON "contact" BEGIN
    INSERT INTO "fts_contact" (rowid, name, department, title, phone, email, notes) VALUES (new.rid, new.name, new.department, new.title, new.phone, new.email, new.notes);
END;

CREATE TRIGGER "fts_contact_ad" AFTER DELETE ON "contact" BEGIN
    INSERT INTO "fts_contact" ("fts_contact", rowid, name, department, title, phone, email, notes) VALUES ('delete', old.rid, old.name, old.department, old.title, old.phone, old.email, old.notes);
END;

CREATE TRIGGER "fts_contact_au" AFTER UPDATE OF name, department, title, phone, email, notes ON "contact" BEGIN
    INSERT INTO "fts_contact" ("fts_contact", rowid, name, department, title, phone, email, notes) VALUES ('delete', old.rid, old.name, old.department, old.title, old.phone, old.email, old.notes);
    INSERT INTO "fts_contact" (rowid, name, department, title, phone, email, notes) VALUES (new.rid, new.name, new.department, new.title, new.phone, new.email, new.notes);
END;

INSERT INTO "fts_contact" ("fts_contact") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_vendor" USING fts5(name, reading, products, contact, notes, content='vendor', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_vendor_ai" AFTER INSERT ON "vendor" BEGIN
    INSERT INTO "fts_vendor" (rowid, name, reading, products, contact, notes) VALUES (new.rid, new.name, new.reading, new.products, new.contact, new.notes);
END;

CREATE TRIGGER "fts_vendor_ad" AFTER DELETE ON "vendor" BEGIN
    INSERT INTO "fts_vendor" ("fts_vendor", rowid, name, reading, products, contact, notes) VALUES ('delete', old.rid, old.name, old.reading, old.products, old.contact, old.notes);
END;

CREATE TRIGGER "fts_vendor_au" AFTER UPDATE OF name, reading, products, contact, notes ON "vendor" BEGIN
    INSERT INTO "fts_vendor" ("fts_vendor", rowid, name, reading, products, contact, notes) VALUES ('delete', old.rid, old.name, old.reading, old.products, old.contact, old.notes);
    INSERT INTO "fts_vendor" (rowid, name, reading, products, contact, notes) VALUES (new.rid, new.name, new.reading, new.products, new.contact, new.notes);
END;

INSERT INTO "fts_vendor" ("fts_vendor") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_group" USING fts5(name, description, content='group', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_group_ai" AFTER INSERT ON "group" BEGIN
    INSERT INTO "fts_group" (rowid, name, description) VALUES (new.rid, new.name, new.description);
END;

CREATE TRIGGER "fts_group_ad" AFTER DELETE ON "group" BEGIN
    INSERT INTO "fts_group" ("fts_group", rowid, name, description) VALUES ('delete', old.rid, old.name, old.description);
END;

CREATE TRIGGER "fts_group_au" AFTER UPDATE OF name, description ON "group" BEGIN
    INSERT INTO "fts_group" ("fts_group", rowid, name, description) VALUES ('delete', old.rid, old.name, old.description);
    INSERT INTO "fts_group" (rowid, name, description) VALUES (new.rid, new.name, new.description);
END;

INSERT INTO "fts_group" ("fts_group") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_visit" USING fts5(title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions, content='visit', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_visit_ai" AFTER INSERT ON "visit" BEGIN
    INSERT INTO "fts_visit" (rowid, title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions) VALUES (new.rid, new.title, new.place, new.systems, new.attendees_org, new.attendees_vendor, new.attendees_ours, new.agenda, new.notes, new.findings, new.next_actions);
END;

CREATE TRIGGER "fts_visit_ad" AFTER DELETE ON "visit" BEGIN
    INSERT INTO "fts_visit" ("fts_visit", rowid, title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions) VALUES ('delete', old.rid, old.title, old.place, old.systems, old.attendees_org, old.attendees_vendor, old.attendees_ours, old.agenda, old.notes, old.findings, old.next_actions);
END;

CREATE TRIGGER "fts_visit_au" AFTER UPDATE OF title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions ON "visit" BEGIN
    INSERT INTO "fts_visit" ("fts_visit", rowid, title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions) VALUES ('delete', old.rid, old.title, old.place, old.systems, old.attendees_org, old.attendees_vendor, old.attendees_ours, old.agenda, old.notes, old.findings, old.next_actions);
    INSERT INTO "fts_visit" (rowid, title, place, systems, attendees_org, attendees_vendor, attendees_ours, agenda, notes, findings, next_actions) VALUES (new.rid, new.title, new.place, new.systems, new.attendees_org, new.attendees_vendor, new.attendees_ours, new.agenda, new.notes, new.findings, new.next_actions);
END;

INSERT INTO "fts_visit" ("fts_visit") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_issue" USING fts5(title, description, countermeasure, response_status, content='issue', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_issue_ai" AFTER INSERT ON "issue" BEGIN
    INSERT INTO "fts_issue" (rowid, title, description, countermeasure, response_status) VALUES (new.rid, new.title, new.description, new.countermeasure, new.response_status);
END;

CREATE TRIGGER "fts_issue_ad" AFTER DELETE ON "issue" BEGIN
    INSERT INTO "fts_issue" ("fts_issue", rowid, title, description, countermeasure, response_status) VALUES ('delete', old.rid, old.title, old.description, old.countermeasure, old.response_status);
END;

CREATE TRIGGER "fts_issue_au" AFTER UPDATE OF title, description, countermeasure, response_status ON "issue" BEGIN
    INSERT INTO "fts_issue" ("fts_issue", rowid, title, description, countermeasure, response_status) VALUES ('delete', old.rid, old.title, old.description, old.countermeasure, old.response_status);
    INSERT INTO "fts_issue" (rowid, title, description, countermeasure, response_status) VALUES (new.rid, new.title, new.description, new.countermeasure, new.response_status);
END;

INSERT INTO "fts_issue" ("fts_issue") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_consultation" USING fts5(requester, topic, content, response, remarks, content='consultation', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_consultation_ai" AFTER INSERT ON "consultation" BEGIN
    INSERT INTO "fts_consultation" (rowid, requester, topic, content, response, remarks) VALUES (new.rid, new.requester, new.topic, new.content, new.response, new.remarks);
END;

CREATE TRIGGER "fts_consultation_ad" AFTER DELETE ON "consultation" BEGIN
    INSERT INTO "fts_consultation" ("fts_consultation", rowid, requester, topic, content, response, remarks) VALUES ('delete', old.rid, old.requester, old.topic, old.content, old.response, old.remarks);
END;

CREATE TRIGGER "fts_consultation_au" AFTER UPDATE OF requester, topic, content, response, remarks ON "consultation" BEGIN
    INSERT INTO "fts_consultation" ("fts_consultation", rowid, requester, topic, content, response, remarks) VALUES ('delete', old.rid, old.requester, old.topic, old.content, old.response, old.remarks);
    INSERT INTO "fts_consultation" (rowid, requester, topic, content, response, remarks) VALUES (new.rid, new.requester, new.topic, new.content, new.response, new.remarks);
END;

INSERT INTO "fts_consultation" ("fts_consultation") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_time" USING fts5(note, content='time', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_time_ai" AFTER INSERT ON "time" BEGIN
    INSERT INTO "fts_time" (rowid, note) VALUES (new.rid, new.note);
END;

CREATE TRIGGER "fts_time_ad" AFTER DELETE ON "time" BEGIN
    INSERT INTO "fts_time" ("fts_time", rowid, note) VALUES ('delete', old.rid, old.note);
END;

CREATE TRIGGER "fts_time_au" AFTER UPDATE OF note ON "time" BEGIN
    INSERT INTO "fts_time" ("fts_time", rowid, note) VALUES ('delete', old.rid, old.note);
    INSERT INTO "fts_time" (rowid, note) VALUES (new.rid, new.note);
END;

INSERT INTO "fts_time" ("fts_time") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_training" USING fts5(title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals, content='training', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_training_ai" AFTER INSERT ON "training" BEGIN
    INSERT INTO "fts_training" (rowid, title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals) VALUES (new.rid, new.title, new.place, new.audience, new.instructor, new.aims, new.programme, new.survey_results, new.issues_found, new.proposals);
END;

CREATE TRIGGER "fts_training_ad" AFTER DELETE ON "training" BEGIN
    INSERT INTO "fts_training" ("fts_training", rowid, title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals) VALUES ('delete', old.rid, old.title, old.place, old.audience, old.instructor, old.aims, old.programme, old.survey_results, old.issues_found, old.proposals);
END;

CREATE TRIGGER "fts_training_au" AFTER UPDATE OF title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals ON "training" BEGIN
    INSERT INTO "fts_training" ("fts_training", rowid, title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals) VALUES ('delete', old.rid, old.title, old.place, old.audience, old.instructor, old.aims, old.programme, old.survey_results, old.issues_found, old.proposals);
    INSERT INTO "fts_training" (rowid, title, place, audience, instructor, aims, programme, survey_results, issues_found, proposals) VALUES (new.rid, new.title, new.place, new.audience, new.instructor, new.aims, new.programme, new.survey_results, new.issues_found, new.proposals);
END;

INSERT INTO "fts_training" ("fts_training") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_expert" USING fts5(name, affiliation, fields, specialties, qualifications, track_record, contact, content='expert', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_expert_ai" AFTER INSERT ON "expert" BEGIN
    INSERT INTO "fts_expert" (rowid, name, affiliation, fields, specialties, qualifications, track_record, contact) VALUES (new.rid, new.name, new.affiliation, new.fields, new.specialties, new.qualifications, new.track_record, new.contact);
END;

CREATE TRIGGER "fts_expert_ad" AFTER DELETE ON "expert" BEGIN
    INSERT INTO "fts_expert" ("fts_expert", rowid, name, affiliation, fields, specialties, qualifications, track_record, contact) VALUES ('delete', old.rid, old.name, old.affiliation, old.fields, old.specialties, old.qualifications, old.track_record, old.contact);
END;

CREATE TRIGGER "fts_expert_au" AFTER UPDATE OF name, affiliation, fields, specialties, qualifications, track_record, contact ON "expert" BEGIN
    INSERT INTO "fts_expert" ("fts_expert", rowid, name, affiliation, fields, specialties, qualifications, track_record, contact) VALUES ('delete', old.rid, old.name, old.affiliation, old.fields, old.specialties, old.qualifications, old.track_record, old.contact);
    INSERT INTO "fts_expert" (rowid, name, affiliation, fields, specialties, qualifications, track_record, contact) VALUES (new.rid, new.name, new.affiliation, new.fields, new.specialties, new.qualifications, new.track_record, new.contact);
END;

INSERT INTO "fts_expert" ("fts_expert") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_goal" USING fts5(title, description, unit, content='goal', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_goal_ai" AFTER INSERT ON "goal" BEGIN
    INSERT INTO "fts_goal" (rowid, title, description, unit) VALUES (new.rid, new.title, new.description, new.unit);
END;

CREATE TRIGGER "fts_goal_ad" AFTER DELETE ON "goal" BEGIN
    INSERT INTO "fts_goal" ("fts_goal", rowid, title, description, unit) VALUES ('delete', old.rid, old.title, old.description, old.unit);
END;

CREATE TRIGGER "fts_goal_au" AFTER UPDATE OF title, description, unit ON "goal" BEGIN
    INSERT INTO "fts_goal" ("fts_goal", rowid, title, description, unit) VALUES ('delete', old.rid, old.title, old.description, old.unit);
    INSERT INTO "fts_goal" (rowid, title, description, unit) VALUES (new.rid, new.title, new.description, new.unit);
END;

INSERT INTO "fts_goal" ("fts_goal") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_goal_progress" USING fts5(note, content='goal_progress', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_goal_progress_ai" AFTER INSERT ON "goal_progress" BEGIN
    INSERT INTO "fts_goal_progress" (rowid, note) VALUES (new.rid, new.note);
END;

CREATE TRIGGER "fts_goal_progress_ad" AFTER DELETE ON "goal_progress" BEGIN
    INSERT INTO "fts_goal_progress" ("fts_goal_progress", rowid, note) VALUES ('delete', old.rid, old.note);
END;

CREATE TRIGGER "fts_goal_progress_au" AFTER UPDATE OF note ON "goal_progress" BEGIN
    INSERT INTO "fts_goal_progress" ("fts_goal_progress", rowid, note) VALUES ('delete', old.rid, old.note);
    INSERT INTO "fts_goal_progress" (rowid, note) VALUES (new.rid, new.note);
END;

INSERT INTO "fts_goal_progress" ("fts_goal_progress") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_meeting" USING fts5(title, place, attendees_org, attendees_pref, attendees_ours, agenda, minutes, decisions, action_items, next_meeting, content='meeting', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_meeting_ai" AFTER INSERT ON "meeting" BEGIN
    INSERT INTO "fts_meeting" (rowid, title, place, attendees_org, attendees_pref, attendees_ours, agenda, minutes, decisions, action_items, next_meeting) VALUES (new.rid, new.title, new.place, new.attendees_org, new.attendees_pref, new.attendees_ours, new.agenda, new.minutes, new.decisions, new.action_items, new.next_meeting);
END;

CREATE TRIGGER "fts_meeting_ad" AFTER DELETE ON "meeting" BEGIN
    INSERT INTO "fts_meeting" ("fts_meeting", rowid, title, place, attendees_org, attendees_pref, attendees_ours, agenda, minutes, decisions, action_items, next_meeting) VALUES ('delete', old.rid, old.title, old.place, old.attendees_org, old.attendees_pref, old.attendees_ours, old.agenda, old.minutes, old.decisions, old.action_items, old.next_meeting);
END;

CREATE TRIGGER "fts_meeting_au" AFTER UPDATE OF title, place, attendees_org, attendees_pref, attendees_ours, agenda, minutes, decisions, action_items, next_meeting ON "meeting" BEGIN
    INSERT INTO "fts_meeting" ("fts_meeting", rowid, title, place, attendees_org, attendees_pref, attendees_ours, agenda, minutes, decisions, action_items, next_meeting) VALUES ('delete', old.rid, old.title, old.place, old.attendees_org, old.attendees_pref, old.attendees_ours, old.agenda, old.minutes, old.decisions, old.action_items, old.next_meeting);
    INSERT INTO "fts_meeting" (rowid, title, place, attendees_org, attendees_pref, attendees_ours, agenda, minutes, decisions, action_items, next_meeting) VALUES (new.rid, new.title, new.place, new.attendees_org, new.attendees_pref, new.attendees_ours, new.agenda, new.minutes, new.decisions, new.action_items, new.next_meeting);
END;

INSERT INTO "fts_meeting" ("fts_meeting") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_system_status" USING fts5(package_name, running_cost, notes, content='system_status', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_system_status_ai" AFTER INSERT ON "system_status" BEGIN
    INSERT INTO "fts_system_status" (rowid, package_name, running_cost, notes) VALUES (new.rid, new.package_name, new.running_cost, new.notes);
END;

CREATE TRIGGER "fts_system_status_ad" AFTER DELETE ON "system_status" BEGIN
    INSERT INTO "fts_system_status" ("fts_system_status", rowid, package_name, running_cost, notes) VALUES ('delete', old.rid, old.package_name, old.running_cost, old.notes);
END;

CREATE TRIGGER "fts_system_status_au" AFTER UPDATE OF package_name, running_cost, notes ON "system_status" BEGIN
    INSERT INTO "fts_system_status" ("fts_system_status", rowid, package_name, running_cost, notes) VALUES ('delete', old.rid, old.package_name, old.running_cost, old.notes);
    INSERT INTO "fts_system_status" (rowid, package_name, running_cost, notes) VALUES (new.rid, new.package_name, new.running_cost, new.notes);
END;

INSERT INTO "fts_system_status" ("fts_system_status") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_step_status" USING fts5(note, content='step_status', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_step_status_ai" AFTER INSERT ON "step_status" BEGIN
    INSERT INTO "fts_step_status" (rowid, note) VALUES (new.rid, new.note);
END;

CREATE TRIGGER "fts_step_status_ad" AFTER DELETE ON "step_status" BEGIN
    INSERT INTO "fts_step_status" ("fts_step_status", rowid, note) VALUES ('delete', old.rid, old.note);
END;

CREATE TRIGGER "fts_step_status_au" AFTER UPDATE OF note ON "step_status" BEGIN
    INSERT INTO "fts_step_status" ("fts_step_status", rowid, note) VALUES ('delete', old.rid, old.note);
    INSERT INTO "fts_step_status" (rowid, note) VALUES (new.rid, new.note);
END;

INSERT INTO "fts_step_status" ("fts_step_status") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_engagement" USING fts5(theme, notes, content='engagement', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_engagement_ai" AFTER INSERT ON "engagement" BEGIN
    INSERT INTO "fts_engagement" (rowid, theme, notes) VALUES (new.rid, new.theme, new.notes);
END;

CREATE TRIGGER "fts_engagement_ad" AFTER DELETE ON "engagement" BEGIN
    INSERT INTO "fts_engagement" ("fts_engagement", rowid, theme, notes) VALUES ('delete', old.rid, old.theme, old.notes);
END;

CREATE TRIGGER "fts_engagement_au" AFTER UPDATE OF theme, notes ON "engagement" BEGIN
    INSERT INTO "fts_engagement" ("fts_engagement", rowid, theme, notes) VALUES ('delete', old.rid, old.theme, old.notes);
    INSERT INTO "fts_engagement" (rowid, theme, notes) VALUES (new.rid, new.theme, new.notes);
END;

INSERT INTO "fts_engagement" ("fts_engagement") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_case_study" USING fts5(title, background, approach, results, lessons, content='case_study', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_case_study_ai" AFTER INSERT ON "case_study" BEGIN
    INSERT INTO "fts_case_study" (rowid, title, background, approach, results, lessons) VALUES (new.rid, new.title, new.background, new.approach, new.results, new.lessons);
END;

CREATE TRIGGER "fts_case_study_ad" AFTER DELETE ON "case_study" BEGIN
    INSERT INTO "fts_case_study" ("fts_case_study", rowid, title, background, approach, results, lessons) VALUES ('delete', old.rid, old.title, old.background, old.approach, old.results, old.lessons);
END;

CREATE TRIGGER "fts_case_study_au" AFTER UPDATE OF title, background, approach, results, lessons ON "case_study" BEGIN
    INSERT INTO "fts_case_study" ("fts_case_study", rowid, title, background, approach, results, lessons) VALUES ('delete', old.rid, old.title, old.background, old.approach, old.results, old.lessons);
    INSERT INTO "fts_case_study" (rowid, title, background, approach, results, lessons) VALUES (new.rid, new.title, new.background, new.approach, new.results, new.lessons);
END;

INSERT INTO "fts_case_study" ("fts_case_study") VALUES ('rebuild');

CREATE VIRTUAL TABLE "fts_closed_day" USING fts5(reason, content='closed_day', content_rowid='rid', tokenize='trigram');

CREATE TRIGGER "fts_closed_day_ai" AFTER INSERT ON "closed_day" BEGIN
    INSERT INTO "fts_closed_day" (rowid, reason) VALUES (new.rid, new.reason);
END;

CREATE TRIGGER "fts_closed_day_ad" AFTER DELETE ON "closed_day" BEGIN
    INSERT INTO "fts_closed_day" ("fts_closed_day", rowid, reason) VALUES ('delete', old.rid, old.reason);
END;

CREATE TRIGGER "fts_closed_day_au" AFTER UPDATE OF reason ON "closed_day" BEGIN
    INSERT INTO "fts_closed_day" ("fts_closed_day", rowid, reason) VALUES ('delete', old.rid, old.reason);
    INSERT INTO "fts_closed_day" (rowid, reason) VALUES (new.rid, new.reason);
END;

INSERT INTO "fts_closed_day" ("fts_closed_day") VALUES ('rebuild');
