"""The document engine itself: fonts, the PDF builder (pages, header, kinsoku, long text, tables)
and the Excel writer, each read back the way a reader would."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

import openpyxl
import pytest
from pdfplumber import open as pdfplumber_open
from reportlab.pdfbase.pdfmetrics import stringWidth

from dxdesk.errors import UserError
from dxdesk.reports import fonts as fontmod
from dxdesk.reports.fonts import find_font, register_fonts
from dxdesk.reports.pdf import NO_END, NO_START, PdfDocument, kinsoku_lines
from dxdesk.reports.xlsx import Sheet, display_width, workbook_bytes
from dxdesk.services.profile import Profile
from tests.tools import preflight, require

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from font_source import is_fetched

from tests.reports.readback import (
    embedded_fonts,
    kinsoku_violations,
    needs_pdftotext,
    read_pdf,
    squash,
    table_rows,
)


def require_font(family: str, found: bool) -> None:
    key = "font-mincho" if "Mincho" in family else "font"
    require(family, found, f"install: {preflight().install_hint(key)}")


def require_shipped_font() -> None:
    # make setup fetches it (packaging/font_source.py); CI must have it.
    found = is_fetched(fontmod.BUNDLED_FONTS)
    require("the shipped IPAexGothic", found, "fetch it: python packaging/font_source.py")


# Page decorations as the readers extract them (one line each, in either order).
HEADER = (
    "取扱注意",
    "試験文書（高千穂町）",
    "試験文書（高千穂町）取扱注意",
    "試験文書（高千穂町） 取扱注意",
)
SENTENCE = "住民記録システムの標準化について、ベンダと「移行計画（案）」を協議しました。"


def _doc(**kw: object) -> PdfDocument:
    return PdfDocument(
        title="試験文書",
        fonts=register_fonts(),
        org_name="高千穂町",
        author="山田 太郎",
        handling_mark="取扱注意",
        issued=dt.date(2025, 11, 25),
        **kw,  # type: ignore[arg-type]
    )


def _write(tmp_path: Path, doc: PdfDocument, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(doc.build())
    return path


# ------------------------------------------------------------------ fonts


def test_a_japanese_truetype_font_is_found_and_registered() -> None:
    fonts = register_fonts()
    assert fonts.path.suffix.lower() in (".ttf", ".ttc")
    assert fonts.regular.startswith("dxdesk-")
    assert fonts.family in {c.family for c in fontmod.CANDIDATES}


@pytest.fixture
def no_shipped_font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As before set-up fetched one (packaging/font_source.py): only the system's fonts."""
    monkeypatch.setattr(fontmod, "BUNDLED_FONTS", tmp_path / "同梱なし")


@pytest.mark.usefixtures("no_shipped_font")
def test_no_font_names_what_to_install(tmp_path: Path) -> None:
    empty = tmp_path / "fonts"
    empty.mkdir()
    with pytest.raises(UserError) as err:
        find_font("", [empty])
    assert err.value.code == "font_missing"
    assert "BIZ UDゴシック" in err.value.message and "IPAexゴシック" in err.value.message


def test_a_font_file_can_be_chosen_in_settings(tmp_path: Path) -> None:
    system = register_fonts().path
    copy = tmp_path / "フォント" / system.name
    copy.parent.mkdir()
    shutil.copyfile(system, copy)
    choice = find_font(str(copy), [tmp_path / "nowhere"])
    assert choice.regular.path == copy


def test_a_family_name_in_settings_is_preferred() -> None:
    available = find_font("")
    other = find_font("IPAexMincho")
    require_font("IPAexMincho", other.family == "IPAexMincho")
    assert other.family != available.family or available.family == "IPAexMincho"


def test_a_cff_font_is_refused_by_name(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-font.ttf"
    bogus.write_bytes(b"OTTO" + bytes(200))  # a CFF (PostScript-outline) signature
    with pytest.raises(UserError) as err:
        find_font(str(bogus))
    assert err.value.code == "font_unusable"


# ------------------------------------------------------------------ kinsoku


def test_kinsoku_lines_never_start_or_end_badly() -> None:
    font = register_fonts().regular
    rng = random.Random(5)
    words = ["標準化", "ステップ", "DX", "移行計画", "ちょっと", "データ", "Windows Server", "100%"]
    before = ["", "", "「", "（", "『"]
    after = ["", "", "、", "。", "。」", "）、", "！", "ー", "・", "』。"]
    for _ in range(200):
        # Sentences as people write them (a run of many forbidden characters in a row has no
        # legal break at all; then the line breaks where it must).
        text = "".join(
            rng.choice(before) + rng.choice(words) + rng.choice(after) for _ in range(30)
        )
        width = rng.uniform(60, 240)
        lines = kinsoku_lines(text, width, font, 10)
        # nothing lost, nothing added (a space where a line wraps is dropped)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for line in lines[1:]:
            assert line[0] not in NO_START, (line, lines)
        for line in lines[:-1]:
            assert line[-1] not in NO_END, (line, lines)
            # a line may overflow only by one hanging 、。
            over = stringWidth(line, font, 10) - width
            assert over <= 0.01 or line[-1] in "、。，．,.", (line, over)


def test_reportlab_alone_would_start_lines_with_closing_brackets() -> None:
    """Why JParagraph exists: a 。」 pair at the margin puts 」 at the start of a line."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus.paragraph import Paragraph

    font = register_fonts().regular
    style = ParagraphStyle("p", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    text = "あ" * 10 + "。」" + "い" * 20
    p = Paragraph(text, style)
    p.wrap(stringWidth("あ" * 10, font, 10) + 0.5, 1000)
    # A single-style paragraph comes back as (extra space, [text]) pairs.
    starts = [str(line[1][0])[:1] for line in p.blPara.lines]
    assert "」" in starts[1:]  # the defect ...
    ours = kinsoku_lines(text, stringWidth("あ" * 10, font, 10) + 0.5, font, 10)
    assert all(line[0] not in NO_START for line in ours[1:])  # ... and the fix


@needs_pdftotext
def test_kinsoku_holds_in_extracted_text(tmp_path: Path) -> None:
    doc = _doc()
    text = (SENTENCE * 12).replace("。", "。」").replace("協議", "協議、")
    doc.paragraph(text)
    doc.table(["内容", "備考"], [[text[:300], "（案）。"]], widths=[4, 1])
    pdf = read_pdf(_write(tmp_path, doc))
    assert kinsoku_violations(pdf.poppler, [text]) == []
    assert pdf.both(squash(text))


# ------------------------------------------------------------------ pages and layout


@needs_pdftotext
def test_pages_carry_header_mark_and_n_of_n(tmp_path: Path) -> None:
    doc = _doc()
    doc.title_block([("対象月", "令和7年11月")])
    doc.table(["番号", "団体"], [[i, f"団体{i}"] for i in range(200)])
    pdf = read_pdf(_write(tmp_path, doc))
    assert pdf.pages >= 3
    pages = pdf.poppler.split("\f")[: pdf.pages]
    for n, page in enumerate(pages, start=1):
        assert f"{n} / {pdf.pages}" in page
        assert "取扱注意" in page
        assert "試験文書（高千穂町）" in page
    assert pdf.both("令和7年11月25日") and pdf.both("作成者山田太郎")


@needs_pdftotext
def test_table_header_repeats_and_every_row_is_there(tmp_path: Path) -> None:
    doc = _doc()
    rows = [[f"R{i:03d}", SENTENCE if i % 7 == 0 else "短い", i * 1.5] for i in range(150)]
    doc.table(["番号", "内容", "時間"], rows, widths=[1, 5, 1], align="LLR")
    path = _write(tmp_path, doc)
    found = table_rows(path, "番号")
    assert [r[0] for r in found] == [r[0] for r in rows]  # header dropped on every page
    assert {squash(r[1]) for r in found} == {"短い", squash(SENTENCE)}
    assert found[3][2] == "4.5"
    assert read_pdf(path).pages > 2


@needs_pdftotext
def test_five_thousand_characters_flow_over_pages(tmp_path: Path) -> None:
    note = (SENTENCE * 200)[:5000]
    doc = _doc()
    doc.heading("内容・記録")
    doc.text(note)
    pdf = read_pdf(_write(tmp_path, doc))
    assert pdf.pages >= 2
    assert pdf.flows(squash(note), *HEADER)


@needs_pdftotext
def test_a_huge_table_cell_splits_over_pages_without_loss(tmp_path: Path) -> None:
    note = (SENTENCE * 200)[:5000]
    doc = _doc()
    doc.table(["項目", "内容"], [["記録", note]], widths=[1, 5])
    pdf = read_pdf(_write(tmp_path, doc))
    assert pdf.pages >= 2
    assert pdf.flows(squash(note), *HEADER, "項目", "内容", "記録")


def test_fonts_are_embedded_subsets_and_nothing_else(tmp_path: Path) -> None:
    doc = _doc()
    doc.title_block()
    doc.key_values([("団体", "高千穂町")])
    doc.table(["a", "b"], [["1", "2"]], total=["合計", "3"])
    path = _write(tmp_path, doc)
    names = embedded_fonts(path)
    assert names and all("+" in n for n in names)  # subset tag AAAAAA+Name
    assert b"/FontFile2" in path.read_bytes()
    assert b"/Helvetica" not in path.read_bytes()  # no unembedded base-14 font sneaks in


@needs_pdftotext
def test_full_width_spaces_survive(tmp_path: Path) -> None:
    doc = _doc()
    doc.paragraph("令和　　年　　月　　日")
    text = read_pdf(_write(tmp_path, doc)).pypdf
    assert "令和　　年" in text or "令和  年" in text.replace("\u3000", " ")


def test_landscape_pages_after_portrait(tmp_path: Path) -> None:
    from pypdf import PdfReader

    doc = _doc()
    doc.paragraph("縦")
    doc.set_orientation("landscape")
    doc.table(["a"] * 12, [["x"] * 12])
    path = _write(tmp_path, doc)
    boxes = [p.mediabox for p in PdfReader(path).pages]
    assert boxes[0].width < boxes[0].height and boxes[1].width > boxes[1].height


def test_ruled_lines_fill_the_page(tmp_path: Path) -> None:
    doc = _doc()
    doc.ruled_lines(label="メモ")
    path = _write(tmp_path, doc)
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        lines = [ln for ln in pdf.pages[0].lines if abs(ln["top"] - ln["bottom"]) < 0.1]
    assert len(lines) > 20  # the header rule plus a page of dotted lines


# ------------------------------------------------------------------ Excel


def test_workbook_reads_back(tmp_path: Path) -> None:
    rows = [
        [dt.date(2025, 11, 5), "高千穂町", 2.5, 3, "=SUM(A1)", None],
        [dt.datetime(2025, 11, 6, 9, 30), "五ヶ瀬町", 1.25, 0, "住民記録システム", "備考"],
    ]
    data = workbook_bytes(
        [Sheet("相談[一覧]", ["日付", "団体", "時間", "件数", "件名", "備考"], rows)],
        title="試験",
    )
    path = tmp_path / "試験.xlsx"
    path.write_bytes(data)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.title == "相談_一覧_"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F3"
    assert ws["A1"].font.b
    assert isinstance(ws["A2"].value, dt.datetime) and ws["A2"].value.date() == dt.date(2025, 11, 5)
    assert ws["A2"].number_format == "yyyy/mm/dd"
    assert ws["C2"].value == 2.5 and ws["D3"].value == 0
    assert ws["E2"].value == "=SUM(A1)" and ws["E2"].data_type == "s"  # text, never a formula
    assert ws["F2"].value is None
    # 高千穂町 is 4 wide characters: width 8 + margin, wider than the 2-character header.
    assert ws.column_dimensions["B"].width >= display_width("五ヶ瀬町")
    assert ws.column_dimensions["E"].width >= display_width("住民記録システム")


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("高千穂") == 6
    assert display_width("ｱｲｳ") == 3  # half-width katakana stay narrow
    assert display_width("一行目\nずっと長い二行目") == 16


def test_long_text_wraps_in_its_column(tmp_path: Path) -> None:
    long = "相談内容は" + "標準準拠システムの移行後の運用について" * 6
    data = workbook_bytes(
        [Sheet("一覧", ["番号", "内容"], [[1, long], [2, "短い"]], widths={1: 50})]
    )
    path = tmp_path / "w.xlsx"
    path.write_bytes(data)
    ws = openpyxl.load_workbook(path).active
    assert ws["B2"].alignment.wrap_text and ws["B2"].alignment.vertical == "top"
    assert not ws["B3"].alignment.wrap_text


def test_kinds_come_in_working_order() -> None:
    from dxdesk.reports.registry import WORKING_ORDER, kinds

    names = [k.name for k in kinds()]
    known = [n for n in names if n in WORKING_ORDER]
    assert known == [n for n in WORKING_ORDER if n in names]
    assert {"hearing-sheet", "hearing-record", "monthly", "recovery-kit"} <= set(names)


@pytest.mark.usefixtures("no_shipped_font")
def test_no_font_refuses_the_document_and_writes_nothing(profile: Profile, tmp_path: Path) -> None:
    from dxdesk.reports.base import ReportRequest
    from dxdesk.services.reports import generate

    empty = tmp_path / "空のフォント"
    empty.mkdir()
    out = tmp_path / "出力"
    out.mkdir()
    with pytest.raises(UserError) as err:
        generate(
            profile,
            ReportRequest("hearing-sheet", org_id="高千穂町"),
            out / "シート.pdf",
            search_dirs=[empty],
        )
    assert err.value.code == "font_missing"
    assert list(out.iterdir()) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig folders: Linux")
def test_fontconfig_dirs_are_searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "社内フォント"
    extra.mkdir()
    conf = tmp_path / "fontconfig"
    (conf / "conf.d").mkdir(parents=True)
    (conf / "fonts.conf").write_text("<fontconfig></fontconfig>", encoding="utf-8")
    (conf / "conf.d" / "50-extra.conf").write_text(
        f'<fontconfig><dir prefix="default">{extra}</dir></fontconfig>', encoding="utf-8"
    )
    monkeypatch.setenv("FONTCONFIG_PATH", str(conf))
    assert extra in fontmod.font_dirs()
    shutil.copyfile(register_fonts().path, extra / "ipaexg.ttf")
    choice = find_font("IPAexGothic", [extra])
    assert choice.family == "IPAexGothic" and choice.regular.path.parent == extra


def test_a_hanging_stop_before_a_line_break_adds_no_empty_line() -> None:
    font = register_fonts().regular
    width = stringWidth("あ" * 10, font, 10) + 0.5
    lines = kinsoku_lines("あ" * 10 + "。\n" + "い" * 5 + "\n\nう", width, font, 10)
    assert lines == ["あ" * 10 + "。", "い" * 5, "", "う"]


def test_a_family_without_bold_uses_its_regular_face_for_bold() -> None:
    choice = find_font("IPAexGothic")
    require_font("IPAexGothic", choice.family == "IPAexGothic")
    assert choice.bold is None
    fonts = register_fonts("IPAexGothic")
    assert fonts.bold == fonts.regular and fonts.family == "IPAexGothic"
    doc = PdfDocument(title="太字なし", fonts=fonts, handling_mark="取扱注意")
    doc.heading("見出し（太字の指定）")
    assert doc.build().startswith(b"%PDF")


@pytest.mark.parametrize("name", ["IPAex明朝", "ipaex mincho", "ＩＰＡｅｘ明朝"])
def test_japanese_family_names_in_settings(name: str) -> None:
    require_font("IPAexMincho", find_font("IPAexMincho").family == "IPAexMincho")
    assert find_font(name).family == "IPAexMincho"


def test_available_families_lists_what_is_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    families = fontmod.available_families()
    assert register_fonts().family == families[0]
    monkeypatch.setattr(fontmod, "BUNDLED_FONTS", tmp_path / "同梱なし")  # no_shipped_font
    assert fontmod.available_families([tmp_path]) == []


def test_the_shipped_font_is_searched_after_the_system_folders() -> None:
    require_shipped_font()
    dirs = fontmod.font_dirs()
    assert dirs[-1] == fontmod.BUNDLED_FONTS
    assert fontmod.available_families([]) == ["IPAexGothic"]


def test_the_shipped_font_is_truetype_with_its_licence() -> None:
    # reportlab embeds only TrueType outlines (a glyf table), never CFF ("OTTO").
    require_shipped_font()
    data = (fontmod.BUNDLED_FONTS / "ipaexg.ttf").read_bytes()
    assert data[:4] == b"\x00\x01\x00\x00"
    tables = {data[12 + 16 * i : 16 + 16 * i] for i in range(int.from_bytes(data[4:6], "big"))}
    assert b"glyf" in tables and b"CFF " not in tables
    licence = fontmod.BUNDLED_FONTS / "IPA_Font_License_Agreement_v1.0.txt"
    assert "IPA" in licence.read_text(encoding="utf-8")


@needs_pdftotext
def test_a_pdf_builds_with_the_shipped_font_when_the_system_has_none(
    profile: Profile, tmp_path: Path
) -> None:
    """A Mac (CFF fonts only) or a bare Linux: the system's folders hold nothing embeddable."""
    from dxdesk.reports.base import ReportRequest
    from dxdesk.services.reports import generate

    require_shipped_font()
    empty = tmp_path / "システムのフォントなし"
    empty.mkdir()
    out = generate(
        profile,
        ReportRequest("hearing-sheet", org_id="高千穂町"),
        tmp_path / "シート.pdf",
        search_dirs=[empty],
    )
    assert any("IPAexGothic" in f for f in embedded_fonts(out))
    assert read_pdf(out).both("高千穂町")


@pytest.mark.usefixtures("no_shipped_font")
def test_windows_font_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The main target: %WINDIR%\\Fonts and the per-user font folder, TTC names as shipped."""
    windir = tmp_path / "Windows"
    system_fonts = windir / "Fonts"
    user_fonts = tmp_path / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts"
    system_fonts.mkdir(parents=True)
    user_fonts.mkdir(parents=True)
    source = register_fonts().path
    shutil.copyfile(source, user_fonts / "BIZ-UDGothicR.ttc")  # a TTF is fine under this name
    shutil.copyfile(source, system_fonts / "msgothic.ttc")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    assert fontmod.font_dirs() == [system_fonts, user_fonts]
    choice = find_font("")
    assert choice.family == "BIZ UDGothic" and choice.regular.path.parent == user_fonts
    assert choice.bold is None  # no BIZ-UDGothicB.ttc here: regular stands in
    assert find_font("ＭＳ ゴシック").family == "MS Gothic"


def test_macos_user_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    fonts = home / "Library" / "Fonts"
    fonts.mkdir(parents=True)
    shutil.copyfile(register_fonts().path, fonts / "ipaexg.ttf")
    # Path.home() reads USERPROFILE on Windows, HOME elsewhere: set it where every OS looks.
    monkeypatch.setattr(Path, "home", staticmethod(lambda: home))
    monkeypatch.setattr(sys, "platform", "darwin")
    assert fonts in fontmod.font_dirs()
    assert find_font("IPAexGothic", [fonts]).regular.path == fonts / "ipaexg.ttf"


# ------------------------------------------------------------------ words kept whole


def test_a_line_breaks_before_a_katakana_word_a_number_with_unit_or_a_name() -> None:
    font = register_fonts().regular

    def lines(text: str, chars: int) -> list[str]:
        return kinsoku_lines(text, stringWidth("あ" * chars, font, 10) + 0.5, font, 10)

    assert lines("会議はオンラインで", 6) == ["会議は", "オンラインで"]
    assert lines("総務課 岩切主幹", 5) == ["総務課 ", "岩切主幹"]
    assert lines("合計は12時間です", 5) == ["合計は", "12時間です"]
    assert lines("会議、研修", 4) == ["会議、", "研修"]
    # A run longer than the line still breaks (there is no better place), and prose without
    # spaces breaks anywhere as Japanese does.
    assert lines("ガバメントクラウド", 4) == ["ガバメ", "ントク", "ラウド"] or all(
        len(x) <= 4 for x in lines("ガバメントクラウド", 4)
    )
    assert lines("住民記録システムの標準化", 5)[0] == "住民記録"


@needs_pdftotext
def test_narrow_columns_widen_so_words_and_names_stay_whole(tmp_path: Path) -> None:
    doc = _doc()
    header = ["団体", "形態", "うち\nヒアリング", "出席者", "時間", "備考"]
    rows = [
        ["高千穂町", "オンライン", 3, "総務課 岩切主幹", "12時間", "特記事項なし" * 4],
        ["日之影町", "訪問", 12, "住民課 甲斐係長", "3.5時間", "移行計画の説明" * 2],
    ]
    # Columns 2-5 are given far too little width; the 備考 column has room to spare.
    doc.table(header, rows, widths=[3, 1.2, 1.2, 1.6, 1.2, 12], align="LCRLRL")
    out = _write(tmp_path, doc)
    body = table_rows(out, "団体")
    assert len(body) == 2
    cells = {c for row in body for c in row[1:5]}
    for whole in ("オンライン", "総務課 岩切主幹", "住民課 甲斐係長", "12時間", "3.5時間"):
        found = [c for c in cells if squash(c) == squash(whole)]
        assert found, whole
        # Each kept run sits on one line of its cell (a name may move below its section).
        for run in whole.split(" "):
            assert any(run in line for c in found for line in c.split("\n")), (whole, found)
    with pdfplumber_open(out) as pdf:
        heads = [t[0] for p in pdf.pages for t in p.extract_tables() if t]
    assert any("ヒアリング" in (h[2] or "").split("\n") for h in heads), heads
