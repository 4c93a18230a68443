"""情報漏洩等への対策に関する文書 (8(1) No.4): the working rules and the check system (the
supervisor's template, ``resources/security_template.txt``, replaced by a file of the same name
in the profile folder), then what dxdesk can prove from this profile as the document is made: how
the database is encrypted (SQLCipher's own report), the key slots and their KDF parameters (from
the key file: never a salt or a key), how bundles are protected, the enrolled and revoked
devices with their key fingerprints, the audit log, and the log of every bundle this device
exported in the fiscal year (date, device, recipient). PDF and xlsx.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dxdesk.core.calendar import fiscal_year, format_wareki_compact
from dxdesk.paths import ProfilePaths
from dxdesk.reports.base import ReportContext, ReportKind, register
from dxdesk.reports.documents._queries import Period, fy_period, period_text, supervisor_name, text
from dxdesk.reports.documents._templates import load_template
from dxdesk.reports.xlsx import Sheet, workbook_bytes
from dxdesk.store import ledger
from dxdesk.store.database import cipher_settings
from dxdesk.store.keys import KeyFile

TITLE = "情報漏洩等への対策に関する文書"
TEMPLATE_FILE = "security_template.txt"
# How a bundle is protected (docs/bundle-format.md; sync/crypto.py). Stated here because the
# documents sit beside sync, not above it; tests/reports/test_start_documents.py checks the
# names against sync/crypto.py's docstring so the two cannot drift apart.
BUNDLE_PROTECTION = (
    "端末間で受け渡す同期ファイルは、送信元の端末の鍵で電子署名（Ed25519）し、受取先の端末の"
    "公開鍵で暗号化（age v1：X25519、ChaCha20-Poly1305）しています。受取先の端末以外では復号"
    "できず、登録された端末の署名がないもの、改ざんされたもの及び失効した端末からのものは"
    "取り込まれません。"
)
SLOT_LABELS = {
    "passphrase": "パスフレーズ",
    "recovery": "回復キー",
    "keyring": "OSの資格情報ストア",
}
ROLE_LABELS = {"hub": "ハブ（統括）", "field": "現地端末"}
DEVICE_COLUMNS = ("No", "端末名", "使用者", "種別", "登録日", "失効日", "鍵の指紋")
EXPORT_COLUMNS = ("No", "書出し日時", "書出し端末", "書出した人", "受取先", "媒体", "変更件数")
EXPORT_XLSX_COLUMNS = (
    "No",
    "書出し日時",
    "書出し端末",
    "書出した人",
    "受取先",
    "受取先の使用者",
    "媒体",
    "変更件数",
    "ファイル名",
    "SHA-256",
)


@dataclass(frozen=True)
class Export:
    """One bundle written by a device of the team, as the export log knows it."""

    at: str  # ISO date and time (minutes at least)
    device: str
    person: str
    recipient: str
    recipient_owner: str
    medium: str
    file_name: str
    change_count: int | None  # None: not known here (the bundle has not arrived)
    sha256: str
    bundle_id: str


def exports(db: Any, since: str, until: str) -> list[Export]:
    """Every device's exports in [since, until): the synced ``bundle_export`` records (each
    bundle carries its own, so the hub holds every laptop's), with the hash and count from
    this device's ledger where it wrote or read the bundle; and this device's own exports of
    an older version that wrote no record (from the ledger alone)."""
    facts = ledger.bundle_facts(db)
    out: list[Export] = []
    seen: set[str] = set()
    for r in db.query(
        "SELECT * FROM bundle_export WHERE _deleted = 0 AND exported_at >= ? AND exported_at < ?"
        " ORDER BY exported_at, _hlc",
        (since[:16], until),
    ):
        bid = text(r["bundle_id"])
        seen.add(bid)
        known = facts.get(bid)
        out.append(
            Export(
                at=text(r["exported_at"]),
                device=text(r["device"]),
                person=text(r["person"]),
                recipient=text(r["recipient"]),
                recipient_owner=text(r["recipient_owner"]),
                medium=text(r["medium"]),
                file_name=text(r["file_name"]),
                change_count=known["change_count"] if known else None,
                sha256=known["sha256"] if known else "",
                bundle_id=bid,
            )
        )
    for e in ledger.exports(db, since=since, until=until):
        if e["bundle_id"] in seen:
            continue
        out.append(
            Export(
                at=e["at"],
                device=e["sender"],
                person="",
                recipient=e["recipient"],
                recipient_owner=e["recipient_owner"],
                medium="",
                file_name="",
                change_count=e["change_count"],
                sha256=e["sha256"],
                bundle_id=e["bundle_id"],
            )
        )
    # Stable: within one minute the records keep their clock order (the query's).
    out.sort(key=lambda x: x.at[:16])
    return out


@dataclass(frozen=True)
class Facts:
    period: Period
    cipher: dict[str, str]
    slots: list[tuple[str, str]]  # (slot label, how it derives its key)
    devices: list[ledger.PeerRow]
    exports: list[Export]
    audit_count: int
    audit_first: str
    audit_last: str


def _slot_text(slot_type: str, kdf: dict[str, Any]) -> str:
    if slot_type == "passphrase":
        mib = int(kdf.get("memory_kib", 0)) // 1024
        return (
            f"Argon2id（反復 {kdf.get('iterations')}回、メモリ {mib:,} MiB、"
            f"並列度 {kdf.get('lanes')}）で導いた鍵で、データベース鍵を AES-256-GCM により暗号化"
        )
    if slot_type == "recovery":
        return "160ビットの回復キーから HKDF-SHA256 で導いた鍵で、データベース鍵を AES-256-GCM により暗号化"
    return "OS の資格情報ストアに保管した鍵で、データベース鍵を AES-256-GCM により暗号化"


def facts(ctx: ReportContext) -> Facts:
    fy = ctx.request.fy if ctx.request.fy is not None else fiscal_year(ctx.today)
    p = fy_period(fy)
    db = ctx.database
    keyfile = KeyFile.load(ProfilePaths(ctx.profile_root).keys)
    slots = [(SLOT_LABELS.get(s.type, s.type), _slot_text(s.type, s.kdf)) for s in keyfile.slots]
    audit = db.query("SELECT count(*) AS n, min(at) AS first, max(at) AS last FROM audit_log")[0]
    end = p.end.isoformat() + "T99"  # after every time of the last day (ISO text compares)
    return Facts(
        period=p,
        cipher=cipher_settings(db.conn),
        slots=slots,
        devices=ledger.peers(db),
        exports=exports(db, since=p.start.isoformat(), until=end),
        audit_count=int(audit["n"]),
        audit_first=text(audit["first"]),
        audit_last=text(audit["last"]),
    )


def _day(iso: str | None) -> str:
    return format_wareki_compact(date.fromisoformat(iso[:10])) if iso else ""


def _moment(iso: str) -> str:
    return f"{_day(iso)} {iso[11:16]}" if len(iso) >= 16 else _day(iso)


def _device_rows(f: Facts) -> list[list[object]]:
    return [
        [
            i,
            d["name"],
            d["owner"],
            ROLE_LABELS.get(d["role"], d["role"]),
            _day(d["enrolled_at"]),
            _day(d["revoked_at"]) or "－",
            d["fingerprint"],
        ]
        for i, d in enumerate(f.devices, start=1)
    ]


def _export_rows(f: Facts) -> list[list[object]]:
    return [
        [
            i,
            _moment(e.at),
            e.device,
            e.person or "－",
            f"{e.recipient}（{e.recipient_owner}）" if e.recipient_owner else e.recipient,
            e.medium or "－",
            "－" if e.change_count is None else e.change_count,
        ]
        for i, e in enumerate(f.exports, start=1)
    ]


def build_pdf(ctx: ReportContext) -> bytes:
    f = facts(ctx)
    sections = load_template(TEMPLATE_FILE, ctx.profile_root, fy_label=f.period.label)
    enrolled = sum(1 for d in f.devices if not d["revoked_at"])
    doc = ctx.new_pdf(TITLE)
    doc.title_block(
        [
            ("対象年度", period_text(f.period)),
            ("登録端末", f"{enrolled}台（失効 {len(f.devices) - enrolled}台）"),
            ("書出し記録", f"同期ファイル {len(f.exports)}件（{f.period.label}）"),
        ]
    )
    n = 0
    for section in sections:
        n += 1
        doc.heading(f"{n}. {section.heading}" if section.heading else f"{n}.")
        for paragraph in section.paragraphs:
            doc.text(paragraph)
    n += 1
    doc.heading(f"{n}. dxdesk による保護の状況（本書の作成時点）")
    c = f.cipher
    hmac = (
        c["cipher_hmac_algorithm"].replace("HMAC_", "HMAC-")
        if c["cipher_use_hmac"] == "1"
        else "なし"
    )
    rows: list[tuple[str, object]] = [
        (
            "保存データの暗号化",
            f"データベース全体を SQLCipher {c['cipher_version']} で暗号化（AES-256、ページごとの"
            f"改ざん検知 {hmac}、ページ {c['cipher_page_size']} バイト、暗号ライブラリ "
            f"{c['cipher_provider_version'] or c['cipher_provider']}）。鍵は端末ごとに生成した"
            "ランダムな256ビットの鍵です。",
        ),
    ]
    for label, how in f.slots:
        rows.append((f"鍵の保護：{label}", how))
    rows.append(("同期ファイル", BUNDLE_PROTECTION))
    rows.append(
        (
            "端末の登録と失効",
            "同期できるのは統括責任者が登録した端末のみです。登録時に鍵の指紋を電話等で照合し、"
            "紛失・交代の際は失効させます（登録端末の一覧は次のとおり）。",
        )
    )
    rows.append(
        (
            "監査ログ",
            f"全ての記録の追加・変更・削除を日時・端末・操作者とともに記録（{f.audit_count:,}件、"
            f"{_day(f.audit_first)}〜{_day(f.audit_last)}）。"
            if f.audit_count
            else "全ての記録の追加・変更・削除を日時・端末・操作者とともに記録（記録なし）。",
        )
    )
    doc.key_values(rows)
    n += 1
    doc.heading(f"{n}. 登録端末")
    if f.devices:
        doc.table(
            list(DEVICE_COLUMNS),
            _device_rows(f),
            widths=[4, 18, 12, 10, 10, 10, 24],
            align="RLLLLLL",
            font_size=8,
        )
    else:
        doc.paragraph("登録された端末はありません（この端末のみで使用しています）。")
    n += 1
    doc.heading(f"{n}. 同期ファイルの書出し記録（{f.period.label}）")
    if f.exports:
        doc.table(
            list(EXPORT_COLUMNS),
            _export_rows(f),
            widths=[4, 15, 15, 12, 20, 14, 10],
            align="RLLLLLR",
            font_size=8,
        )
        doc.paragraph(
            "書出し記録は、各端末が同期ファイルを書き出した際に記録し、同期によって全ての端末に"
            "共有されるものです（変更件数が「－」のものは、本書を作成した端末にまだ届いていない"
            "同期ファイルです）。",
            small=True,
        )
    else:
        doc.paragraph(f"{f.period.label}に書き出した同期ファイルはありません。")
    return doc.build()


def build_xlsx(ctx: ReportContext) -> bytes:
    f = facts(ctx)
    devices = [
        [
            i,
            d["name"],
            d["owner"],
            ROLE_LABELS.get(d["role"], d["role"]),
            date.fromisoformat(d["enrolled_at"][:10]) if d["enrolled_at"] else None,
            date.fromisoformat(d["revoked_at"][:10]) if d["revoked_at"] else None,
            d["fingerprint"],
        ]
        for i, d in enumerate(f.devices, start=1)
    ]
    exports = [
        [
            i,
            datetime.fromisoformat(e.at).replace(tzinfo=None),
            e.device,
            e.person,
            e.recipient,
            e.recipient_owner,
            e.medium,
            e.change_count,
            e.file_name,
            e.sha256,
        ]
        for i, e in enumerate(f.exports, start=1)
    ]
    return workbook_bytes(
        [
            Sheet("登録端末", list(DEVICE_COLUMNS), devices),
            Sheet("書出し記録", list(EXPORT_XLSX_COLUMNS), exports),
        ],
        title=TITLE,
    )


register(
    ReportKind(
        name="security",
        official=True,
        title=TITLE,
        optional=("fy",),
        pdf=build_pdf,
        xlsx=build_xlsx,
        author=supervisor_name,
        description="情報の取扱いの規則と確認の体制に、暗号化・鍵・登録端末・監査ログの状況と同期ファイルの書出し記録を添えた文書です。",
    )
)
