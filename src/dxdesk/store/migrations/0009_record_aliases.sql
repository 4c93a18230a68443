-- 0009: records whose identity is their content (store/naturalkeys.py).
-- A keyed kind's record has the id derived from its key. Records of those kinds made before
-- keys existed had random ids; the data step after this migration (store/naturalkeys.py fold)
-- merges every group that shares a key into the record with the derived id, and lists the older
-- ids here, so that a change to one of them still arriving from a laptop not yet updated is
-- merged into the keyed record (sync/merge.py).
CREATE TABLE record_aliases (
    kind TEXT NOT NULL,
    alias_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (kind, alias_id)
) WITHOUT ROWID;

CREATE INDEX record_aliases_record ON record_aliases (kind, record_id);
