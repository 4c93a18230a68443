-- 0001: system tables and one table per record kind.

-- Frozen: never edit a released migration; add a new numbered one.

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE devices (
    device_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    first_seen TEXT NOT NULL
);

-- The change log: every write, one row per operation, in per-device sequence order.
-- Sync ships these rows; (device_id, dev_seq) identifies a change everywhere.
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id TEXT NOT NULL,
    dev_seq INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore')),
    payload TEXT NOT NULL,
    UNIQUE (device_id, dev_seq)
);

CREATE INDEX changes_record ON changes (kind, record_id);

-- Who did what, when: local only, never synced, never holds note text.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    device_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    kind TEXT,
    record_id TEXT,
    fields TEXT
);

-- Values that lost a concurrent edit (filled by sync), reviewable and restorable.
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    losing_value TEXT,
    losing_hlc TEXT NOT NULL,
    losing_device TEXT NOT NULL,
    winning_hlc TEXT NOT NULL,
    winning_device TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_at TEXT
);

CREATE TABLE "organisation" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    code TEXT,
    name TEXT,
    reading TEXT,
    org_kind TEXT,
    gun TEXT,
    area TEXT,
    bansou INTEGER,
    welfare_office INTEGER,
    address TEXT,
    notes TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE "staff" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT,
    role TEXT,
    email TEXT,
    phone TEXT,
    notes TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE "contact" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT,
    name TEXT,
    department TEXT,
    title TEXT,
    phone TEXT,
    email TEXT,
    notes TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "contact_org" ON "contact" (org_id);

CREATE TABLE "vendor" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT,
    reading TEXT,
    products TEXT,
    contact TEXT,
    notes TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE "group" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT,
    group_type TEXT,
    members TEXT,
    description TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE "visit" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    date TEXT,
    start_time TEXT,
    end_time TEXT,
    org_id TEXT,
    mode TEXT,
    purpose TEXT,
    title TEXT,
    place TEXT,
    staff_id TEXT,
    systems TEXT,
    attendees_org TEXT,
    attendees_vendor TEXT,
    attendees_ours TEXT,
    agenda TEXT,
    notes TEXT,
    findings TEXT,
    next_actions TEXT,
    hours REAL,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "visit_org" ON "visit" (org_id);

CREATE INDEX "visit_date" ON "visit" (date);

CREATE TABLE "issue" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT,
    related_orgs TEXT,
    title TEXT,
    system_code TEXT,
    vendor_id TEXT,
    category TEXT,
    priority TEXT,
    status TEXT,
    description TEXT,
    countermeasure TEXT,
    response_status TEXT,
    raised_on TEXT,
    due_date TEXT,
    shared_on TEXT,
    closed_on TEXT,
    visit_id TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "issue_org" ON "issue" (org_id);

CREATE INDEX "issue_date" ON "issue" (raised_on);

CREATE TABLE "consultation" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    received_at TEXT,
    channel TEXT,
    org_id TEXT,
    requester TEXT,
    category TEXT,
    system_code TEXT,
    topic TEXT,
    content TEXT,
    expert_id TEXT,
    response TEXT,
    answered_on TEXT,
    status TEXT,
    closed_on TEXT,
    minutes_spent INTEGER,
    issue_id TEXT,
    remarks TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "consultation_org" ON "consultation" (org_id);

CREATE INDEX "consultation_date" ON "consultation" (received_at);

CREATE TABLE "time" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    date TEXT,
    staff_id TEXT,
    org_id TEXT,
    hours REAL,
    on_site INTEGER,
    activity TEXT,
    visit_id TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "time_org" ON "time" (org_id);

CREATE INDEX "time_date" ON "time" (date);

CREATE TABLE "training" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    training_type TEXT,
    status TEXT,
    date TEXT,
    start_time TEXT,
    end_time TEXT,
    place TEXT,
    audience TEXT,
    org_ids TEXT,
    instructor TEXT,
    aims TEXT,
    programme TEXT,
    planned_participants INTEGER,
    participants INTEGER,
    survey_results TEXT,
    issues_found TEXT,
    proposals TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "training_date" ON "training" (date);

CREATE TABLE "expert" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT,
    affiliation TEXT,
    fields TEXT,
    specialties TEXT,
    qualifications TEXT,
    track_record TEXT,
    contact TEXT,
    available INTEGER,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE "goal" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    fy INTEGER,
    title TEXT,
    category TEXT,
    description TEXT,
    target_value REAL,
    unit TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE "goal_progress" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    goal_id TEXT,
    month TEXT,
    value REAL,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "goal_progress_date" ON "goal_progress" (month);

CREATE TABLE "meeting" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    meeting_type TEXT,
    date TEXT,
    start_time TEXT,
    end_time TEXT,
    place TEXT,
    format TEXT,
    org_id TEXT,
    attendees_org TEXT,
    attendees_pref TEXT,
    attendees_ours TEXT,
    agenda TEXT,
    minutes TEXT,
    decisions TEXT,
    action_items TEXT,
    next_meeting TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "meeting_org" ON "meeting" (org_id);

CREATE INDEX "meeting_date" ON "meeting" (date);

CREATE TABLE "system_status" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT,
    system_code TEXT,
    vendor_id TEXT,
    package_name TEXT,
    cloud TEXT,
    planned_go_live TEXT,
    live INTEGER,
    special_support INTEGER,
    special_reason TEXT,
    special_target TEXT,
    running_cost TEXT,
    notes TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "system_status_org" ON "system_status" (org_id);

CREATE TABLE "step_status" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT,
    system_code TEXT,
    step_no INTEGER,
    status TEXT,
    updated_on TEXT,
    note TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "step_status_org" ON "step_status" (org_id);

CREATE TABLE "engagement" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT,
    fy INTEGER,
    staff_id TEXT,
    start_date TEXT,
    end_date TEXT,
    target_days INTEGER,
    theme TEXT,
    notes TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "engagement_org" ON "engagement" (org_id);

CREATE TABLE "case_study" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT,
    engagement_id TEXT,
    title TEXT,
    status TEXT,
    background TEXT,
    approach TEXT,
    results TEXT,
    lessons TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "case_study_org" ON "case_study" (org_id);

CREATE TABLE "closed_day" (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    date TEXT,
    reason TEXT,
    _deleted INTEGER NOT NULL DEFAULT 0,
    _created_at TEXT NOT NULL,
    _updated_at TEXT NOT NULL,
    _hlc TEXT NOT NULL,
    _device TEXT NOT NULL,
    _clocks TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX "closed_day_date" ON "closed_day" (date);
