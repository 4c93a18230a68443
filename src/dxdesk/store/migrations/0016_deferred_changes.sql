-- 0013: what a newer version wrote that this one does not know yet (sync/foreign.py).
-- Written by hand: bookkeeping for sync, not a kind of record.
--
-- A change carrying fields or kinds of a newer version is stored in `changes` like any other,
-- exactly as signed (so it is relayed unchanged), and its known part is merged. Each such change
-- is listed here with the field names it held that were unknown on arrival (JSON list; NULL: its
-- kind was unknown, the whole change is kept). The values stay in `changes.payload`, the one
-- signed copy. After an update that knows them, sync/deferred.py merges the listed changes and
-- takes them off the list.
CREATE TABLE deferred_changes (
    device_id TEXT NOT NULL,
    dev_seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    fields TEXT,
    PRIMARY KEY (device_id, dev_seq)
) WITHOUT ROWID;

CREATE INDEX deferred_changes_kind ON deferred_changes (kind, fields);

-- The scope rule of each kind this version does not know, as the first bundle that carried it
-- declared it (manifest `kinds`): the field naming a record's organisation, or the field naming
-- its parent and the parent's kind (a child follows its parent); neither: reference data.
CREATE TABLE foreign_kinds (
    kind TEXT PRIMARY KEY,
    org_field TEXT,
    parent TEXT,
    parent_kind TEXT,
    declared_at TEXT NOT NULL
) WITHOUT ROWID;
