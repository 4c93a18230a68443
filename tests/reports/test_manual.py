"""The user manual as a PDF (reports/manual.py, services/manual.py, ``dxdesk manual``): read back
by pypdf, pdfplumber and pdftotext; its contents point at the right pages; its screenshots and
Japanese fonts are embedded; the cached copy is rebuilt when the Markdown changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from dxdesk.reports.fonts import register_fonts
from dxdesk.reports.manual import all_images, build_manual, chapters, menu_paths, parse
from dxdesk.services import manual
from tests.conftest import run_cli
from tests.reports.readback import embedded_fonts, needs_pdftotext, read_pdf, squash

ROOT = Path(__file__).resolve().parents[2]
MANUAL = ROOT / "docs" / "manual"


def test_the_source_tree_manual_is_found() -> None:
    assert manual.manual_folder() == MANUAL
    assert len(chapters(MANUAL)) >= 9


def test_markdown_blocks_as_the_manual_writes_them() -> None:
    blocks = parse(
        "# 章\n\n本文の1行目、\n2行目。\n\n- 箇条の\n  続き\n1. 手順\n2. 次の手順\n"
        "> 完了率＝（完了済み＋対象外）÷40\n\n| 提出物 | 期限 |\n|---|---|\n| 議事録 | 3開庁日 |\n"
        "![写真](screens/home.png)\n### 項\n"
    )
    assert [(b.kind, b.text or b.number) for b in blocks] == [
        ("h1", "章"),
        ("para", "本文の1行目、2行目。"),
        ("bullet", "箇条の続き"),
        ("step", "手順"),
        ("step", "次の手順"),
        ("quote", "完了率＝（完了済み＋対象外）÷40"),
        ("table", ""),
        ("image", "写真"),
        ("h3", "項"),
    ]
    assert blocks[6].rows == [["提出物", "期限"], ["議事録", "3開庁日"]]
    assert blocks[7].src == "screens/home.png"
    assert menu_paths("［同期］>［バンドルを作成…］と［ファイル］ ＞ ［終了］、［戻る］") == [
        ["同期", "バンドルを作成…"],
        ["ファイル", "終了"],
    ]


@needs_pdftotext
def test_the_pdf_reads_back_with_its_contents_pointing_at_the_right_pages(
    tmp_path: Path,
) -> None:
    built = build_manual(MANUAL, register_fonts())
    assert built.missing_images == ()
    out = tmp_path / "マニュアル.pdf"
    out.write_bytes(built.pdf)
    text = read_pdf(out)
    assert text.pages == built.pages >= 10
    assert text.both("dxdesk利用者マニュアル") and text.both("目次")
    pages = [squash(p) for p in text.poppler.split("\f")]
    toc = _contents_lines(out)
    for title in built.chapters:
        # The contents' line for the chapter names its page, and the chapter starts there.
        [number] = [n for words, n in toc if words == squash(title)]
        # The page begins (after the running header) with the chapter's title.
        assert pages[number - 1].startswith("dxdesk利用者マニュアル" + squash(title)), number
    # The PDF's bookmarks: one per chapter, in order.
    reader = PdfReader(out)
    outline_titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline_titles == list(built.chapters)
    assert any("IPAex" in f or "BIZ" in f or "Noto" in f for f in embedded_fonts(out))
    with pdfplumber.open(out) as pdf:
        images = sum(len(p.images) for p in pdf.pages)
    assert images == len(all_images(MANUAL))
    # No internal notation reaches paper: the Markdown markers are gone.
    for marker in ("**", "![", "](screens", "`"):
        assert marker not in text.poppler, marker


def _contents_lines(path: Path) -> list[tuple[str, int]]:
    """(title, page) of each line of the contents (the first pages): words on one baseline,
    the page number the last of them."""
    out: list[tuple[str, int]] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:3]:
            lines: list[list[dict[str, object]]] = []
            for word in sorted(page.extract_words(), key=lambda w: float(str(w["bottom"]))):
                bottom = float(str(word["bottom"]))
                if lines and bottom - float(str(lines[-1][-1]["bottom"])) < 3:
                    lines[-1].append(word)
                else:
                    lines.append([word])
            for words in lines:
                words.sort(key=lambda w: float(str(w["x0"])))
                last = str(words[-1]["text"])
                if last.isdigit() and len(words) > 1:
                    out.append(("".join(str(w["text"]) for w in words[:-1]), int(last)))
    return out


def test_a_missing_screenshot_is_named_not_fatal(tmp_path: Path) -> None:
    folder = tmp_path / "manual"
    folder.mkdir()
    (folder / "01-a.md").write_text("# 章\n\n![画面](screens/nothing.png)\n", encoding="utf-8")
    built = build_manual(folder, register_fonts())
    assert built.missing_images == ("screens/nothing.png",)
    assert built.pdf.startswith(b"%PDF-")


def test_the_cached_copy_is_rebuilt_when_the_manual_changes(tmp_path: Path) -> None:
    folder = tmp_path / "マニュアル"
    shutil.copytree(MANUAL, folder)
    cache = tmp_path / "cache"
    first = manual.cached_pdf(cache, folder=folder)
    again = manual.cached_pdf(cache, folder=folder)
    assert again == first and again.stat().st_mtime_ns == first.stat().st_mtime_ns
    chapter = chapters(folder)[0]
    chapter.write_text(chapter.read_text("utf-8") + "\n追記した段落です。\n", encoding="utf-8")
    changed = manual.cached_pdf(cache, folder=folder)
    assert changed != first and not first.exists()  # the stale copy is removed
    assert list(cache.iterdir()) == [changed]


def test_cli_saves_the_manual_and_refuses_an_unwritable_place(tmp_path: Path) -> None:
    out = tmp_path / "利用者マニュアル.pdf"
    code, stdout, stderr = run_cli(["manual", "--out", str(out)])
    assert code == 0, stderr
    assert out.read_bytes().startswith(b"%PDF-") and "保存しました" in stdout
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    code, stdout, stderr = run_cli(["manual", "--out", str(blocked / "m.pdf")])
    assert code not in (0, 70)
    assert "ファイルの読み書きに失敗しました" in stderr and "Traceback" not in stderr + stdout


def test_an_installation_without_the_manual_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(manual, "CANDIDATES", (tmp_path / "none",))
    from dxdesk.errors import UserError

    with pytest.raises(UserError) as err:
        manual.manual_folder()
    assert err.value.code == "manual_missing"
