"""Render every registered document from a demo profile into docs/samples/ (PDF, xlsx and PNG).

    python scripts/samples.py [--profile DIR] [--out docs/samples] [--pages 2]

Builds a demo profile in a temporary folder with `dxdesk demo` unless --profile names one
(passphrase dxdesk-demo). The PNGs (pdftoppm -r 60, first pages) are committed so that the
documents can be looked at without running anything; the PDFs and workbooks are not (.gitignore).
The recovery-key sheet is printed for a throwaway profile made here, whose key is known.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dxdesk.paths import ProfilePaths
from dxdesk.reports.base import ReportRequest
from dxdesk.services.calendar import monthly_report_due
from dxdesk.services.profile import Credentials, Profile, create_profile, open_profile
from dxdesk.services.reports import generate, list_kinds
from dxdesk.store.keys import KdfParams

DEMO_PASSPHRASE = "dxdesk-demo"  # noqa: S105 - the fictional demo profile's documented passphrase
MONTH = "2025-11"
FY = 2025
ORG = "高千穂町"


def _one(profile: Profile, sql: str) -> str:
    rows = profile.database.query(sql)
    if not rows:
        raise SystemExit(f"the demo profile has no row for: {sql}")
    return str(rows[0]["id"])


# Parameters for each document, from the demo profile; a kind not listed gets fy (and month).
REQUESTS: dict[str, Callable[[Profile], dict[str, object]]] = {
    "hearing-sheet": lambda p: {"org_id": ORG},
    "hearing-record": lambda p: {
        "visit_id": _one(
            p,
            "SELECT v.id FROM visit v JOIN organisation o ON o.id = v.org_id"
            f" WHERE v._deleted = 0 AND o.name = '{ORG}' AND v.purpose = 'ヒアリング'"
            " AND v.findings IS NOT NULL ORDER BY v.date DESC LIMIT 1",
        )
    },
    # Dated as submitted on its due date (the 10th, or the open day the rule gives), not the
    # day the samples are rendered: a November report dated a year later reads wrong.
    "monthly": lambda p: {"month": MONTH, "issued": monthly_report_due(p, MONTH).due},
    "consultations": lambda p: {"month": MONTH},
    "experts": lambda p: {"fy": FY},
    "plan": lambda p: {"fy": FY},
    "structure": lambda p: {"fy": FY},
    "security": lambda p: {"fy": FY},
    "minutes": lambda p: {
        "meeting_id": _one(
            p,
            "SELECT id FROM meeting WHERE _deleted = 0 AND meeting_type = '月次報告会'"
            f" AND date LIKE '{MONTH[:4]}-12%' ORDER BY date LIMIT 1",
        )
    },
    "training-plan": lambda p: {
        "training_id": _one(
            p, "SELECT id FROM training WHERE _deleted = 0 AND date LIKE '2025-11%' LIMIT 1"
        )
    },
    "training-result": lambda p: {
        "training_id": _one(
            p, "SELECT id FROM training WHERE _deleted = 0 AND date LIKE '2025-11%' LIMIT 1"
        )
    },
    "completion": lambda p: {"fy": FY},
    "case-study": lambda p: {
        "engagement_id": _one(
            p, "SELECT id FROM engagement WHERE _deleted = 0 ORDER BY rid LIMIT 1"
        )
    },
}


def make_demo(root: Path) -> ProfilePaths:
    paths = ProfilePaths(root / "demo")
    dxdesk = Path(sys.executable).with_name("dxdesk")
    cmd = [str(dxdesk)] if dxdesk.exists() else [sys.executable, "-m", "dxdesk"]
    subprocess.run([*cmd, "--profile", str(paths.root), "demo"], check=True, capture_output=True)
    return paths


def render_png(pdf: Path, out_dir: Path, pages: int) -> list[Path]:
    prefix = out_dir / pdf.stem
    for old in out_dir.glob(f"{pdf.stem}-*.png"):
        old.unlink()
    pdftoppm = shutil.which("pdftoppm") or "pdftoppm"
    subprocess.run(
        [pdftoppm, "-r", "60", "-png", "-f", "1", "-l", str(pages), str(pdf), str(prefix)],
        check=True,
    )
    return sorted(out_dir.glob(f"{pdf.stem}-*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", type=Path, help="an existing demo profile")
    parser.add_argument("--out", type=Path, default=Path("docs/samples"))
    parser.add_argument("--pages", type=int, default=2, help="pages rendered to PNG per document")
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is needed for the PNGs", file=sys.stderr)
        return 1
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dxdesk-samples-") as tmp:
        paths = ProfilePaths(args.profile) if args.profile else make_demo(Path(tmp))
        profile = open_profile(paths, Credentials(passphrase=DEMO_PASSPHRASE, use_keyring=False))
        throwaway, recovery = create_profile(
            ProfilePaths(Path(tmp) / "回復キー見本"),
            owner_name="宮崎 統括（デモ）",
            device_name="デモ端末",
            role="field",
            passphrase=DEMO_PASSPHRASE,
            kdf=KdfParams(iterations=1, memory_kib=8192, lanes=1),
        )
        try:
            for kind in list_kinds():
                target = throwaway if kind.name == "recovery-kit" else profile
                if kind.name == "recovery-kit":
                    params: dict[str, object] = {"recovery_key": recovery}
                elif kind.name in REQUESTS:
                    params = REQUESTS[kind.name](profile)
                else:
                    params = {"fy": FY, "month": MONTH}
                request = ReportRequest(kind.name, **params)  # type: ignore[arg-type]
                for fmt in kind.formats:
                    started = time.perf_counter()
                    path = generate(target, request, out / f"{kind.name}.{fmt}")
                    took = time.perf_counter() - started
                    pngs = render_png(path, out, args.pages) if fmt == "pdf" else []
                    print(
                        f"{kind.name:16} {fmt:4} {took:6.2f} s  {', '.join(p.name for p in pngs)}"
                    )
        finally:
            throwaway.close(backup=False)
            profile.close(backup=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
