"""The one-folder build (packaging/build.py) on this OS, started as a user would: the built
`dxdesk --self-test` offscreen, so a hidden import, data file, Qt plugin or native library left
out is caught here. Slow: PyInstaller takes about a minute on two cores."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dxdesk import __version__
from tests.conftest import PASSPHRASE
from tests.store.test_versions import v1_profile

ROOT = Path(__file__).resolve().parents[2]
DEBIAN_FONT = Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")
DEBIAN_LICENCE = Path("/usr/share/doc/fonts-ipaexfont-gothic/copyright")
BUILD_BUDGET_S = 300

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("build")
    args = [sys.executable, str(ROOT / "packaging" / "build.py")]
    args += ["--dist", str(work / "dist"), "--work", str(work / "work")]
    if DEBIAN_FONT.is_file() and DEBIAN_LICENCE.is_file():
        # CI has Debian's copy: no download. Elsewhere build.py fetches the pinned archive.
        fonts = work / "font"
        fonts.mkdir()
        shutil.copyfile(DEBIAN_FONT, fonts / "ipaexg.ttf")
        shutil.copyfile(DEBIAN_LICENCE, fonts / "IPA_Font_License_Agreement_v1.0.txt")
        args += ["--font-dir", str(fonts)]
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, check=False)
    took = time.perf_counter() - started
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert took < BUILD_BUDGET_S, f"the build took {took:.0f} s"
    return work / "dist" / "dxdesk"


def _env(tmp: Path) -> dict[str, str]:
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "DXDESK_", "VIRTUAL_ENV", "QT_"))
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        TMPDIR=str(tmp),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def _exe(folder: Path, name: str) -> Path:
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def test_the_built_app_passes_its_self_test(built: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(_exe(built, "dxdesk")), "--self-test"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert out.splitlines()[-1].startswith("自己診断は正常に終了しました")
    # The font the build ships is the one the PDF embedded (a Mac has no other).
    assert "ipaexg（同梱のフォント）" in out
    assert "offscreen" in out
    assert [p.name for p in tmp_path.iterdir()] == ["home"]


def test_the_built_app_opens_a_profile_an_older_version_left(built: Path, tmp_path: Path) -> None:
    paths = v1_profile(tmp_path / "旧版のプロファイル")
    env = {**_env(tmp_path), "DXDESK_PASSPHRASE": PASSPHRASE}
    version = subprocess.run(
        [str(_exe(built, "dxdesk")), "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert version.stdout.strip() == f"dxdesk, version {__version__}"
    info = subprocess.run(
        [str(_exe(built, "dxdesk")), "--profile", str(paths.root), "list", "visit"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert info.returncode == 0, info.stdout + info.stderr
    assert "移行計画ヒアリング" in info.stdout


def test_the_window_program_takes_only_its_own_arguments(built: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(_exe(built, "dxdesk-gui")), "--no-such-option"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and "dxdesk-gui" in result.stderr


def test_only_the_qt_parts_the_app_uses_are_bundled(built: Path) -> None:
    inside = built / "_internal"
    qt = inside / "PySide6" / "Qt"
    plugins = {p.parent.name + "/" + p.name for p in (qt / "plugins").glob("*/*")}
    assert any("qoffscreen" in p for p in plugins) and any("qxcb" in p for p in plugins)
    for unused in ("qjpeg", "qtiff", "qwebp", "qpdf", "qeglfs", "qvnc", "qtvirtualkeyboard"):
        assert not any(unused in p for p in plugins), unused
    assert not (qt / "qml").exists()
    assert sorted(p.name for p in (qt / "translations").iterdir()) == [
        "qtbase_en.qm",
        "qtbase_ja.qm",
    ]
    assert not list(inside.rglob("*QtWebEngine*")) and not list(inside.rglob("*Qt6Quick*"))
    assert (inside / "dxdesk" / "resources" / "translations" / "dxdesk_en.qm").is_file()
    assert len(list((inside / "dxdesk" / "store" / "migrations").glob("*.sql"))) >= 12
    assert (inside / "dxdesk" / "resources" / "fonts" / "ipaexg.ttf").is_file()


def test_the_licences_of_everything_bundled_are_listed(built: Path) -> None:
    listed = json.loads(
        (built / "_internal" / "dxdesk" / "resources" / "licenses.json").read_text("utf-8")
    )
    names = {row["name"] for row in listed}
    for part in ("dxdesk", "PySide6_Essentials", "sqlcipher3", "SQLCipher", "Qt", "reportlab"):
        assert part in names, part
    assert "IPAexゴシック" in names
    # Installed for the tools only, never imported by the app: not bundled, not listed.
    assert "pip" not in names and "pytest" not in names
    text = (built / "LICENSES.txt").read_text(encoding="utf-8")
    assert text.startswith(f"dxdesk {__version__}:")
    for row in listed:
        assert f"{row['name']} {row['version']}".rstrip() in text, row["name"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "IPA" in text and "ZETETIC" in text


def test_the_installer_version_comes_from_the_package(built: Path) -> None:
    version_file = ROOT / "build" / "packaging" / "version.iss"
    assert version_file.read_text(encoding="utf-8") == f'#define AppVersion "{__version__}"\n'


def test_the_linux_install_gives_a_menu_entry_icon_and_file_types(
    built: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = {**_env(tmp_path), "DXDESK_PREFIX": str(home / "opt" / "dxdesk")}
    script = ROOT / "packaging" / "linux" / "install.sh"
    for _twice in range(2):  # installing over an installed copy replaces it
        result = subprocess.run(
            ["sh", str(script), str(built)], capture_output=True, text=True, env=env, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
    data = home / "data"
    desktop = (data / "applications" / "dxdesk.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in desktop.splitlines() if line.startswith("Exec="))
    program = Path(exec_line.removeprefix("Exec=").removesuffix(" %f"))
    assert program == home / "opt" / "dxdesk" / "dxdesk-gui" and os.access(program, os.X_OK)
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "dxdesk.svg").is_file()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "dxdesk.png").is_file()
    globs = data / "mime" / "globs2"
    if shutil.which("update-mime-database"):
        text = globs.read_text(encoding="utf-8")
        assert "application/x-dxdesk-bundle:*.dxb" in text
        assert "application/x-dxdesk-enrolment:*.dxenrol" in text
    removed = subprocess.run(
        ["sh", str(script), "--uninstall"], capture_output=True, text=True, env=env, check=False
    )
    assert removed.returncode == 0 and not program.exists()
