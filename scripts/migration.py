"""Write the next numbered migration from the model: `python scripts/migration.py NAME`.

The statements come from dxdesk.store.schema.plan: what a database at the head of today's
migrations lacks to hold the model (new kinds, new fields, their indexes and full-text
indexes). The file is then frozen like every migration: commit it, never edit it after a
release. With --check, prints what is pending and exits 1 if anything is.
"""

from __future__ import annotations

import argparse
import re
import secrets
import sys
import tempfile
from pathlib import Path

from dxdesk.store import schema
from dxdesk.store.database import Database
from dxdesk.store.migrations import head_version

MIGRATIONS = Path(__file__).resolve().parent.parent / "src" / "dxdesk" / "store" / "migrations"


def pending() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "head.db", secrets.token_bytes(32), create=True)
        try:
            return schema.plan(db.conn)
        finally:
            db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", nargs="?", help="what the migration does, in snake_case")
    parser.add_argument("--check", action="store_true", help="only report pending statements")
    args = parser.parse_args()
    statements = pending()
    if args.check or not args.name:
        print("\n".join(statements) if statements else "the head schema holds the model")
        return 1 if statements else 0
    if not re.fullmatch(r"[a-z][a-z0-9_]{2,40}", args.name):
        parser.error("NAME: lower case letters, digits and _ (e.g. memberships)")
    if not statements:
        print("nothing to write: the head schema holds the model")
        return 0
    version = head_version() + 1
    path = MIGRATIONS / f"{version:04d}_{args.name}.sql"
    header = (
        f"-- {version:04d}: generated from the model by scripts/migration.py"
        " (dxdesk.store.schema.plan).\n"
        "-- Frozen once released: a later model change gets a new migration, never an edit.\n\n"
    )
    path.write_text(header + "\n\n".join(statements) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(MIGRATIONS.parent.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
