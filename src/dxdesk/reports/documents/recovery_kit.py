"""回復キー (recovery key) sheet of a profile: print it, keep it locked away from the laptop.

The recovery key exists only when it is made (setup wizard, ``dxdesk init``, ``dxdesk rekey``,
a new recovery key): the request carries it (``ReportRequest.recovery_key``) and the service has
checked that it opens this profile. It is written nowhere but into the PDF itself.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from dxdesk.reports.base import ReportContext, ReportKind, register
from dxdesk.store.keys import format_recovery_key, parse_recovery_key

TITLE = "回復キー"
GROUPS_PER_LINE = 4


def key_lines(recovery_key: str) -> list[str]:
    """The key as printed: groups of four, four groups to a line (the setup wizard's layout)."""
    raw = parse_recovery_key(recovery_key)  # canonical form, whatever way it was typed
    groups = format_recovery_key(raw).split("-")
    return [
        "　".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)
    ]


def build_pdf(ctx: ReportContext) -> bytes:
    key = ctx.request.recovery_key or ""
    lines = key_lines(key)
    meta = {
        str(r["key"]): str(r["value"]) for r in ctx.database.query("SELECT key, value FROM meta")
    }
    doc = ctx.new_pdf(f"dxdesk {TITLE}")
    doc.title_block(
        [
            ("氏名", meta.get("owner_name", "")),
            ("端末名", meta.get("device_name", "")),
            ("プロファイルの場所", str(ctx.profile_root)),
        ]
    )
    doc.paragraph(
        "この用紙の回復キーは、パスフレーズを忘れたときにこの端末の dxdesk のデータを開くための"
        "ものです。回復キーを知っている人は、パスフレーズがなくてもデータを開くことができます。"
    )
    doc.heading("回復キー")
    doc.add(_key_box(lines, ctx.fonts.regular))
    doc.spacer(4)
    doc.heading("取り扱い")
    for line in (
        "パソコンとは別の、鍵のかかる場所に保管してください。パソコンと一緒に持ち歩かないでください。",
        "回復キーで開くときは、解錠画面の「回復キーで解錠…」を選び、上の文字を入力してください。"
        "大文字・小文字、空白やハイフンの有無は問いません。",
        "新しいパスフレーズを設定した後も、この回復キーは引き続き有効です。"
        "回復キーを作り直した場合は、この用紙を細断して廃棄してください。",
        "この用紙の控え（写真、スキャン、PDF ファイル）を作らないでください。"
        "印刷が済んだら、この PDF ファイルを削除してください。",
    ):
        doc.paragraph(f"・{line}")
    doc.spacer(6)
    doc.key_values(
        [("保管場所", ""), ("保管責任者", ""), ("保管開始日", "令和　　年　　月　　日")],
        key_width_mm=32,
    )
    return doc.build()


def _key_box(lines: list[str], font: str) -> Table:
    """The key large, in a box, centred: BIZ UDGothic's Latin letters are fixed-width."""
    t = Table([[line] for line in lines], hAlign="CENTER")
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 20, 30),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 18),
                ("RIGHTPADDING", (0, 0), (-1, -1), 18),
            ]
        )
    )
    return t


register(
    ReportKind(
        name="recovery-kit",
        title=TITLE,
        needs=("recovery_key",),
        pdf=build_pdf,
        description="プロファイルの回復キーを印刷する用紙（作成時・再作成時のみ。キーの確認あり）",
    )
)
