"""Opening the encrypted SQLCipher 4 database and keeping its schema current.

The key is a raw 32-byte key (``PRAGMA key = "x'..'"``): no PBKDF2 per open, the slow KDF lives
in the key slots. SQLCipher 4 defaults are kept (no plaintext header), so the file stays readable
by any SQLCipher 4 implementation given the raw key. The connection holds an exclusive lock for
its whole life, so a second dxdesk on the same profile fails fast with a clear message, and WAL
with exclusive locking needs no shared-memory file on disk.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from dxdesk import __version__
from dxdesk.errors import UserError
from dxdesk.store import sqlfunctions
from dxdesk.store.migrations import all_migrations, head_version
from dxdesk.store.sqlite_compat import ConnectionProxy

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger("dxdesk.store")

MIN_SQLCIPHER_MAJOR = 4
CACHE_KIB = 65_536


# The meta key holding the version of dxdesk that last moved the schema forward (migrate).
SCHEMA_APP_VERSION = "schema_app_version"


def too_new(conn: ConnectionProxy, found: int) -> UserError:
    """The refusal of a database whose schema is newer than this code's, naming the version of
    dxdesk that wrote it when the database says (read only: nothing is written to it)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (SCHEMA_APP_VERSION,)).fetchone()
    except sqlite3.Error:
        row = None
    needed = str(row[0]) if row and row[0] else ""
    # This very version cannot be the one needed: a note that says so is not to be believed.
    if needed and needed != __version__ and len(needed) <= 40 and needed.isprintable():
        return UserError(
            "schema_needs_version",
            needed=needed,
            found=found,
            current=__version__,
            supported=head_version(),
        )
    return UserError("schema_too_new", found=found, supported=head_version())


def sqlcipher_version(conn: ConnectionProxy) -> str:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    return str(row[0]) if row else ""


# The cipher settings a document may state as proof of encryption at rest (情報漏洩等への対策に
# 関する文書): read from the open database, not assumed.
_CIPHER_FACTS = (
    "cipher_version",
    "cipher_page_size",
    "cipher_hmac_algorithm",
    "cipher_use_hmac",
    "cipher_provider",
    "cipher_provider_version",
)


def cipher_settings(conn: ConnectionProxy) -> dict[str, str]:
    """SQLCipher's own report of how this database is encrypted (no key material)."""
    out: dict[str, str] = {}
    for name in _CIPHER_FACTS:
        row = conn.execute(f"PRAGMA {name}").fetchone()
        out[name] = str(row[0]) if row else ""
    return out


def key_pragma(key: bytes) -> str:
    # PRAGMA cannot take bound parameters; the hex literal stays in this process's memory only.
    return f"PRAGMA key = \"x'{key.hex()}'\""


def map_sqlite_error(exc: sqlite3.Error, path: Path) -> UserError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return UserError("database_locked")
    if "disk is full" in text or "database or disk is full" in text:
        return UserError("disk_full")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return UserError("database_corrupt", detail=type(exc).__name__)
    if "unable to open" in text or "readonly" in text:
        return UserError("io_error", path=str(path))
    return UserError("database_corrupt", detail=type(exc).__name__)


def _keyed(path: Path, key: bytes) -> ConnectionProxy:
    """A connection with the key applied and SQLCipher's logging off; nothing read yet."""
    try:
        # check_same_thread off: the GUI opens a profile on a worker thread (the key derivation
        # takes a second) and hands it to the GUI thread, which alone uses it afterwards.
        raw = sqlcipher3.connect(
            str(path), isolation_level=None, timeout=1.5, check_same_thread=False
        )
    except sqlcipher3.dbapi2.Error:
        raise UserError("io_error", path=str(path)) from None
    # Before anything runs: the full-text triggers call dx_fold on every record written.
    sqlfunctions.register(raw)
    conn = ConnectionProxy(raw)
    try:
        # Silence SQLCipher's own logging before anything can go wrong (it writes to stderr).
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(key))
    except sqlite3.Error as exc:
        conn.close()
        raise map_sqlite_error(exc, path) from None
    return conn


def connect(
    path: Path, key: bytes, *, exclusive: bool = True, configure: bool = True
) -> ConnectionProxy:
    """Open and key a connection; raise UserError if the key does not fit or it is in use.

    ``configure=False`` leaves the file's journal mode alone (for checking backups).
    """
    conn = _keyed(path, key)
    try:
        version = sqlcipher_version(conn)
        if int(version.split(".")[0] or 0) < MIN_SQLCIPHER_MAJOR:
            raise UserError("sqlcipher_too_old", found=version)
        if exclusive:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
        # Decrypted pages stay in SQLite's cache (64 MiB): a page read again from the OS cache
        # would otherwise be decrypted and HMAC-checked again.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if configure:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = OFF")  # sync may apply changes in any order
        if exclusive:
            # Take the write lock now, not at the first write, so a second opener fails at once.
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.close()
        raise map_sqlite_error(exc, path) from None
    except UserError:
        conn.close()
        raise
    return conn


# SQLite pages are at least 512 bytes and SQLCipher 4's are 4096: a file whose size is not a
# whole number of pages (or is empty) is cut short, and SQLite would treat an empty one as a
# new database and build a fresh schema in it.
MIN_PAGE = 512
_PAGE_RE = re.compile(r"(?i)page (\d+)")


def check_database_file(path: Path) -> None:
    """Refuse an empty or truncated database file before SQLite opens (and changes) it."""
    try:
        size = Path(path).stat().st_size
    except FileNotFoundError:
        raise UserError("database_missing", path=str(path)) from None
    except OSError as exc:
        raise UserError("io_error", path=str(path)) from exc
    if size == 0 or size % MIN_PAGE:
        raise UserError("database_truncated", path=str(path), size=f"{size:,}")


@dataclass(frozen=True)
class DamageReport:
    problems: list[str]  # SQLCipher's and SQLite's own lines, in their words (for the log)
    damaged_pages: list[int]
    readable: list[str]  # tables read in full
    unreadable: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unreadable


def page_check(path: Path, key: bytes) -> tuple[str, DamageReport]:
    """SQLCipher's page HMAC check alone, for a file whose schema cannot be read (``connect``
    refused it): it reads pages without parsing them, so it still names the damaged ones.

    Returns the SQLCipher version and a report in which no table counts as readable.
    """
    conn = _keyed(path, key)
    try:
        version = sqlcipher_version(conn)
        lines = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    except sqlite3.Error as exc:
        raise map_sqlite_error(exc, path) from None
    finally:
        conn.close()
    pages = sorted({int(n) for line in lines for n in _PAGE_RE.findall(line)})
    problems = [*lines, "sqlite_master: the schema cannot be read"]
    return version, DamageReport(problems, pages, [], ["sqlite_master"])


class Database:
    """One open, keyed, migrated database connection."""

    def __init__(self, conn: ConnectionProxy, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over this connection, imported on first use: the import (with click and
        pluggy) is a tenth of a second of the window's cold start (bench/gui.py)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)  # type: ignore[arg-type]
        return self._db

    @classmethod
    def open(cls, path: Path, key: bytes, *, create: bool = False) -> Database:
        path = Path(path)
        if not create:
            check_database_file(path)
        conn = connect(path, key)
        database = cls(conn, path)
        try:
            database.migrate()
        except BaseException:
            conn.close()
            raise
        return database

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------ schema

    @property
    def schema_version(self) -> int:
        row = self.conn.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def migrate(self, target: int | None = None) -> list[int]:
        """Apply pending migrations (each in one transaction). Returns versions applied."""
        current = self.schema_version
        head = head_version()
        if current > head:
            raise too_new(self.conn, current)
        target = head if target is None else target
        if target <= current:
            # Up to date (every start): no need to read and split every migration's SQL.
            return []
        applied = []
        for migration in all_migrations():
            if current < migration.version <= target:
                with self.transaction():
                    for statement in migration.statements:
                        self.conn.execute(statement)
                    self._post_migration(migration.version)
                    self.conn.execute(f"PRAGMA user_version = {migration.version}")
                applied.append(migration.version)
                log.info("applied migration %04d_%s", migration.version, migration.name)
        if applied:
            # Which dxdesk this schema needs: an older one names it when it refuses the file.
            with self.transaction():
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    (SCHEMA_APP_VERSION, __version__),
                )
        return applied

    def _post_migration(self, version: int) -> None:
        """Data steps SQL cannot do, in the migration's own transaction."""
        if version == 8:
            # Chain values of the changes logged before chains existed (SHA-256 is not SQL).
            from dxdesk.store import chain

            chain.fill(self.conn)
        elif version == 9:
            # Records that share a natural key, made before keys existed, become one.
            from dxdesk.store import naturalkeys

            folded = naturalkeys.fold(self.conn)
            if folded:
                log.info("natural keys: folded %s", folded)
        elif version == 11:
            # Seeded rows at genesis: the edits held win over any seed create.
            from dxdesk.store import seeds

            repaired = seeds.repair(self.conn)
            if repaired:
                log.info("seeded rows recomputed from their edits: %d", repaired)

    # ------------------------------------------------------------ transactions

    @contextmanager
    def transaction(self) -> Iterator[ConnectionProxy]:
        """BEGIN IMMEDIATE ... COMMIT; nested calls become savepoints."""
        conn = self.conn
        if conn.in_transaction:
            name = f"sp_{id(conn)}_{conn.total_changes}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield conn
            except BaseException:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise map_sqlite_error(exc, self.path) from None
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise map_sqlite_error(exc, self.path) from None

    # ------------------------------------------------------------ checks

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity_check plus SQLCipher's page HMAC check; empty when healthy."""
        problems: list[str] = []
        rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        problems += [str(r[0]) for r in rows if str(r[0]) != "ok"]
        rows = self.conn.execute("PRAGMA cipher_integrity_check").fetchall()
        problems += [str(r[0]) for r in rows]
        return problems

    def damage_report(self) -> DamageReport:
        """Everything ``verify`` reports, collected without stopping at the first damaged page.

        A page whose HMAC fails makes SQLite raise (SQLITE_CORRUPT) from whatever reads it, the
        checks themselves included: each check and each table is read on its own, so one bad
        page costs that table only, and the report says which tables can still be read.
        """
        problems: list[str] = []
        pages: set[int] = set()
        try:
            for row in self.conn.execute("PRAGMA cipher_integrity_check").fetchall():
                text = str(row[0])
                problems.append(text)
                pages.update(int(n) for n in _PAGE_RE.findall(text))
        except sqlite3.Error as exc:
            problems.append(f"cipher_integrity_check: {exc}")
        try:
            rows = self.conn.execute("PRAGMA integrity_check").fetchall()
            problems += [str(r[0]) for r in rows if str(r[0]) != "ok"]
        except sqlite3.Error as exc:
            problems.append(f"integrity_check: {exc}")
        readable: list[str] = []
        unreadable: list[str] = []
        try:
            tables = [
                str(r[0])
                for r in self.conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
                ).fetchall()
            ]
        except sqlite3.Error:
            tables, unreadable = [], ["sqlite_master"]
        for name in tables:
            try:
                for _row in self.conn.execute(f'SELECT * FROM "{name}"'):
                    pass
            except sqlite3.Error:
                unreadable.append(name)
            else:
                readable.append(name)
        return DamageReport(problems, sorted(pages), readable, unreadable)

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        """Rows as dicts. As sqlite-utils' ``query`` does, the statement runs in a savepoint: one
        that returns no rows is undone and refused with ValueError; duplicate column names get
        ``_2``, ``_3`` ... (done here so opening the window need not import sqlite-utils)."""
        conn = self.conn
        conn.execute('SAVEPOINT "dxdesk_query"')
        try:
            cursor = conn.execute(sql, params)
            if cursor.description is None:
                raise ValueError("query() can only be used with SQL that returns rows")
            keys = _dedupe([str(d[0]) for d in cursor.description])
            rows = [dict(zip(keys, row, strict=True)) for row in cursor]
        except BaseException:
            if conn.in_transaction:
                conn.execute('ROLLBACK TO "dxdesk_query"')
                conn.execute('RELEASE "dxdesk_query"')
            raise
        conn.execute('RELEASE "dxdesk_query"')
        return rows


def _dedupe(keys: list[str]) -> list[str]:
    taken = set(keys)
    if len(taken) == len(keys):
        return keys
    seen: set[str] = set()
    out = []
    for key in keys:
        new = key
        suffix = 2
        while new in seen or (new != key and new in taken):
            new = f"{key}_{suffix}"
            suffix += 1
        seen.add(new)
        out.append(new)
    return out
