-- 0006: field bundles. This device's keys, the team roster, bundles sent and received, and the
-- import history. Private keys live only here, inside the encrypted database.

-- This device's own key pairs (one row). Ed25519 signs bundles; the age X25519 identity opens
-- bundles addressed to this device.
CREATE TABLE device_keys (
    device_id TEXT PRIMARY KEY,
    sign_private BLOB NOT NULL,
    sign_public TEXT NOT NULL,
    age_identity TEXT NOT NULL,
    age_recipient TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Other devices of the team, with the public keys checked by phone at enrolment.
-- scope: JSON list of organisation ids the hub sends to this device; NULL means all.
CREATE TABLE peers (
    device_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('field', 'hub')),
    sign_public TEXT NOT NULL UNIQUE,
    age_recipient TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked_at TEXT,
    scope TEXT
);

-- Every bundle written or imported here. A bundle id is imported at most once; the same id with
-- another hash is refused. ranges: JSON {device_id: [first, last]} of the changes it carries.
CREATE TABLE bundles (
    bundle_id TEXT PRIMARY KEY,
    direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
    sha256 TEXT NOT NULL,
    sender TEXT NOT NULL,
    recipient TEXT NOT NULL,
    ranges TEXT NOT NULL,
    change_count INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    at TEXT NOT NULL
);

-- What a user saw after each import (counts per kind, gaps), newest last.
CREATE TABLE import_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bundle_id TEXT NOT NULL,
    sender TEXT NOT NULL,
    at TEXT NOT NULL,
    summary TEXT NOT NULL
);

-- Per peer: the state vector last sent to it and the one it last announced (its own bundles
-- carry it), with when each was recorded, so the next export carries only what the peer lacks.
CREATE TABLE sync_state (
    peer_id TEXT PRIMARY KEY,
    sent TEXT NOT NULL DEFAULT '{}',
    sent_at TEXT NOT NULL DEFAULT '',
    announced TEXT NOT NULL DEFAULT '{}',
    announced_at TEXT NOT NULL DEFAULT '',
    announced_created TEXT NOT NULL DEFAULT ''
);

-- Merge (sync/merge.py): open conflicts are looked up per record when a later write shows that
-- its writer had seen the losing value; the GUI lists a record's conflicts.
CREATE INDEX conflicts_record ON conflicts (kind, record_id);

-- Merge (sync/merge.py): a scoped change set (the hub sends a field device only its
-- organisations' records) leaves holes in other devices' sequences that will never be filled.
-- through: every change of device_id up to this number that this database should hold is here,
-- as declared by the senders of the scoped change sets; the state vector counts it as held.
CREATE TABLE sync_coverage (
    device_id TEXT PRIMARY KEY,
    through INTEGER NOT NULL
);
