"""`dxdesk report` as a user runs it: the list, documents written, refusals with exit 1 and no
file left behind, usage errors with exit 2."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.reports.base import ReportRequest
from dxdesk.services.profile import Credentials, create_profile, open_profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate, list_kinds
from dxdesk.services.setup import recovery_key_text
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli
from tests.reports.readback import needs_pdftotext, read_pdf, squash

ENV = {"DXDESK_PASSPHRASE": PASSPHRASE}


@pytest.fixture
def cli_profile(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A closed profile with one visit and one consultation in November 2025."""
    root = tmp_path / "プロファイル"
    profile, recovery = create_profile(
        ProfilePaths(root),
        owner_name="山田 太郎",
        device_name="山田のノートPC",
        role="field",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    svc = RecordService(profile)
    svc.add(
        "visit",
        {
            "date": "2025-11-12",
            "org_id": "高千穂町",
            "mode": "訪問",
            "purpose": "ヒアリング",
            "title": "移行状況のヒアリング",
            "notes": "住民記録システムの移行状況を伺いました。",
        },
    )
    svc.add(
        "consultation",
        {
            "received_at": "2025-11-13T10:00",
            "channel": "電話",
            "org_id": "日之影町",
            "category": "eLTAX",
            "topic": "電子申告の設定",
            "status": "完了",
        },
    )
    profile.close(backup=False)
    yield root, recovery


def _run(root: Path, *args: str) -> tuple[int, str, str]:
    return run_cli(["--profile", str(root), "report", *args], env=ENV)


def test_list_names_every_kind() -> None:
    code, out, _err = run_cli(["report", "--list"])
    assert code == 0
    for name in ("hearing-sheet", "hearing-record", "monthly", "recovery-kit"):
        assert name in out
    assert "月次作業報告書" in out and "--month" in out and "xlsx" in out


@needs_pdftotext
def test_monthly_pdf_and_xlsx(cli_profile: tuple[Path, str], tmp_path: Path) -> None:
    root, _ = cli_profile
    for suffix in ("pdf", "xlsx"):
        out = tmp_path / "出力 先" / f"月次作業報告書.{suffix}"
        out.parent.mkdir(exist_ok=True)
        code, stdout, err = _run(root, "monthly", "--month", "2025-11", "--out", str(out))
        assert (code, err) == (0, "")
        assert "月次作業報告書を出力しました" in stdout and out.is_file()
    doc = read_pdf(tmp_path / "出力 先" / "月次作業報告書.pdf")
    assert doc.both("移行状況のヒアリング") and doc.both("電子申告の設定")
    assert doc.both("作成者山田太郎")


@needs_pdftotext
def test_hearing_sheet_by_code_with_another_mark(
    cli_profile: tuple[Path, str], tmp_path: Path
) -> None:
    root, _ = cli_profile
    out = tmp_path / "シート.pdf"
    code, _out, err = _run(
        root, "hearing-sheet", "--org", "454419", "--mark", "内部資料", "--out", str(out)
    )
    assert (code, err) == (0, "")
    doc = read_pdf(out)
    assert doc.both("内部資料") and not doc.both("取扱注意") and doc.both("高千穂町")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["monthly", "--month", "2019-06"], "データがありません"),
        (["monthly", "--month", "2025-13"], "令和7年11月"),
        (["monthly"], "--month"),
        (["hearing-sheet", "--org", "架空村"], "架空村"),
        (["no-such-document"], "no-such-document"),
    ],
)
def test_refusals_exit_1_and_write_nothing(
    cli_profile: tuple[Path, str], tmp_path: Path, args: list[str], needle: str
) -> None:
    root, _ = cli_profile
    out_dir = tmp_path / "出力"
    out_dir.mkdir()
    code, _out, err = _run(root, *args, "--out", str(out_dir / "x.pdf"))
    assert code == 1
    assert needle in err and "Traceback" not in err
    assert list(out_dir.iterdir()) == []


def test_bad_paths_and_formats(cli_profile: tuple[Path, str], tmp_path: Path) -> None:
    root, _ = cli_profile
    missing = tmp_path / "ない" / "x.pdf"
    code, _out, err = _run(root, "monthly", "--month", "2025-11", "--out", str(missing))
    assert code == 1 and "x.pdf" in err and not missing.parent.exists()
    code, _out, err = _run(root, "monthly", "--month", "2025-11", "--out", str(tmp_path))
    assert code == 1
    code, _out, err = _run(
        root, "hearing-record", "--visit", "x", "--out", str(tmp_path / "a.xlsx")
    )
    assert code == 1 and ".pdf" in err and not (tmp_path / "a.xlsx").exists()
    code, _out, err = _run(root, "monthly", "--month", "2025-11", "--out", str(tmp_path / "a.docx"))
    assert code == 1 and ".docx" in err


def test_usage_errors_exit_2(cli_profile: tuple[Path, str]) -> None:
    root, _ = cli_profile
    assert _run(root, "monthly", "--month", "2025-11")[0] == 2  # no --out
    assert _run(root)[0] == 2  # no KIND


@needs_pdftotext
def test_recovery_kit_from_the_saved_text(cli_profile: tuple[Path, str], tmp_path: Path) -> None:
    root, recovery = cli_profile
    saved = tmp_path / "回復キー.txt"
    saved.write_text(recovery_key_text(recovery, root, "山田 太郎", "山田のノートPC"), "utf-8")
    out = tmp_path / "回復キー.pdf"
    code, stdout, err = _run(root, "recovery-kit", "--key-file", str(saved), "--out", str(out))
    assert (code, err) == (0, "")
    assert recovery not in stdout
    text = squash(read_pdf(out).poppler)
    assert all(group in text for group in recovery.split("-"))
    # A key typed into a file by hand, but wrong: refused, nothing written, key not echoed.
    wrong = tmp_path / "wrong.txt"
    bad_key = ("A" if recovery[0] != "A" else "B") + recovery[1:]
    wrong.write_text(bad_key, "utf-8")
    out2 = tmp_path / "k2.pdf"
    code, stdout, err = _run(root, "recovery-kit", "--key-file", str(wrong), "--out", str(out2))
    assert code == 1 and "回復キーが正しくありません" in err
    assert bad_key not in err + stdout and not out2.exists()


def test_recovery_kit_from_the_environment_or_stdin(
    cli_profile: tuple[Path, str], tmp_path: Path
) -> None:
    root, recovery = cli_profile
    out = tmp_path / "env.pdf"
    code, _o, err = run_cli(
        ["--profile", str(root), "report", "recovery-kit", "--out", str(out)],
        env={**ENV, "DXDESK_RECOVERY_KEY": recovery},
    )
    assert (code, err) == (0, "") and out.is_file()
    out2 = tmp_path / "stdin.pdf"
    code, _o, err = run_cli(
        ["--profile", str(root), "report", "recovery-kit", "--out", str(out2)],
        env=ENV,
        stdin=recovery + "\n",
    )
    assert (code, err) == (0, "") and out2.is_file()


# Documents that cover every organisation, or whose organisation follows from the record printed.
NO_ORG = ("experts", "completion", "training-plan", "training-result", "monthly", "minutes")


def test_org_refused_for_documents_that_take_none(
    cli_profile: tuple[Path, str], tmp_path: Path
) -> None:
    root, _ = cli_profile
    takes_none = [k for k in list_kinds() if "org_id" not in (*k.needs, *k.optional)]
    assert set(NO_ORG) <= {k.name for k in takes_none}
    out = tmp_path / "出力.pdf"
    for kind in takes_none:
        code, _out, err = _run(
            root, kind.name, "--org", "高千穂町", "--fy", "2025", "--out", str(out)
        )
        assert code == 1, kind.name
        assert err.strip() == (
            f"エラー：{kind.title}は団体を指定して出力する帳票ではないため、--org を外して実行してください。"
        )
        assert "Traceback" not in err and not out.exists()
    # Refused before the passphrase is asked for: none is given here.
    code, _o, err = run_cli(
        ["--profile", str(root), "report", "completion", "--org", "454419", "--out", str(out)]
    )
    assert code == 1 and "業務完了報告書は団体を指定して" in err and not out.exists()
    # The documents that do take one still accept it.
    code, _o, err = _run(
        root, "consultations", "--month", "2025-11", "--org", "日之影町", "--out", str(out)
    )
    assert (code, err) == (0, "") and out.is_file()


def test_org_refused_by_the_service_too(cli_profile: tuple[Path, str], tmp_path: Path) -> None:
    """The GUI and scripts go through services.reports: the same refusal, no file."""
    root, _ = cli_profile
    profile = open_profile(
        ProfilePaths(root), Credentials(passphrase=PASSPHRASE, use_keyring=False)
    )
    try:
        with pytest.raises(UserError) as err:
            generate(
                profile,
                ReportRequest("completion", fy=2025, org_id="高千穂町"),
                tmp_path / "完了.pdf",
            )
        assert err.value.code == "report_org_not_taken"
        assert not (tmp_path / "完了.pdf").exists()
    finally:
        profile.close(backup=False)
