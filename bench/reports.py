"""Document benchmarks: time per page against a plain reportlab document made in the same run.

    python bench/reports.py [--month 2025-11] [--fy 2025] [--runs 3]

1. 月次作業報告書 for a full demo month, all 28 organisations (queries + layout + PDF), and
   its workbook. Goal: under 2 s here.
2. 業務完了報告書 for the demo fiscal year, when that document is registered.
3. Baseline: a plain reportlab document of the same page count (SimpleDocTemplate, one Table of
   short Japanese strings with a repeated header, the same embedded TrueType font), built in the
   same run, its runs alternating with the document's. Goal: time per page of each document
   <= 2x the baseline's.

The demo profile is built once in a temporary folder (a few seconds, not measured).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from dxdesk.paths import ProfilePaths
from dxdesk.reports.base import ReportRequest
from dxdesk.reports.fonts import register_fonts
from dxdesk.reports.registry import load_documents
from dxdesk.services.demo import populate_demo
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.reports import build
from dxdesk.store.keys import KdfParams

CELLS = ["高千穂町", "住民記録システムの移行", "日向灘システムズ", "令和7年11月", "対応中", "12.5"]


def timed(fn: Callable[[], bytes], runs: int) -> tuple[float, bytes]:
    """Median seconds of ``runs`` calls (after one warm-up) and the last result."""
    data = fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        data = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), data


def timed_pair(
    fn: Callable[[], bytes], base: Callable[[], bytes], runs: int
) -> tuple[float, bytes, float, bytes]:
    """Median seconds of ``fn`` and of ``base`` over ``runs`` alternating calls (after one
    warm-up each) and their last results: on a machine shared with other work both sides are
    timed under the same load, so their ratio compares the code, not the moment."""
    data, base_data = fn(), base()
    times: list[float] = []
    base_times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        data = fn()
        times.append(time.perf_counter() - started)
        started = time.perf_counter()
        base_data = base()
        base_times.append(time.perf_counter() - started)
    return statistics.median(times), data, statistics.median(base_times), base_data


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def baseline_pdf(rows: int) -> bytes:
    """The plainest reportlab document: one long table of short strings, header repeated."""
    font = register_fonts().regular
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm)
    data = [["団体", "件名", "ベンダ", "年月", "状態", "時間"]]
    data += [[*CELLS[:5], f"{i * 0.25:.2f}"] for i in range(rows)]
    t = Table(data, repeatRows=1)
    t.setStyle(
        TableStyle([("FONT", (0, 0), (-1, -1), font, 9), ("GRID", (0, 0), (-1, -1), 0.5, "grey")])
    )
    doc.build([t])
    return buf.getvalue()


def baseline_rows_for(target_pages: int) -> int:
    per_page = max(1, pages(baseline_pdf(200)) and 200 // pages(baseline_pdf(200)))
    rows = per_page * target_pages
    while pages(baseline_pdf(rows)) > target_pages:
        rows -= per_page // 4 or 1
    while pages(baseline_pdf(rows)) < target_pages:
        rows += per_page // 4 or 1
    return rows


def demo(root: Path) -> Profile:
    profile, _ = create_profile(
        ProfilePaths(root / "demo"),
        owner_name="宮崎 統括（デモ）",
        device_name="ベンチ",
        role="hub",
        passphrase="dxdesk-bench",
        kdf=KdfParams(iterations=1, memory_kib=8192, lanes=1),
    )
    populate_demo(profile)
    return profile


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--month", default="2025-11")
    parser.add_argument("--fy", type=int, default=2025)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--package-runs", type=int, default=1)
    args = parser.parse_args(argv)
    registry = load_documents()
    with tempfile.TemporaryDirectory(prefix="dxdesk-bench-") as tmp:
        profile = demo(Path(tmp))
        try:
            cases = [("月次作業報告書 PDF", ReportRequest("monthly", month=args.month), "pdf")]
            cases.append(
                ("月次作業報告書 xlsx", ReportRequest("monthly", month=args.month), "xlsx")
            )
            if "completion" in registry:
                cases.append(("業務完了報告書 PDF", ReportRequest("completion", fy=args.fy), "pdf"))
            orgs = profile.database.query("SELECT count(*) AS n FROM organisation")[0]["n"]
            print(f"demo profile: {orgs} organisations; month {args.month}, FY {args.fy}")
            for label, request, fmt in cases:
                if fmt != "pdf":
                    seconds, data = timed(partial(build, profile, request, fmt), args.runs)
                    print(f"{label:20} {seconds:6.2f} s  {len(data) / 1024:.0f} KiB")
                    continue
                rows = baseline_rows_for(pages(build(profile, request, fmt)))
                seconds, data, base_s, base = timed_pair(
                    partial(build, profile, request, fmt), partial(baseline_pdf, rows), args.runs
                )
                n, base_n = pages(data), pages(base)
                ratio = (seconds / n) / (base_s / base_n)
                print(
                    f"{label:20} {seconds:6.2f} s  {n} pages  {seconds / n * 1000:5.1f} ms/page;"
                    f"  baseline {base_s:5.2f} s  {base_n} pages  {base_s / base_n * 1000:5.1f}"
                    f" ms/page ({rows} rows);  ratio x{ratio:.2f}"
                )
            # The same month under a template of the prefecture's choosing (issue 14): 翌月の予定
            # first, two free-text sections, one row per quiet organisation.
            _template(profile, args.month)
            request = ReportRequest("monthly", month=args.month)
            rows = baseline_rows_for(pages(build(profile, request, "pdf")))
            seconds, data, base_s, base = timed_pair(
                partial(build, profile, request, "pdf"), partial(baseline_pdf, rows), args.runs
            )
            n, base_n = pages(data), pages(base)
            print(
                f"{'月次（構成を指定）':17} {seconds:6.2f} s  {n} pages  {seconds / n * 1000:5.1f}"
                f" ms/page;  baseline {base_s / base_n * 1000:5.1f} ms/page;"
                f"  ratio x{(seconds / n) / (base_s / base_n):.2f}"
            )
            # The fiscal-year package (services/package.py): every deliverable, one .zip.
            from dxdesk.services.package import build_package

            times = []
            for i in range(max(1, args.package_runs)):
                start = time.perf_counter()
                made = build_package(profile, args.fy, Path(tmp) / f"成果品{i}.zip")
                times.append(time.perf_counter() - start)
            print(
                f"{'成果品一式 zip':18} {statistics.median(times):6.2f} s  ({len(made.entries)}"
                f" documents, {len(made.files) + 2} files; median of {len(times)})"
            )
        finally:
            profile.close(backup=False)
    return 0


def _template(profile: Profile, month: str) -> None:
    from dxdesk.core.model import QUIET_ORG_MODES
    from dxdesk.services import report_template as rt

    t = rt.current(profile)
    plans = next(r for r in t.sections if r.key == "plans")
    rt.save(profile, [plans, *(r for r in t.sections if r is not plans)], QUIET_ORG_MODES[1])
    rt.add_free_section(profile, "来月の予定")
    rt.add_free_section(profile, "県への相談事項")
    rt.set_note(profile, month, "県への相談事項", "標準準拠システムへの移行経費について。" * 20)


if __name__ == "__main__":
    sys.exit(main())
