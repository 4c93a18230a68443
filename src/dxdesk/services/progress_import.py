"""Progress from spreadsheets: the national step-progress workbooks and a team's own sheet.

Two layouts are read. *Long*, as the national PMO's workbooks are laid out: one row per
organisation x business system, one column per procedure step, the status words as values.
*Wide*, a team's own sheet: one row per organisation, one column per business system, the
furthest step reached as the value (``14`` or ``⑤-2``), meaning every step up to it 完了済み.

Nothing is guessed. The header row and each column's meaning are proposed (``guess``) and the
person may change them (the window's column-mapping dialog); a row whose organisation, system,
vendor or status word is not recognised exactly is listed with the reason and left out. The
preview (``Plan``) is exactly what ``apply`` writes: one transaction through the change log
(``RecordService.put``, the natural keys), nothing at all before the user confirms.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dxdesk.core import progress as rules
from dxdesk.core import reference
from dxdesk.core.model import Record, Value, kind, validate
from dxdesk.errors import UserError
from dxdesk.services.progress import ProgressService, is_shown
from dxdesk.services.records import Change

LONG, WIDE = "long", "wide"
ORG, SYSTEM, VENDOR, STEP, SYSTEM_COLUMN, IGNORE = (
    "org",
    "system",
    "vendor",
    "step",
    "system_column",
    "ignore",
)

# Status words as the national workbooks and teams write them, folded (NFKC, no spaces).
STATUS_WORDS: dict[str, str] = {
    "完了済み": rules.DONE,
    "完了済": rules.DONE,
    "完了": rules.DONE,
    "済": rules.DONE,
    "済み": rules.DONE,
    "作業中": rules.WORKING,
    "対応中": rules.WORKING,
    "実施中": rules.WORKING,
    "未着手": rules.NOT_STARTED,
    "未実施": rules.NOT_STARTED,
    "対象外": rules.NOT_APPLICABLE,
    "該当なし": rules.NOT_APPLICABLE,
}


def fold(value: object) -> str:
    """A cell as text for matching: NFKC (full-width digits and letters), no spaces at all."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "".join(unicodedata.normalize("NFKC", str(value)).split())


def vendor_key(name: str) -> str:
    """A vendor's name for matching: 株式会社 and (株) (㈱, （株）) are one, as are 有限会社."""
    text = fold(name)
    for short, long in (("(株)", "株式会社"), ("(有)", "有限会社"), ("(同)", "合同会社")):
        text = text.replace(short, long)
    return text.casefold()


# ---------------------------------------------------------------- reading the file


@dataclass(frozen=True)
class SheetData:
    name: str
    rows: list[list[str]]  # every cell as text as written (stripped), merged cells filled
    sheets: tuple[str, ...] = ()  # every sheet of the workbook (one for a CSV)


def _decode(raw: bytes) -> str:
    """UTF-8 with or without its byte-order mark, else Shift_JIS (CP932, Excel's in Japan)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp932")
    except UnicodeDecodeError:
        raise UserError("progress_import_encoding") from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def read_sheet(path: str | Path, sheet: str | None = None) -> SheetData:
    """The rows of a .xlsx sheet (the first by default) or of a .csv file."""
    p = Path(path)
    if p.suffix.lower() not in (".csv", ".xlsx", ".xlsm"):
        raise UserError("progress_import_format", path=str(p))
    try:
        raw = p.read_bytes()
    except OSError as exc:
        from dxdesk.fsutil import io_error

        raise io_error(exc, p) from None
    if p.suffix.lower() == ".csv":
        rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(_decode(raw)))]
        return SheetData(p.stem, rows, (p.stem,))
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(raw), data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise UserError("progress_import_unreadable", path=str(p)) from None
    names = tuple(wb.sheetnames)
    if sheet is not None and sheet not in names:
        raise UserError("progress_import_sheet", sheet=sheet, sheets="、".join(names))
    ws = wb[sheet] if sheet is not None else wb.worksheets[0]
    rows = [[_text(v) for v in r] for r in ws.iter_rows(values_only=True)]
    # A merged cell holds its value in its top-left cell only: every cell of it says it (a
    # header "手順書ステップ" over forty columns, an organisation over its twenty rows).
    for merged in ws.merged_cells.ranges:
        top = rows[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                rows[r][c] = top
    return SheetData(ws.title, rows, names)


# ---------------------------------------------------------------- columns and the header


@dataclass(frozen=True)
class Column:
    role: str  # ORG / SYSTEM / VENDOR / STEP / SYSTEM_COLUMN / IGNORE
    step: int | None = None  # STEP: its number
    system: str | None = None  # SYSTEM_COLUMN: its business system's code

    def label(self) -> str:
        if self.role == STEP:
            return f"ステップ{self.step}（{rules.step_label(self.step)}）"
        if self.role == SYSTEM_COLUMN and self.system:
            s = reference.system_by_code(self.system)
            return f"業務：{s.name if s else self.system}"
        return ROLE_LABELS[self.role]


ROLE_LABELS = {
    ORG: "団体（コードまたは名称）",
    SYSTEM: "業務システム",
    VENDOR: "ベンダ",
    STEP: "ステップ",
    SYSTEM_COLUMN: "業務",
    IGNORE: "取り込まない",
}

_ORG_HEADS = (
    "団体コード",
    "全国地方公共団体コード",
    "地方公共団体コード",
    "団体名",
    "団体",
    "自治体名",
    "市町村名",
    "自治体",
)
_SYSTEM_HEADS = ("業務システム", "業務名", "業務", "システム", "対象業務", "標準化対象業務")
_VENDOR_HEADS = ("ベンダ", "ベンダー", "ベンダ名", "ベンダー名", "事業者", "事業者名")
_STEP_HEAD = re.compile(r"(?:ステップ|step|手順|No\.?)?(\d{1,2})", re.IGNORECASE)


def column_of(head: str) -> Column:
    """What a header cell most likely means; IGNORE when nothing fits (never a guess)."""
    h = fold(head)
    if not h:
        return Column(IGNORE)
    if h in (fold(x) for x in _ORG_HEADS):
        return Column(ORG)
    if h in (fold(x) for x in _VENDOR_HEADS):
        return Column(VENDOR)
    if h in (fold(x) for x in _SYSTEM_HEADS):
        return Column(SYSTEM)
    for s in reference.procedure_steps():
        if h == fold(s.item) or h.startswith(fold(s.item) + ":") or h == fold(s.name):
            return Column(STEP, step=s.no)
    m = _STEP_HEAD.fullmatch(h)
    if m and 1 <= int(m.group(1)) <= rules.rules().steps:
        return Column(STEP, step=int(m.group(1)))
    system = reference.system_by_code(h)
    if system is not None and not h.isdigit():
        return Column(SYSTEM_COLUMN, system=system.code)
    # "01 住民記録" as the exported matrix heads its columns
    parts = unicodedata.normalize("NFKC", head).split()
    if len(parts) == 2 and parts[0].isdigit() and reference.system_by_code(parts[0]):
        return Column(SYSTEM_COLUMN, system=parts[0])
    return Column(IGNORE)


def guess(rows: Sequence[Sequence[str]]) -> tuple[int, list[Column]]:
    """The header row (0-based: the one among the first ten whose cells mean the most) and
    each column's proposed meaning. The person checks and corrects both before anything."""
    best, best_score = 0, -1
    for i, row in enumerate(rows[:10]):
        cols = [column_of(c) for c in row]
        score = sum(c.role != IGNORE for c in cols) + 5 * any(c.role == ORG for c in cols)
        if score > best_score:
            best, best_score = i, score
    header = rows[best] if rows else []
    return best, [column_of(c) for c in header]


def layout_of(columns: Sequence[Column]) -> str:
    return WIDE if any(c.role == SYSTEM_COLUMN for c in columns) else LONG


# ---------------------------------------------------------------- the plan


@dataclass(frozen=True)
class StepChange:
    org_id: str
    org_name: str
    system_code: str
    step_no: int
    before: str
    after: str


@dataclass(frozen=True)
class VendorChange:
    org_id: str
    org_name: str
    system_code: str
    before: str
    after: str
    vendor_id: str


@dataclass(frozen=True)
class Rejected:
    row: int  # the row's number in the sheet, as Excel shows it (1-based)
    reason: str
    text: str  # the row's first cells, to find it


@dataclass
class Plan:
    """Exactly what an import would write, and the rows it leaves out with the reason."""

    sheet: str
    layout: str
    steps: list[StepChange] = field(default_factory=list)
    vendors: list[VendorChange] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    rows_read: int = 0
    cells: int = 0  # organisation x system cells matched

    @property
    def empty(self) -> bool:
        return not self.steps and not self.vendors


class _Orgs:
    """Organisations by 全国地方公共団体コード (6 digits with the check digit, or 5 without)
    and by name (width, spaces and ケ/ヶ folded): a match must be exact and unique."""

    def __init__(self, orgs: Sequence[Any]) -> None:
        self.by_code: dict[str, Any] = {}
        self.by_name: dict[str, list[Any]] = {}
        for o in orgs:
            self.by_code[fold(o.code)] = o
            if o.code.isdigit() and len(o.code) == 6:
                self.by_code.setdefault(o.code[:5], o)
            self.by_name.setdefault(reference.normalize_org_name(o.name), []).append(o)

    def find(self, text: str) -> tuple[Any | None, str]:
        t = fold(text)
        if not t:
            return None, "団体が空欄です"
        if t in self.by_code:  # a prefecture division's own code (450006-13) too
            return self.by_code[t], ""
        if t.isdigit():
            if len(t) in (5, 6) and t in self.by_code:
                return self.by_code[t], ""
            if len(t) == 6 and t[:5] in self.by_code:
                # Five digits name the organisation, the sixth (the check digit) does not
                # agree: a typing mistake in either, which only a person can tell.
                return None, f"団体コード「{text}」の検査数字が一致しません"
            return None, f"団体コード「{text}」に該当する団体がありません"
        found = self.by_name.get(reference.normalize_org_name(text), [])
        if len(found) == 1:
            return found[0], ""
        if found:
            return None, f"団体名「{text}」に該当する団体が複数あります"
        return None, f"団体名「{text}」に該当する団体がありません"


def _system(text: str) -> str | None:
    t = fold(text)
    s = reference.system_by_code(t) if t else None
    return s.code if s else None


def _furthest(text: str) -> int | None:
    """A wide sheet's value: ``14``, ``ステップ14`` or ``⑤-2`` (the furthest step reached)."""
    t = fold(text)
    for s in reference.procedure_steps():
        if t == fold(s.item):
            return s.no
    m = re.fullmatch(r"(?:ステップ)?(\d{1,2})", t)
    if m and 0 <= int(m.group(1)) <= rules.rules().steps:
        return int(m.group(1))
    return None


class ProgressImport:
    """Preview and apply an import through the progress services (the change log)."""

    def __init__(self, service: ProgressService) -> None:
        self.service = service

    def preview(self, data: SheetData, header: int, columns: Sequence[Column]) -> Plan:
        m = self.service.matrix()
        layout = layout_of(columns)
        plan = Plan(data.name, layout)
        orgs = _Orgs(m.orgs)
        vendors: dict[str, tuple[str, str]] = {}
        names: dict[str, str] = {}
        for r in self.service.db.query("SELECT id, name FROM vendor WHERE _deleted = 0"):
            vendors.setdefault(vendor_key(str(r["name"])), (str(r["id"]), str(r["name"])))
            names[str(r["id"])] = str(r["name"])
        # Code and name may both be given: either names the organisation, both must agree.
        org_cols = [i for i, c in enumerate(columns) if c.role == ORG]
        sys_col = next((i for i, c in enumerate(columns) if c.role == SYSTEM), None)
        vendor_col = next((i for i, c in enumerate(columns) if c.role == VENDOR), None)
        if not org_cols or (layout == LONG and sys_col is None):
            raise UserError("progress_import_columns")
        seen: dict[tuple[str, str], int] = {}
        for index in range(header + 1, len(data.rows)):
            row = data.rows[index]
            cells = [row[i] if i < len(row) else "" for i in range(len(columns))]
            if not any(fold(c) for c in cells):
                continue  # a blank line between blocks
            plan.rows_read += 1
            where = index + 1
            shown = " ".join(c for c in cells[:4] if c)

            def reject(reason: str, where: int = where, shown: str = shown) -> None:
                plan.rejected.append(Rejected(where, reason, shown))

            given = [cells[i] for i in org_cols if fold(cells[i])]
            found = [orgs.find(g) for g in given] or [(None, "団体が空欄です")]
            org = found[0][0]
            if org is None or any(o is None for o, _ in found):
                reject(next(w for o, w in found if o is None))
                continue
            if any(o is not None and o.id != org.id for o, _ in found):
                reject(f"団体コードと団体名が一致しません（{'・'.join(given)}）")
                continue
            targets: list[tuple[str, dict[int, str]]] = []
            if layout == LONG:
                assert sys_col is not None
                code = _system(cells[sys_col])
                if code is None:
                    reject(f"業務システム「{cells[sys_col]}」が見つかりません")
                    continue
                wanted: dict[int, str] = {}
                bad = ""
                for i, c in enumerate(columns):
                    if c.role != STEP or c.step is None or not fold(cells[i]):
                        continue  # a blank step: left as it is
                    status = STATUS_WORDS.get(fold(cells[i]))
                    if status is None:
                        bad = f"ステップ{c.step}の状態「{cells[i]}」を読み取れません"
                        break
                    wanted[c.step] = status
                if bad:
                    reject(bad)
                    continue
                targets.append((code, wanted))
            else:
                bad = ""
                for i, c in enumerate(columns):
                    if c.role != SYSTEM_COLUMN or c.system is None or not fold(cells[i]):
                        continue
                    n = _furthest(cells[i])
                    if n is None:
                        bad = f"{c.label()}の到達ステップ「{cells[i]}」を読み取れません"
                        break
                    targets.append((c.system, dict.fromkeys(range(1, n + 1), rules.DONE)))
                if bad:
                    reject(bad)
                    continue
            for code, wanted in targets:
                if (org.id, code) in seen:
                    reject(f"{org.name}の同じ業務の行が{seen[(org.id, code)]}行目にもあります")
                    continue
                seen[(org.id, code)] = where
                cell = m.cell(org.id, code)
                if not cell.applies or not is_shown(org, cell):
                    reject(f"{org.name}では{reference.system_by_code(code).name}は対象外です")  # type: ignore[union-attr]
                    continue
                vendor: tuple[str, str] | None = None
                if vendor_col is not None and layout == LONG and fold(cells[vendor_col]):
                    vendor = vendors.get(vendor_key(cells[vendor_col]))
                    if vendor is None:
                        reject(f"ベンダ「{cells[vendor_col]}」が登録されていません")
                        continue
                plan.cells += 1
                held = {s.no: s.status for s in cell.steps}
                for no, status in sorted(wanted.items()):
                    if layout == WIDE and held[no] == rules.NOT_APPLICABLE:
                        continue  # 対象外 counts as reached
                    if held[no] != status:
                        plan.steps.append(StepChange(org.id, org.name, code, no, held[no], status))
                now = str((cell.status_row or {}).get("vendor_id") or "")
                if vendor is not None and now != vendor[0]:
                    plan.vendors.append(
                        VendorChange(
                            org.id, org.name, code, names.get(now, ""), vendor[1], vendor[0]
                        )
                    )
        return plan

    def apply(
        self, plan: Plan, on: date | None = None, progress: Callable[[int], None] | None = None
    ) -> list[Change]:
        """Write the plan in one transaction (all or nothing), one keyed record per step.

        Steps without a record (a national workbook's usual case) are created together
        (``RecordStore.insert_many``: the same rows, stamps and change log as one by one);
        steps already held (live or deleted) are updated through ``RecordService.put``.
        Each distinct value is checked once by the model's rules (``validate``), not once per
        row: the records are exactly what ``validate`` makes of each row.
        """
        when = (on or self.service.today).isoformat()
        records = self.service.records
        k = kind("step_status")
        changes: list[Change] = []
        with self.service.db.transaction():
            cells = {(s.org_id, s.system_code) for s in plan.steps}
            held: set[tuple[str, str, int]] = set()
            orgs = sorted({o for o, _c in cells})
            for i in range(0, len(orgs), 500):
                part = orgs[i : i + 500]
                held.update(
                    (str(r["org_id"]), str(r["system_code"]), int(r["step_no"]))
                    for r in self.service.db.query(
                        "SELECT org_id, system_code, step_no FROM step_status WHERE org_id IN"
                        f" ({', '.join('?' * len(part))})",
                        tuple(part),
                    )
                )
            checked: dict[tuple[str, object], Value] = {}

            def valid(name: str, value: object) -> Value:
                if (name, value) not in checked:
                    checked[(name, value)] = validate(k, {name: value}, partial=True)[name]
                return checked[(name, value)]

            fresh: list[Record] = []
            for i, s in enumerate(plan.steps):
                values: dict[str, object] = {
                    "org_id": s.org_id,
                    "system_code": s.system_code,
                    "step_no": s.step_no,
                    "status": s.after,
                    "updated_on": when,
                }
                if (s.org_id, s.system_code, s.step_no) in held:
                    change = records.put("step_status", values)
                    if change is not None:
                        changes.append(change)
                else:
                    record: Record = {n: valid(n, v) for n, v in values.items()}
                    record["note"] = None
                    fresh.append(record)
                if progress is not None and i % 500 == 0:
                    progress(i)
            if fresh:
                # The organisations the preview matched, still live (as put's lookup checks).
                live = {
                    str(r["id"])
                    for r in self.service.db.query("SELECT id FROM organisation WHERE _deleted = 0")
                }
                gone = [o for o in orgs if o not in live]
                if gone:
                    raise UserError("unknown_organisation", value=gone[0])
                changes.extend(records.store.insert_many(k, fresh))
            for v in plan.vendors:
                change = records.put(
                    "system_status",
                    {"org_id": v.org_id, "system_code": v.system_code, "vendor_id": v.vendor_id},
                )
                if change is not None:
                    changes.append(change)
        return changes


def plan_tables(plan: Plan) -> list[tuple[str, tuple[list[str], list[list[Any]]]]]:
    """The preview as tables: what will change, the vendors, the rows left out."""
    steps = [
        [
            s.org_name,
            reference.system_by_code(s.system_code).name  # type: ignore[union-attr]
            if reference.system_by_code(s.system_code)
            else s.system_code,
            f"{s.step_no}（{rules.step_label(s.step_no)}）",
            s.before,
            s.after,
        ]
        for s in plan.steps
    ]
    vendors = [[v.org_name, v.system_code, v.before or "（なし）", v.after] for v in plan.vendors]
    rejected = [[r.row, r.reason, r.text] for r in plan.rejected]
    return [
        ("変更されるステップ", (["団体", "業務システム", "ステップ", "現在", "取込後"], steps)),
        ("変更されるベンダ", (["団体", "業務", "現在", "取込後"], vendors)),
        ("取り込めない行（理由）", (["行", "理由", "内容"], rejected)),
    ]


# ---------------------------------------------------------------- the long layout, exported

LONG_HEADERS = ["団体コード", "団体名", "業務システム", "ベンダ"]


def long_rows(service: ProgressService) -> tuple[list[str], list[list[Any]]]:
    """One row per organisation x system that applies, one column per step (status words):
    the national workbook's layout, which ``preview`` reads back with no change."""
    m = service.matrix()
    vendors = {
        str(r["id"]): str(r["name"])
        for r in service.db.query("SELECT id, name FROM vendor WHERE _deleted = 0")
    }
    header = [*LONG_HEADERS, *(f"{s.item}" for s in reference.procedure_steps())]
    rows: list[list[Any]] = []
    for o in m.orgs:
        for c in m.org_cells(o.id):
            if not c.applies or not is_shown(o, c):
                continue
            s = reference.system_by_code(c.system_code)
            vendor = vendors.get(str((c.status_row or {}).get("vendor_id") or ""), "")
            rows.append(
                [o.code, o.name, s.name if s else c.system_code, vendor]
                + [st.status for st in c.steps]
            )
    return header, rows


def write_long_workbook(path: str | Path, service: ProgressService) -> None:
    from dxdesk.fsutil import atomic_write_bytes, io_error
    from dxdesk.reports.xlsx import Sheet, workbook_bytes

    header, rows = long_rows(service)
    target = Path(path)
    data = workbook_bytes([Sheet("ステップ別進捗", header, rows)], title="手順書ステップの進捗")
    try:
        atomic_write_bytes(target, data, mode=0o644)
    except OSError as exc:
        raise io_error(exc, target) from None
