"""Profiles: create, unlock, change keys, back up and restore. The composition root.

``Profile`` is the one object the CLI and GUI hold while a profile is open: paths, settings,
the open database, the record store and the device identity. No globals.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
import secrets
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from dxdesk.core.calendar import DATE_STYLES, monthly_report_rules
from dxdesk.core.clock import JST, now_jst, stamp
from dxdesk.core.ids import new_id
from dxdesk.core.model import kind, validate
from dxdesk.errors import UserError
from dxdesk.fsutil import copy_private, fsync_dir, io_error, private_dir, tighten
from dxdesk.paths import ProfilePaths
from dxdesk.settings import Settings
from dxdesk.store import keyring_store, memberships, seeds
from dxdesk.store.backup import (
    AUTO_PREFIX,
    check_backup,
    keys_path_for,
    prune_backups,
    prune_to_space,
    write_backup,
)
from dxdesk.store.database import (
    DamageReport,
    Database,
    check_database_file,
    connect,
    map_sqlite_error,
    page_check,
    sqlcipher_version,
    too_new,
)
from dxdesk.store.keys import (
    KdfParams,
    KeyFile,
    check_new_passphrase,
    keyring_slot,
    new_keyfile,
    new_recovery_key,
    passphrase_slot,
    recovery_slot,
    tune,
)
from dxdesk.store.migrations import head_version
from dxdesk.store.records import RecordStore, log_device_id, start_new_log
from dxdesk.sync import deferred
from dxdesk.sync.changes import MODEL, Model

log = logging.getLogger("dxdesk.services")

ROLES = ("field", "hub")
PENDING_SUFFIX = ".pending"
PRE_IMPORT_PREFIX = "pre-import-"  # snapshots before a bundle is applied (services/sync.py)
MANUAL_PREFIX = "manual-"  # made by the user (File menu, `dxdesk backup`): never pruned
PRE_RESTORE_PREFIX = "pre-restore-"  # the database a restore replaced: never pruned
# What each file in backups/ is, by the prefix it was named with (the restore dialog's 種類).
BACKUP_KINDS = (
    (AUTO_PREFIX, "auto"),
    (MANUAL_PREFIX, "manual"),
    (PRE_IMPORT_PREFIX, "pre_import"),
    (PRE_RESTORE_PREFIX, "pre_restore"),
)


@dataclass
class Credentials:
    """How to unlock: a passphrase, a recovery key, or the OS keyring (tried when allowed)."""

    passphrase: str | None = None
    recovery_key: str | None = None
    use_keyring: bool = True


@dataclass
class Profile:
    paths: ProfilePaths
    settings: Settings
    keyfile: KeyFile
    database: Database
    records: RecordStore
    meta: dict[str, str]
    _key: bytes = field(repr=False)
    closed: bool = False
    # The connection's change count when the last automatic backup was taken (or at open):
    # more since then means there is something a backup would keep.
    _backed_up: int = 0
    # What went wrong after the work itself was committed (an automatic backup that failed):
    # the CLI prints each as a warning and exits "done with warnings", the window shows it.
    warnings: list[UserError] = field(default_factory=list)
    # The kinds this version knows: what sync merges, and what it keeps for a newer version
    # (the running model; a test opens a profile with a newer one, as an update would).
    model: Model = MODEL

    @property
    def device_id(self) -> str:
        """Who this device is for sync: its keys, its roster entry, the sender of its bundles."""
        return self.meta["device_id"]

    @property
    def log_device_id(self) -> str:
        """The id this database's new changes are logged under (a new one after a restore)."""
        return log_device_id(self.meta)

    @property
    def role(self) -> str:
        return self.meta["role"]

    @property
    def changed(self) -> bool:
        """Whether anything was written since the last automatic backup (or since opening)."""
        return int(self.database.conn.total_changes) != self._backed_up

    def backup_due(self) -> bool:
        """At most one automatic backup per ``backup_interval_minutes`` of changes.

        A full copy costs time in proportion to the profile (seconds for a big one), so it is
        not taken after every command; the newest ``auto-`` file says when the last one was.
        """
        folder = self.paths.backups
        newest = max((p.stat().st_mtime for p in folder.glob(f"{AUTO_PREFIX}*.db")), default=None)
        if newest is None:
            return True
        return time.time() - newest >= self.settings.backup_interval_minutes * 60

    def auto_backup(self, *, force: bool = False) -> Path | None:
        """Take an automatic backup when there are changes and one is due (``force``: when the
        window closes, whatever the interval); prune to the count and space bounds.

        Returns the new file, or None when none was needed. Raises UserError when it fails:
        the changes themselves are committed already, so callers report a warning, not a
        failure.
        """
        if self.settings.backups_kept <= 0 or not self.changed:
            return None
        if self.database.conn.in_transaction or not (force or self.backup_due()):
            return None
        changes = int(self.database.conn.total_changes)
        name = f"{AUTO_PREFIX}{now_jst():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}.db"
        path = write_backup(self.database, self._key, self.keyfile, self.paths.backups / name)
        self._backed_up = changes
        try:
            prune_backups(self.paths.backups, self.settings.backups_kept)
            prune_to_space(
                self.paths.backups,
                self.settings.backup_space_mb * 1_000_000,
                (AUTO_PREFIX, PRE_IMPORT_PREFIX),
            )
        except OSError as exc:
            raise io_error(exc, self.paths.backups) from exc
        return path

    def try_auto_backup(self, *, force: bool = False) -> UserError | None:
        """``auto_backup`` for callers whose work is done: a failure becomes a warning (kept in
        ``warnings`` and returned), never an exception that would read as "not saved"."""
        try:
            self.auto_backup(force=force)
        except UserError as err:
            log.warning("automatic backup failed (%s)", err.code)
            warning = UserError("backup_failed", detail=_clause(err))
            self.warnings.append(warning)
            return warning
        return None

    def close(self, *, backup: bool = True) -> None:
        """Close the database; first take an automatic backup if one is due (see auto_backup).

        A failing backup does not raise: it is added to ``warnings`` for the caller to show.
        """
        if self.closed:
            return
        try:
            if backup:
                self.try_auto_backup()
        finally:
            self.database.close()
            self.closed = True

    def __enter__(self) -> Profile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(backup=exc[0] is None)

    # ---------------------------------------------------------------- settings

    def update_settings(self, **changes: Any) -> Settings:
        """Check, save and apply preference changes; a bad value changes nothing."""
        current = self.settings
        new = replace(current, **changes)
        problems = settings_problems(new)
        if problems:
            raise UserError("bad_argument", detail=" ".join(problems))
        new.save(self.paths.settings)
        self.settings = new
        self.audit("settings")
        return new

    # ---------------------------------------------------------------- key management

    def _save_keyfile(self, keyfile: KeyFile) -> None:
        sealed = keyfile.sealed(self._key)
        sealed.save(self.paths.keys)
        self.keyfile = sealed

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        """Rewrap only the passphrase slot; the database itself is untouched."""
        check_new_passphrase(new_passphrase)
        params = kdf or tune()
        slot = passphrase_slot(self._key, self.keyfile.db_id, new_passphrase, params)
        self._save_keyfile(self.keyfile.with_slot(slot))
        self.audit("passwd")

    def confirm_passphrase(self, passphrase: str) -> None:
        """Prove the passphrase again while the profile stays open (the lock screen).

        Checked against the key-slot file held in memory since unlocking, never the one on
        disk: whoever can write the profile folder could put a key file of their own there.
        The slot must yield exactly the open database's key (compared in constant time), so
        a forged slot that opens some other key proves nothing. Raises ``wrong_passphrase``.
        """
        key = self.keyfile.open_with_passphrase(passphrase)
        if key is None or not hmac.compare_digest(key, self._key):
            raise UserError("wrong_passphrase")

    def remember_in_keyring(self) -> None:
        kek = keyring_store.store_kek(self.keyfile.db_id)
        self._save_keyfile(self.keyfile.with_slot(keyring_slot(self._key, self.keyfile.db_id, kek)))
        self.audit("keyring_remember")

    def forget_keyring(self) -> None:
        keyring_store.delete_kek(self.keyfile.db_id)
        if self.keyfile.has("keyring"):
            self._save_keyfile(self.keyfile.without("keyring"))
        self.audit("keyring_forget")

    def new_recovery_key(self) -> str:
        recovery = new_recovery_key()
        self._save_keyfile(
            self.keyfile.with_slot(recovery_slot(self._key, self.keyfile.db_id, recovery))
        )
        self.audit("recovery_key_replaced")
        return recovery

    def rekey(self, passphrase: str, kdf: KdfParams | None = None) -> str:
        """Re-encrypt the database under a new random key; returns the new recovery key.

        The new key file is written first under a pending name; unlock finishes or discards
        it, so a crash at any point leaves a profile that opens with the passphrase.
        """
        check_new_passphrase(passphrase)
        new_key = secrets.token_bytes(32)
        recovery = new_recovery_key()
        db_id = self.keyfile.db_id
        keyfile = new_keyfile(new_key, db_id, passphrase, recovery, kdf or tune())
        if self.keyfile.has("keyring"):
            with contextlib.suppress(UserError):
                kek = keyring_store.store_kek(db_id)
                keyfile = keyfile.with_slot(keyring_slot(new_key, db_id, kek)).sealed(new_key)
        pending = self.paths.keys.with_name(self.paths.keys.name + PENDING_SUFFIX)
        keyfile.save(pending)
        self.database.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        os.replace(pending, self.paths.keys)
        fsync_dir(self.paths.root)
        self._key = new_key
        self.keyfile = keyfile
        self.audit("rekey")
        return recovery

    # ---------------------------------------------------------------- misc

    def audit(self, action: str) -> None:
        with self.database.transaction() as conn:
            conn.execute(
                "INSERT INTO audit_log (at, device_id, actor, action) VALUES (?, ?, ?, ?)",
                (stamp(), self.device_id, self.meta.get("owner_name", ""), action),
            )

    def backup(self, dest: Path, progress: Callable[[int, int, str], bool] | None = None) -> Path:
        """A manual backup (``progress``: store/backup.py write_backup's, stoppable)."""
        path = write_backup(self.database, self._key, self.keyfile, dest, progress)
        self.audit("backup")
        return path

    def manual_backup_path(self) -> Path:
        """Where a manual backup goes when the user names no file (CLI and File menu alike)."""
        return self.paths.backups / f"{MANUAL_PREFIX}{now_jst():%Y%m%d-%H%M%S}.db"

    def raw_key_hex(self) -> str:
        """The raw SQLCipher key, for the data owner's escape hatch (never logged)."""
        return self._key.hex()

    def info(self) -> dict[str, Any]:
        counts = {k.name: self.records.count(k) for k in _counted_kinds()}
        # Newest by time, not by name: auto-, manual- and pre-restore- copies sort apart by name.
        last_backup = (
            sorted(self.paths.backups.glob("*.db"), key=lambda p: p.stat().st_mtime_ns)[-1:]
            if self.paths.backups.exists()
            else []
        )
        return {
            "profile": str(self.paths.root),
            "owner": self.meta.get("owner_name", ""),
            "device": self.meta.get("device_name", ""),
            "device_id": self.device_id,
            "log_device_id": self.log_device_id,
            "role": self.role,
            "db_id": self.keyfile.db_id,
            "schema_version": self.database.schema_version,
            "sqlcipher": sqlcipher_version(self.database.conn),
            "slots": [s.type for s in self.keyfile.slots],
            "size_bytes": self.paths.database.stat().st_size,
            "last_backup": str(last_backup[0]) if last_backup else "",
            "counts": counts,
        }


def _clause(err: UserError) -> str:
    """A message as a clause inside another sentence (no final 。)."""
    if err.code == "disk_full":
        return "ディスクの空き容量が不足しています"
    return err.message.rstrip("。")


def _counted_kinds() -> tuple[Any, ...]:
    from dxdesk.core.model import KINDS

    return KINDS


# -------------------------------------------------------------------- creation


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise UserError(
            "bad_argument", detail=f"役割は {' / '.join(ROLES)} のいずれかを指定してください。"
        )


def create_profile(
    paths: ProfilePaths,
    *,
    owner_name: str,
    device_name: str,
    role: str,
    passphrase: str,
    kdf: KdfParams | None = None,
) -> tuple[Profile, str]:
    """Create a new profile; returns it open, with the recovery key to show once."""
    _check_role(role)
    if not owner_name.strip() or not device_name.strip():
        raise UserError("bad_argument", detail="氏名と端末名を入力してください。")
    check_new_passphrase(passphrase)
    if paths.exists():
        raise UserError("profile_exists", path=str(paths.root))
    try:
        private_dir(paths.root)  # Windows: the user profile folder's ACL already applies
    except OSError as exc:
        raise io_error(exc, paths.root) from exc
    params = kdf or tune()
    key = secrets.token_bytes(32)
    db_id = str(uuid.uuid4())
    recovery = new_recovery_key()
    keyfile = new_keyfile(key, db_id, passphrase, recovery, params)
    device_id = new_id()
    # Build the database under a temporary name and rename it into place, key file last:
    # a crash leaves either nothing or a whole profile.
    tmp = paths.root / f".init-{secrets.token_hex(6)}.db"
    try:
        database = Database.open(tmp, key, create=True)
        try:
            meta = {
                "db_id": db_id,
                "device_id": device_id,
                "device_name": device_name.strip(),
                "owner_name": owner_name.strip(),
                "role": role,
                "created_at": stamp(),
            }
            store = RecordStore(database, device_id, owner_name.strip())
            with database.transaction() as conn:
                conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
                conn.execute(
                    "INSERT INTO devices (device_id, name, role, first_seen) VALUES (?, ?, ?, ?)",
                    (device_id, device_name.strip(), role, stamp()),
                )
                seeds.insert(conn)  # at genesis, not logged: any real edit beats them
                staff = kind("staff")
                values = validate(
                    staff,
                    {
                        "name": owner_name.strip(),
                        "role": "統括責任者" if role == "hub" else "伴走支援",
                    },
                )
                staff_id = store.insert(staff, values).record_id
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('owner_staff_id', ?)", (staff_id,)
                )
        finally:
            database.close()
        if os.name == "posix":
            tmp.chmod(0o600)
        os.replace(tmp, paths.database)
        keyfile.save(paths.keys)
        fsync_dir(paths.root)
    except OSError as exc:
        raise io_error(exc, paths.root) from exc
    finally:
        for leftover in (
            tmp,
            tmp.with_name(tmp.name + "-wal"),
            tmp.with_name(tmp.name + "-journal"),
        ):
            with contextlib.suppress(OSError):
                leftover.unlink()
    Settings().save(paths.settings)
    log.info("profile created (role %s)", role)
    profile = open_profile(paths, Credentials(passphrase=passphrase, use_keyring=False))
    return profile, recovery


# -------------------------------------------------------------------- unlocking


def _unwrap(keyfile: KeyFile, creds: Credentials) -> bytes:
    if creds.recovery_key is not None:
        key = keyfile.open_with_recovery(creds.recovery_key)
        if key is None:
            raise UserError("wrong_recovery_key")
        return key
    if creds.passphrase is not None:
        key = keyfile.open_with_passphrase(creds.passphrase)
        if key is None:
            raise UserError("wrong_passphrase")
        return key
    if creds.use_keyring and keyfile.has("keyring"):
        kek = keyring_store.load_kek(keyfile.db_id)
        key = keyfile.open_with_kek(kek) if kek else None
        if key is not None:
            return key
        raise UserError("keyring_not_remembered")
    raise UserError("passphrase_required")


def can_open_with_keyring(paths: ProfilePaths) -> bool:
    try:
        keyfile = KeyFile.load(paths.keys)
    except UserError:
        return False
    if not keyfile.has("keyring"):
        return False
    kek = keyring_store.load_kek(keyfile.db_id)
    return kek is not None and keyfile.open_with_kek(kek) is not None


def unlock_key(paths: ProfilePaths, creds: Credentials) -> tuple[KeyFile, bytes]:
    """Find the database key without touching the database (no byte of the profile changes)."""
    if not paths.exists():
        raise UserError("profile_missing", path=str(paths.root))
    if not paths.database.exists():
        raise UserError("database_missing", path=str(paths.database))
    keyfile = KeyFile.load(paths.keys)
    key = _unwrap(keyfile, creds)
    keyfile.verify(key, paths.keys)
    return keyfile, key


def open_profile(paths: ProfilePaths, creds: Credentials, *, model: Model = MODEL) -> Profile:
    """Unlock and open a profile: its migrations run, then what a newer version sent that this
    one now knows is merged (sync/deferred.py). ``model``: the kinds this version knows."""
    pending = paths.keys.with_name(paths.keys.name + PENDING_SUFFIX)
    keyfile, key = unlock_key(paths, creds)
    try:
        database = Database.open(paths.database, key)
    except UserError as err:
        if err.code != "database_corrupt" or not pending.exists():
            raise
        # A rekey was interrupted after the database changed key: finish it.
        pending_keyfile = KeyFile.load(pending)
        key = _unwrap(pending_keyfile, creds)
        pending_keyfile.verify(key, pending)
        database = Database.open(paths.database, key)
        os.replace(pending, paths.keys)
        keyfile = pending_keyfile
    else:
        if pending.exists():  # the rekey never reached the database: discard it
            pending.unlink()
    settings = Settings.load(paths.settings)
    try:
        meta = {
            str(r["key"]): str(r["value"]) for r in database.query("SELECT key, value FROM meta")
        }
        records = RecordStore(database, log_device_id(meta), meta.get("owner_name", ""))
    except (sqlite3.Error, KeyError):
        database.close()
        raise UserError("database_corrupt", detail="meta") from None
    profile = Profile(paths, settings, keyfile, database, records, meta, _key=key, model=model)
    with database.transaction():
        # Values a newer version sent, kept while unknown, merged now that their kinds or
        # fields are known (after an update's migrations); one read of an empty table otherwise.
        # Should that fail, the profile still opens: the values stay kept for the next open.
        try:
            with database.transaction():
                deferred.apply_deferred(database, model=model)
        except (sqlite3.Error, UserError, ValueError) as exc:
            log.warning("kept changes not merged at open (%s)", type(exc).__name__)
        # Relations older versions kept as lists become membership records
        # (store/memberships.py): once per schema version; imports reconcile what they bring.
        made = memberships.reconcile_after_migration(records)
    if made:
        log.info("memberships made from older lists: %s", made)
    profile._backed_up = int(database.conn.total_changes)
    tighten(paths.root)
    return profile


# -------------------------------------------------------------------- verify


@dataclass(frozen=True)
class Verified:
    """What ``dxdesk verify`` reports: the versions, the damage found, the counts still read."""

    sqlcipher: str
    schema_version: int | None  # None when the first page cannot be read
    head_version: int
    report: DamageReport
    counts: dict[str, int]  # per kind whose table could be read


def verify_profile(paths: ProfilePaths, creds: Credentials) -> Verified:
    """Check every page and table of the database without changing it.

    Opened at the level of the store only (no migration, no meta, no backup), so damage
    anywhere is reported (with the tables still readable) instead of stopping the open; when
    even the schema cannot be read, SQLCipher's page check still names the damaged pages.
    """
    _keyfile, key = unlock_key(paths, creds)
    check_database_file(paths.database)
    pending = paths.keys.with_name(paths.keys.name + PENDING_SUFFIX)
    if pending.exists():
        # An interrupted rekey may have reached the database: then the pending key opens it
        # (the next unlock finishes the rekey; verify changes nothing).
        with contextlib.suppress(UserError):
            pending_keyfile = KeyFile.load(pending)
            pending_key = _unwrap(pending_keyfile, creds)
            pending_keyfile.verify(pending_key, pending)
            connect(paths.database, pending_key, configure=False).close()
            key = pending_key
    try:
        conn = connect(paths.database, key, configure=False)
    except UserError as err:
        if err.code != "database_corrupt":
            raise
        # The schema itself is damaged: the page check still says where.
        version, report = page_check(paths.database, key)
        if not report.damaged_pages:  # every page sound: then it is not damage we can name
            raise
        return Verified(version, None, head_version(), report, {})
    try:
        database = Database(conn, paths.database)
        if database.schema_version > head_version():  # its tables are not ours to judge
            raise too_new(conn, database.schema_version)
        report = database.damage_report()
        counts: dict[str, int] = {}
        for k in _counted_kinds():
            if k.name in report.readable:
                with contextlib.suppress(sqlite3.Error):
                    row = conn.execute(f'SELECT count(*) FROM "{k.name}" WHERE _deleted = 0')
                    counts[k.name] = int(row.fetchone()[0])
        return Verified(
            sqlcipher_version(conn), database.schema_version, head_version(), report, counts
        )
    except sqlite3.Error as exc:
        raise map_sqlite_error(exc, paths.database) from None
    finally:
        conn.close()


# -------------------------------------------------------------------- settings

IDLE_LOCK_RANGE = (1, 240)  # minutes; a field laptop always locks itself
BACKUPS_KEPT_RANGE = (1, 100)
BACKUP_INTERVAL_RANGE = (1, 1440)  # minutes: from every change to once a day
BACKUP_SPACE_RANGE = (100, 1_000_000)  # MB
LANGUAGES = {"ja": "日本語", "en": "English"}
# The 要注意 thresholds (services/attention.py): from a month to two years without a step
# change; a drop of 完了率 from a tenth of a point (one step of a town is 0.14) to 20 points;
# from a week to a year without a visit.
STALLED_MONTHS_RANGE = (1, 24)
RATE_DROP_RANGE = (0.1, 20.0)
NO_VISIT_WEEKS_RANGE = (1, 52)


def settings_problems(settings: Settings) -> list[str]:
    """One Japanese sentence per value out of range; empty when all are acceptable."""
    problems = []
    low, high = IDLE_LOCK_RANGE
    if not low <= settings.idle_lock_minutes <= high:
        problems.append(f"自動ロックまでの時間は{low}分から{high}分の間で指定してください。")
    low, high = BACKUPS_KEPT_RANGE
    if not low <= settings.backups_kept <= high:
        problems.append(f"自動バックアップの保存数は{low}から{high}の間で指定してください。")
    low, high = BACKUP_INTERVAL_RANGE
    if not low <= settings.backup_interval_minutes <= high:
        problems.append(f"自動バックアップの間隔は{low}分から{high}分の間で指定してください。")
    low, high = BACKUP_SPACE_RANGE
    if not low <= settings.backup_space_mb <= high:
        problems.append(
            f"自動バックアップに使う容量の上限は{low:,} MB から{high:,} MB の間で指定してください。"
        )
    low, high = STALLED_MONTHS_RANGE
    if not low <= settings.attention_stalled_months <= high:
        problems.append(
            f"要注意の「ステップの停滞」とみなす期間は{low}か月から{high}か月の間で指定してください。"
        )
    low_p, high_p = RATE_DROP_RANGE
    if not low_p <= settings.attention_rate_drop_points <= high_p:
        problems.append(
            f"要注意の「完了率の低下」とみなす幅は{low_p}ポイントから{high_p}ポイントの間で"
            "指定してください。"
        )
    low, high = NO_VISIT_WEEKS_RANGE
    if not low <= settings.attention_no_visit_weeks <= high:
        problems.append(
            f"要注意の「訪問・ヒアリングなし」とみなす期間は{low}週間から{high}週間の間で"
            "指定してください。"
        )
    if settings.language not in LANGUAGES:
        problems.append("表示言語は日本語（ja）または英語（en）から選んでください。")
    if settings.date_style not in DATE_STYLES:
        problems.append("日付の表示形式は和暦（wareki）または西暦（iso）から選んでください。")
    if settings.monthly_report_rule not in monthly_report_rules():
        problems.append("月次報告書の期限の扱いが正しくありません。")
    return problems


# -------------------------------------------------------------------- restore


@dataclass(frozen=True)
class BackupFile:
    """One file of the profile's backups/ folder, as the restore dialog lists it."""

    path: Path
    kind: str  # auto | manual | pre_import | pre_restore | other (BACKUP_KINDS)
    taken: datetime  # when the file was last written (its mtime), local wall-clock
    size: int  # bytes


def list_backups(paths: ProfilePaths) -> list[BackupFile]:
    """The backups kept in the profile's folder, newest first (key files and leftovers of an
    interrupted copy are not backups and are not listed)."""
    found: list[BackupFile] = []
    try:
        candidates = list(paths.backups.glob("*.db"))
    except OSError:
        return []
    for path in candidates:
        try:
            found.append(describe_backup(path))
        except OSError:
            continue  # pruned meanwhile
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def describe_backup(path: Path) -> BackupFile:
    """A file as a backup: its kind by the prefix it was named with, its time and size
    (raises OSError when it cannot be read)."""
    info = path.stat()
    kind = next((k for prefix, k in BACKUP_KINDS if path.name.startswith(prefix)), "other")
    taken = datetime.fromtimestamp(info.st_mtime, tz=JST).replace(tzinfo=None)
    return BackupFile(path, kind, taken, info.st_size)


def check_restore(paths: ProfilePaths, backup: Path, creds: Credentials) -> None:
    """What ``restore_backup`` checks before it touches anything (the passphrase, the file,
    its key and schema), without the live database: the window asks this while the profile
    is still open, so that a wrong passphrase or a bad file never closes it."""
    _checked_backup(paths, Path(backup), creds)


def _checked_backup(
    paths: ProfilePaths, backup: Path, creds: Credentials
) -> tuple[KeyFile, bytes, bytes]:
    """The profile's key file and key, and the key that opens ``backup`` (verified)."""
    if not backup.is_file():
        raise UserError("backup_invalid", path=str(backup), detail="ファイルがありません")
    keyfile, key = unlock_key(paths, creds)
    backup_key = key
    try:
        version = check_backup(backup, key)
    except UserError:
        # Taken before a rekey: its own key file opens it with the passphrase of that day.
        side = keys_path_for(backup)
        if not side.exists():
            raise
        old = KeyFile.load(side)
        if old.db_id != keyfile.db_id:
            # Another profile's backup (rekey keeps the db id): never swap whole databases.
            raise UserError(
                "backup_invalid", path=str(backup), detail="別のプロファイルのバックアップです"
            ) from None
        backup_key = _unwrap(old, creds)
        old.verify(backup_key, side)
        version = check_backup(backup, backup_key)
    if version > head_version():
        raise UserError("schema_too_new", found=version, supported=head_version())
    return keyfile, key, backup_key


def restore_backup(paths: ProfilePaths, backup: Path, creds: Credentials) -> Path:
    """Replace the profile's database by a verified backup; the replaced one is kept.

    Returns where the previous database was moved (under backups/).
    """
    backup = Path(backup)
    keyfile, key, backup_key = _checked_backup(paths, backup, creds)
    # Refuse while another dxdesk holds the profile (and never touch it then). An empty or
    # truncated database is never open anywhere (opening refuses it), and probing it would
    # write a header into it: the copy kept below must be the file as it was.
    try:
        check_database_file(paths.database)
        probe = connect(paths.database, key)
        probe.close()
    except UserError as err:
        if err.code == "database_locked":
            raise
    staging = paths.root / f".restore-{secrets.token_hex(6)}.db"
    # A random suffix like the automatic backups: two restores in one second keep two copies.
    kept = (
        paths.backups / f"{PRE_RESTORE_PREFIX}{now_jst():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}.db"
    )
    try:
        copy_private(backup, staging)
        if backup_key != key:
            conn = connect(staging, backup_key, exclusive=True, configure=False)
            try:
                conn.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"")
            finally:
                conn.close()
        _new_change_log(staging, key)
        check_backup(staging, key)
        private_dir(paths.backups)
        copy_private(paths.database, kept)
        keyfile.save(keys_path_for(kept))
        wal = paths.database.with_name(paths.database.name + "-wal")
        if (
            wal.exists()
        ):  # only after a crash: keep it with the copy, never apply it to the new file
            os.replace(wal, kept.with_name(kept.name + "-wal"))
        os.replace(staging, paths.database)
        fsync_dir(paths.root)
    except OSError as exc:
        raise io_error(exc, paths.database) from exc
    finally:
        with contextlib.suppress(OSError):
            staging.unlink()
    log.info("database restored from a backup")
    return kept


def _new_change_log(path: Path, key: bytes) -> None:
    """Give a restored database a new change-log id (before it replaces the live one).

    The backup's log ends where the backup was taken, but this device may have logged and sent
    more changes after that: numbering new ones from the backup's end would reuse numbers the
    hub already holds with other content, and it would refuse them. So new changes go under a
    fresh id; the device id, keys and roster entry stay, so no re-enrolment is needed.
    """
    conn = connect(path, key, exclusive=True, configure=False)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            log_id = start_new_log(conn)
            # Listed beside the device itself, so its own history names this log after it.
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            conn.execute(
                "INSERT OR IGNORE INTO devices (device_id, name, role, first_seen)"
                " VALUES (?, ?, ?, ?)",
                (log_id, meta.get("device_name", ""), meta.get("role", "field"), stamp()),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        detail = map_sqlite_error(exc, path).message
        raise UserError("backup_invalid", path=str(path), detail=detail) from None
    finally:
        conn.close()
