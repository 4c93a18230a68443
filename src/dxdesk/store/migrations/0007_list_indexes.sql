-- 0007: an organisation's lists in their default order (newest first) straight from an index,
-- so the first page of a list costs the same with 20 or 20,000 records of that organisation
-- (bench/gui.py). Visits and time entries already have one (0003: org_id, date ...).

CREATE INDEX issue_org_list ON issue (org_id, raised_on) WHERE _deleted = 0;

CREATE INDEX consultation_org_list ON consultation (org_id, received_at) WHERE _deleted = 0;
