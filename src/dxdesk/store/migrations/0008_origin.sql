-- 0008: changes authenticated by the device that made them (sync/origin.py, store/chain.py).

-- The hash chain value of each held change: SHA-256(previous value + SHA-256(its line)).
-- NULL for changes logged before this migration until the backfill right after it computes
-- them (store/migrations/__init__.py POST_STEPS), and for changes held past a hole in their log.
ALTER TABLE changes ADD COLUMN chain BLOB;

-- The newest signed head held for every change log: "log `log_id` of device `device_id` has
-- `seq` changes whose chain value is `chain`", signed by that device's key. A log's device is
-- pinned by the first head seen for it; a head naming another device for it is refused.
-- Own logs are listed here too (device_id = this device), signed at each export.
CREATE TABLE log_heads (
    log_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    chain BLOB NOT NULL,
    signature BLOB,
    at TEXT NOT NULL
);

-- Two histories under one change log (a profile folder copied to a second laptop and used on
-- both): the changes that disagree with the history held here are kept aside, never merged and
-- never dropped, until a person adopts them (services/sync.py adopt_fork) or dismisses them.
CREATE TABLE forks (
    id TEXT PRIMARY KEY,
    log_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    bundle_id TEXT,
    resolved_at TEXT,
    resolution TEXT
);

CREATE TABLE fork_changes (
    fork_id TEXT NOT NULL REFERENCES forks (id),
    dev_seq INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op TEXT NOT NULL,
    payload TEXT NOT NULL,
    chain BLOB,
    PRIMARY KEY (fork_id, dev_seq, hlc, record_id)
);

-- Hub-set policies a field device follows (escrow key, roster) are applied only when newer by
-- the hub's clock than the one held, never by order of delivery: meta keys sync_escrow_at and
-- sync_roster_at hold the hub HLC of the policy in force.
