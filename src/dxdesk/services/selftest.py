"""``dxdesk --self-test``: the app's whole path on two throwaway profiles, for an installed build.

A frozen build (packaging/) can lack a hidden import, a data file or a native library that the
source install has; such a gap shows only when that code runs. This runs each part a consultant's
day needs, on two temporary encrypted profiles (a hub and an enrolled field laptop) in a temporary
folder deleted afterwards: create and reopen the SQLCipher database, write, read, search, make a
PDF (with an embedded Japanese font) and an .xlsx, export a signed and encrypted bundle from the
laptop and import it at the hub. The user's own profile and keyring are never touched.

The passphrase is random, used in this process only and never printed; a failure names the step
and the error's sentence (a UserError never carries secrets) or the exception's type only.
"""

from __future__ import annotations

import io
import secrets
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dxdesk import __version__
from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, Profile, create_profile, open_profile
from dxdesk.store.keys import KdfParams

# The profiles live for a few seconds in a private temporary folder: the cheapest legal Argon2id
# cost keeps the check quick (it still runs Argon2id, so the native code is exercised).
SELF_TEST_KDF = KdfParams(iterations=1, memory_kib=8192, lanes=1)
NOTE = "自己診断の記録：高千穂町の住民記録システム移行について確認した。"
SEARCH_TERM = "住民記録システム移行"
VISIT_DATE = "2025-11-25"


@dataclass(frozen=True)
class Step:
    name: str  # Japanese, shown to the user
    seconds: float


class SelfTestFailed(Exception):
    """A step did not do what it must; ``str()`` is one Japanese sentence without secrets."""


Echo = Callable[[str], None]
# The window's part of the test (gui/selftest.py), given by the command line when Qt is there.
# It returns a short detail for the step's line (the Qt platform used).
WindowCheck = Callable[[Profile, bytes], str]


def run_self_test(
    echo: Echo,
    *,
    window_check: WindowCheck | None = None,
    work_dir: Path | None = None,
    passphrase: str | None = None,
) -> list[Step]:
    """Run every step, echoing one line each; raise SelfTestFailed naming the step that failed."""
    steps: list[Step] = []
    echo(
        f"dxdesk {__version__} 自己診断を開始します（一時フォルダの試験用プロファイルを使います）。"
    )
    with _workspace(work_dir) as root:
        # Random unless a test gives one to look for: never printed, never kept outside root.
        passphrase = passphrase or secrets.token_urlsafe(24)
        creds = Credentials(passphrase=passphrase, use_keyring=False)
        state: dict[str, object] = {}

        def step(name: str, action: Callable[[], str | None]) -> None:
            started = time.perf_counter()
            try:
                detail = action()
            except UserError as err:
                raise SelfTestFailed(f"{name}：失敗しました（{err.message}）") from None
            except SelfTestFailed as err:
                raise SelfTestFailed(f"{name}：失敗しました（{err}）") from None
            except Exception as exc:
                # The type only: an exception's text may quote data, and the log is not ours.
                raise SelfTestFailed(
                    f"{name}：予期しないエラーで失敗しました（{type(exc).__name__}）"
                ) from exc
            took = time.perf_counter() - started
            steps.append(Step(name, took))
            echo(f"  OK  {name}" + (f"：{detail}" if detail else "") + f"（{took:.2f} 秒）")

        hub_paths = ProfilePaths(root / "hub")
        field_paths = ProfilePaths(root / "field")
        profiles: list[Profile] = []
        try:
            step(
                "暗号化プロファイルの作成",
                lambda: _create(hub_paths, field_paths, passphrase, profiles, state),
            )
            field, hub = profiles[1], profiles[0]
            step("記録の書き込み", lambda: _write(field, state))
            step("暗号化の確認と再度の解錠", lambda: _reopen(field_paths, creds, profiles))
            field = profiles[1]
            step("記録の読み取り", lambda: _read(field, state))
            step("全文検索", lambda: _search(field, state))
            step("PDF の作成（日本語フォントの埋め込み）", lambda: _pdf(field, state))
            step("Excel（.xlsx）の作成", lambda: _xlsx(field, root))
            step("利用者マニュアルの作成", lambda: _manual(field, root))
            step("端末の登録（ハブとの鍵交換）", lambda: _enrol(hub, field, root))
            step("バンドルの作成と取り込み", lambda: _bundle(hub, field, root, state))
            step("資格情報ストア（鍵の記憶）の確認", _keyring)
            if window_check is not None:
                pdf = state["pdf"]
                assert isinstance(pdf, bytes)
                step("画面（Qt）の起動と描画", lambda: window_check(hub, pdf))
        finally:
            for profile in profiles:
                profile.close(backup=False)
    echo(f"自己診断は正常に終了しました（{len(steps)} 項目）。")
    return steps


def _manual(profile: Profile, root: Path) -> str:
    """The manual ships with the app (its Markdown and screenshots) and builds to a PDF."""
    from dxdesk.services import manual

    path = manual.cached_pdf(root / "cache", profile.settings.pdf_font)
    data = path.read_bytes()
    _check(data.startswith(b"%PDF-"), "マニュアルが PDF になっていません")
    built = manual.build(profile.settings.pdf_font)
    _check(not built.missing_images, "マニュアルの画面写真が含まれていません")
    return f"{built.pages} ページ"


@contextmanager
def _workspace(work_dir: Path | None) -> Iterator[Path]:
    try:
        if work_dir is not None:
            work_dir.mkdir(parents=True, exist_ok=True)
        root = Path(tempfile.mkdtemp(prefix="dxdesk-selftest-", dir=work_dir))
    except OSError as exc:
        raise SelfTestFailed(f"一時フォルダを作成できません（{type(exc).__name__}）") from None
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise SelfTestFailed(what)


def _create(
    hub_paths: ProfilePaths,
    field_paths: ProfilePaths,
    passphrase: str,
    profiles: list[Profile],
    state: dict[str, object],
) -> str:
    for paths, role, name in ((hub_paths, "hub", "統括"), (field_paths, "field", "現地")):
        profile, _recovery = create_profile(
            paths,
            owner_name=f"自己診断 {name}",
            device_name=f"自己診断の{name}端末",
            role=role,
            passphrase=passphrase,
            kdf=SELF_TEST_KDF,
        )
        profiles.append(profile)
    sqlcipher = str(profiles[1].info().get("sqlcipher", ""))
    state["sqlcipher"] = sqlcipher
    return f"SQLCipher {sqlcipher}"


def _write(field: Profile, state: dict[str, object]) -> str:
    from dxdesk.services.records import RecordService

    change = RecordService(field).add(
        "visit",
        {
            "date": VISIT_DATE,
            "org_id": "高千穂町",
            "mode": "訪問",
            "title": "自己診断の訪問",
            "notes": NOTE,
        },
    )
    state["visit_id"] = change.record_id
    return ""


def _reopen(field_paths: ProfilePaths, creds: Credentials, profiles: list[Profile]) -> str:
    profiles[1].close(backup=False)
    head = field_paths.database.read_bytes()[:16]
    # An SQLite file starts with this header in clear; SQLCipher's first page is random bytes.
    _check(head != b"SQLite format 3\x00", "データベースが暗号化されていません")
    _check(
        NOTE.encode("utf-8") not in field_paths.database.read_bytes(), "本文が平文で残っています"
    )
    profiles[1] = open_profile(field_paths, creds)
    return ""


def _read(field: Profile, state: dict[str, object]) -> str:
    from dxdesk.services.records import RecordService

    record = RecordService(field).get("visit", str(state["visit_id"]))
    _check(record.get("notes") == NOTE, "書き込んだ内容を読み戻せません")
    return ""


def _search(field: Profile, state: dict[str, object]) -> str:
    from dxdesk.services.records import RecordService

    found = RecordService(field).search(SEARCH_TERM)
    _check(
        any(h.record_id == state["visit_id"] for h in found.hits),
        "書き込んだ記録が検索で見つかりません",
    )
    return f"{found.total} 件"


def _pdf(field: Profile, state: dict[str, object]) -> str:
    import dataclasses

    from dxdesk.reports.fonts import BUNDLED_FONTS, register_fonts
    from dxdesk.services.reports import ReportRequest, build

    bundled = BUNDLED_FONTS / "ipaexg.ttf"
    if bundled.is_file():
        # An installed build checks the font it ships (a Mac has no other), in memory only.
        field.settings = dataclasses.replace(field.settings, pdf_font=str(bundled))
    data = build(field, ReportRequest(kind="monthly", month=VISIT_DATE[:7]), "pdf")
    _check(data.startswith(b"%PDF-"), "PDF の形式ではありません")
    # An embedded TrueType subset is a FontFile2 stream: the document reads the same anywhere.
    _check(b"/FontFile2" in data, "日本語フォントが埋め込まれていません")
    state["pdf"] = data
    fonts = register_fonts(field.settings.pdf_font)
    where = "同梱" if bundled.is_file() and fonts.path == bundled else "この端末"
    return f"{fonts.family}（{where}のフォント）、{len(data):,} バイト"


def _xlsx(field: Profile, root: Path) -> str:
    from openpyxl import load_workbook

    from dxdesk.services.reports import ReportRequest, generate

    out = generate(field, ReportRequest(kind="monthly", month=VISIT_DATE[:7]), root / "m.xlsx")
    data = out.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        _check("xl/workbook.xml" in archive.namelist(), "Excel ファイルの形式ではありません")
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    sheets = len(workbook.sheetnames)
    workbook.close()
    _check(sheets >= 1, "Excel ファイルにシートがありません")
    return f"{sheets} シート"


def _enrol(hub: Profile, field: Profile, root: Path) -> str:
    from dxdesk.services import sync

    request, _fingerprint = sync.write_request(field, root / "request.dxenrol")
    team = sync.accept(hub, sync.read_request(request), root / "team.dxenrol")
    sync.join(field, sync.read_team(team))
    return ""


def _keyring() -> str:
    """The OS keyring is only looked at (nothing stored): a frozen build that lost keyring's
    backends would silently stop offering "remember on this computer"."""
    import sys

    from dxdesk.services.setup import keyring_option

    usable, problem = keyring_option()
    if usable:
        return "利用できます"
    # Windows and macOS always have one (Credential Manager, Keychain); a bare Linux box may not.
    _check(sys.platform not in ("win32", "darwin"), problem)
    return f"この端末では利用できません（{problem}）"


def _bundle(hub: Profile, field: Profile, root: Path, state: dict[str, object]) -> str:
    from dxdesk.services import sync
    from dxdesk.services.records import RecordService

    exported = sync.export_bundle(field, hub.device_id, root / "usb")
    _check(exported.path.suffix == ".dxb", "バンドルのファイル名が正しくありません")
    _check(NOTE.encode("utf-8") not in exported.path.read_bytes(), "バンドルが暗号化されていません")
    imported = sync.import_bundle(hub, exported.path)
    _check(imported.applied, "バンドルを取り込めませんでした")
    record = RecordService(hub).get("visit", str(state["visit_id"]))
    _check(record.get("notes") == NOTE, "取り込んだ記録の内容が一致しません")
    return f"{exported.count} 件の変更"
