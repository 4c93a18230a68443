"""The supervisor's text of a document (業務実施計画書's purpose and scope, the working rules of
情報漏洩等への対策に関する文書): a shipped default in ``dxdesk/resources/`` with its source noted
there, replaced for a profile by a file of the same name in the profile folder (next to
settings.json), as the hearing checklist is. A file, not a record: it is the supervisor's
wording for this contract, written once in an editor; a copy goes to each laptop with the
profile (docs/reports.md).

Format (UTF-8 text): a line starting with ■ is a heading, blank lines separate paragraphs, lines
starting with # are skipped, ``{年度}`` becomes the fiscal year (令和7年度).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from dxdesk.errors import UserError


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


def template_text(name: str, profile_root: Path | None) -> tuple[str | None, str]:
    """(text, where it came from) of template ``name``: the file of that name in the profile
    folder when there is one (the supervisor's own), else the one shipped in resources/. The
    text is None when the profile's file cannot be read as UTF-8: the caller refuses it."""
    override = profile_root / name if profile_root else None
    if override is not None and override.is_file():
        try:
            return override.read_text(encoding="utf-8-sig"), str(override)
        except (OSError, UnicodeDecodeError):
            return None, str(override)
    return files("dxdesk.resources").joinpath(name).read_text(encoding="utf-8"), name


UNREADABLE = "UTF-8 のテキストとして読み込めません"


def load_template(name: str, profile_root: Path | None, *, fy_label: str) -> list[Section]:
    """The sections of template ``name`` (e.g. plan_template.txt): the profile's, else ours."""
    raw, source = template_text(name, profile_root)
    if raw is None:
        raise UserError("document_template_invalid", path=source, detail=UNREADABLE)
    sections: list[tuple[str, list[str]]] = []
    block: list[str] = []

    def close_block() -> None:
        if block:
            if not sections:
                sections.append(("", []))
            sections[-1][1].append("\n".join(block))
            block.clear()

    for line in raw.splitlines():
        item = line.strip()
        if item.startswith("#"):
            continue
        if not item:
            close_block()
        elif item.startswith("■"):
            close_block()
            sections.append((item.lstrip("■").strip(), []))
        else:
            block.append(item.replace("{年度}", fy_label))
    close_block()
    found = [Section(h, tuple(p)) for h, p in sections if p]
    if not found:
        raise UserError("document_template_invalid", path=source, detail="本文が1行もありません")
    return found
