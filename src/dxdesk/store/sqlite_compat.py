"""Make a sqlcipher3 connection raise the standard library's sqlite3 exceptions.

sqlite-utils catches ``sqlite3.OperationalError`` and friends from the stdlib module; sqlcipher3
raises its own, unrelated classes, so ``alter=True``, ``drop(ignore=True)`` and the feature
probes misbehave on an encrypted connection. Wrapping the connection here, in one place, turns
every sqlcipher3 error into the stdlib class of the same name (the original is chained as
``__cause__`` and the SQLite error code is kept), so sqlite-utils and our own code see one family.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import sqlcipher3

from dxdesk.errors import UserError

_R = TypeVar("_R")

_MAP: tuple[tuple[type[BaseException], type[sqlite3.Error]], ...] = (
    # Most specific first: sqlcipher3 mirrors the DB-API hierarchy.
    (sqlcipher3.dbapi2.IntegrityError, sqlite3.IntegrityError),
    (sqlcipher3.dbapi2.OperationalError, sqlite3.OperationalError),
    (sqlcipher3.dbapi2.ProgrammingError, sqlite3.ProgrammingError),
    (sqlcipher3.dbapi2.NotSupportedError, sqlite3.NotSupportedError),
    (sqlcipher3.dbapi2.DataError, sqlite3.DataError),
    (sqlcipher3.dbapi2.InternalError, sqlite3.InternalError),
    (sqlcipher3.dbapi2.InterfaceError, sqlite3.InterfaceError),
    (sqlcipher3.dbapi2.DatabaseError, sqlite3.DatabaseError),
    (sqlcipher3.dbapi2.Error, sqlite3.Error),
)


def translate(exc: BaseException) -> BaseException:
    for source, target in _MAP:
        if isinstance(exc, source):
            new = target(*exc.args)
            for attr in ("sqlite_errorcode", "sqlite_errorname"):
                if hasattr(exc, attr):
                    setattr(new, attr, getattr(exc, attr))
            return new
    return exc


def _call(fn: Callable[..., _R], *args: Any, **kwargs: Any) -> _R:
    try:
        return fn(*args, **kwargs)
    except sqlcipher3.dbapi2.Error as exc:
        raise translate(exc) from exc
    except UnicodeEncodeError:
        # A parameter with a lone surrogate (bytes that were not UTF-8, from a command line or
        # a file): refused like any bad input. Values for records are refused earlier, by the
        # model, with the field named; this is the backstop for ids and search terms.
        raise UserError("unreadable_text") from None


class CursorProxy:
    """A cursor whose errors (including those raised while fetching) are translated."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    def execute(self, sql: str, parameters: Any = ()) -> CursorProxy:
        _call(self._cursor.execute, sql, parameters)
        return self

    def executemany(self, sql: str, seq: Iterable[Any]) -> CursorProxy:
        _call(self._cursor.executemany, sql, seq)
        return self

    def executescript(self, sql: str) -> CursorProxy:
        _call(self._cursor.executescript, sql)
        return self

    def fetchone(self) -> Any:
        return _call(self._cursor.fetchone)

    def fetchmany(self, size: int | None = None) -> list[Any]:
        if size is None:
            return list(_call(self._cursor.fetchmany))
        return list(_call(self._cursor.fetchmany, size))

    def fetchall(self) -> list[Any]:
        return list(_call(self._cursor.fetchall))

    def __iter__(self) -> Iterator[Any]:
        while True:
            row = _call(self._cursor.fetchone)
            if row is None:
                return
            yield row

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


class ConnectionProxy:
    """Delegates to a sqlcipher3 connection, translating its exceptions."""

    def __init__(self, conn: Any) -> None:
        object.__setattr__(self, "_conn", conn)

    @property
    def raw(self) -> Any:
        """The underlying sqlcipher3 connection (for the backup API)."""
        return self._conn

    def execute(self, sql: str, parameters: Any = ()) -> CursorProxy:
        return CursorProxy(_call(self._conn.execute, sql, parameters))

    def executemany(self, sql: str, seq: Iterable[Any]) -> CursorProxy:
        return CursorProxy(_call(self._conn.executemany, sql, seq))

    def executescript(self, sql: str) -> CursorProxy:
        return CursorProxy(_call(self._conn.executescript, sql))

    def cursor(self) -> CursorProxy:
        return CursorProxy(_call(self._conn.cursor))

    def commit(self) -> None:
        _call(self._conn.commit)

    def rollback(self) -> None:
        _call(self._conn.rollback)

    def close(self) -> None:
        _call(self._conn.close)

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._conn, name)
        if callable(attr):

            def wrapped(*args: Any, **kwargs: Any) -> Any:
                return _call(attr, *args, **kwargs)

            return wrapped
        return attr

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._conn, name, value)
