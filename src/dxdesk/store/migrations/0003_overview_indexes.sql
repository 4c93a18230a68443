-- 0003: covering indexes for the overview figures (visits, days and hours on site per
-- organisation and month, open issues and consultations). Partial on live rows; the queries
-- state "_deleted = 0" so the planner can use them without reading the wide record rows.

CREATE INDEX visit_overview ON visit (org_id, date, hours, mode) WHERE _deleted = 0;

CREATE INDEX time_overview ON "time" (org_id, date, staff_id, hours, on_site) WHERE _deleted = 0;

CREATE INDEX time_by_staff ON "time" (staff_id, date, hours) WHERE _deleted = 0;

CREATE INDEX issue_overview ON issue (org_id, status, priority, due_date) WHERE _deleted = 0;

CREATE INDEX consultation_overview ON consultation (org_id, status, received_at) WHERE _deleted = 0;

CREATE INDEX step_status_cell ON step_status (org_id, system_code, step_no, status) WHERE _deleted = 0;
