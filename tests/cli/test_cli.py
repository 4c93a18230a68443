"""End-to-end tests of the ``dxdesk`` command, run in-process the way a user runs it.

Every test drives ``dxdesk.cli.main.main`` with real arguments against a real SQLCipher profile
in a folder whose name contains Japanese (only the KDF cost is lowered, by conftest).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import click
import pytest

from dxdesk.cli.main import LAZY_COMMANDS
from dxdesk.cli.main import cli as cli_group
from dxdesk.store.backup import check_backup
from dxdesk.store.database import connect
from tests.conftest import PASSPHRASE, run_cli, tree_digest

RECOVERY_LINE = re.compile(r"^    ((?:[A-Z2-7]{4}  ){3}[A-Z2-7]{4})$", re.MULTILINE)
NEW_PASSPHRASE = "新しい合言葉 second-2025"


class Cli:
    """A profile folder plus the environment a script would use."""

    def __init__(self, root: Path, passphrase: str = PASSPHRASE) -> None:
        self.root = root
        self.passphrase = passphrase
        self.recovery = ""

    def run(
        self, *args: str, passphrase: str | None = None, env: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        full_env = {"DXDESK_PASSPHRASE": passphrase or self.passphrase, **(env or {})}
        return run_cli(["--profile", str(self.root), *args], env=full_env)

    def ok(self, *args: str, **kwargs: Any) -> str:
        code, out, err = self.run(*args, **kwargs)
        assert code == 0, f"dxdesk {' '.join(args)} -> {code}\n{out}\n{err}"
        assert err == ""
        return out

    def refused(self, *args: str, **kwargs: Any) -> str:
        """Run a command that must fail as a user error; return its single stderr line."""
        code, out, err = self.run(*args, **kwargs)
        assert code == 1, f"dxdesk {' '.join(args)} -> {code}\n{out}\n{err}"
        assert "Traceback" not in out + err
        lines = err.splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith("エラー："), err
        return lines[0]

    def add(self, kind: str, *assignments: str) -> str:
        record_id = self.ok("add", kind, *assignments).strip()
        assert re.fullmatch(r"[0-9a-f-]{36}", record_id), record_id
        return record_id

    def json(self, *args: str, **kwargs: Any) -> Any:
        return json.loads(self.ok(*args, "--format", "json", **kwargs))

    def staff_id(self) -> str:
        staff = self.json("list", "staff")
        assert len(staff) == 1
        return str(staff[0]["id"])

    def raw_key(self) -> bytes:
        out = self.ok("raw-key", "--yes").strip()
        return bytes.fromhex(out)


def recovery_key_of(out: str) -> str:
    lines = RECOVERY_LINE.findall(out)
    assert len(lines) == 2, out
    groups = " ".join(lines).split()
    assert len(groups) == 8 and all(len(g) == 4 for g in groups), groups
    return "-".join(groups)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "宮崎 テスト" / "プロファイル"


@pytest.fixture
def app(root: Path) -> Cli:
    c = Cli(root)
    out = c.ok("init", "--name", "山田 太郎", "--device", "山田のノートPC")
    c.recovery = recovery_key_of(out)
    return c


def write_secret(path: Path, text: str) -> str:
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


# ---------------------------------------------------------------------- profile commands


def test_init_prints_recovery_key_and_profile_path(root: Path) -> None:
    c = Cli(root)
    out = c.ok("init", "--name", "山田 太郎", "--device", "山田のノートPC", "--role", "hub")
    assert str(root) in out
    key = recovery_key_of(out)
    assert len(key.replace("-", "")) == 32
    assert (root / "dxdesk.db").is_file()
    assert (root / "keys.json").is_file()
    info = c.json("info")
    assert info["role"] == "hub"
    assert info["owner"] == "山田 太郎"
    assert info["device"] == "山田のノートPC"
    # The key shown is the real one: it unlocks the profile.
    c.ok("unlock", "--recovery-key", "--key", key, env={"DXDESK_NEW_PASSPHRASE": NEW_PASSPHRASE})


def test_version() -> None:
    from dxdesk import __version__

    code, out, _err = run_cli(["--version"])
    assert code == 0
    assert __version__ in out
    assert "dxdesk" in out


def test_no_subcommand_prints_help() -> None:
    code, out, _err = run_cli([])
    assert code == 0
    assert "init" in out and "search" in out


def test_info_table_and_json(app: Cli) -> None:
    out = app.ok("info")
    assert str(app.root) in out
    assert "山田 太郎" in out
    assert "SQLCipher 4." in out
    assert "passphrase" in out and "recovery" in out
    data = app.json("info")
    assert data["profile"] == str(app.root)
    assert data["sqlcipher"].startswith("4.")
    assert data["slots"] == ["passphrase", "recovery"]
    assert data["counts"]["organisation"] == 28
    assert data["counts"]["staff"] == 1
    assert data["counts"]["visit"] == 0


def test_verify(app: Cli) -> None:
    app.add("visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=定例訪問")
    out = app.ok("verify")
    assert "SQLCipher 4." in out
    assert "問題ありません" in out
    assert "記録 30 件" in out  # 28 organisations, the owner, one visit


# ---------------------------------------------------------------------- records, every kind


def kind_cases(c: Cli) -> dict[str, tuple[list[str], tuple[str, Any], str]]:
    """kind -> (assignments for add, (an edit, the value stored), a text expected in `show`)."""
    staff = c.staff_id()
    goal = c.add("goal", "fy=2025", "title=相談対応件数")
    meeting = c.add("meeting", "title=定例会", "date=2025-12-05")
    return {
        "meeting_item": (
            [f"meeting_id={meeting}", "item_type=課題事項", "text=帳票差分をベンダに確認する。"],
            ("owner=当方", "当方"),
            "帳票差分をベンダに確認する。",
        ),
        "training_wish": (
            ["org_id=椎葉村", "theme=生成AIの業務活用", "preferred_format=オンライン"],
            ("preferred_period=9月頃", "9月頃"),
            "生成AIの業務活用",
        ),
        "visit": (
            [
                "date=令和7年11月25日",
                "org_id=五ケ瀬町",
                "mode=訪問",
                "purpose=ヒアリング",
                "title=標準化の進捗ヒアリング",
                "start_time=13:30",
                "end_time=15:00",
                "notes=住民記録システムの移行計画について確認した。",
            ],
            ("title=標準化の進捗ヒアリング（第2回）", "標準化の進捗ヒアリング（第2回）"),
            "住民記録システムの移行計画",
        ),
        "issue": (
            [
                "org_id=日之影町",
                "title=ベンダの移行スケジュール遅延",
                "status=対応中",
                "priority=高",
                "system_code=01",
                "raised_on=2025-10-01",
            ],
            ("status=完了", "完了"),
            "ベンダの移行スケジュール遅延",
        ),
        "consultation": (
            [
                "received_at=2025-11-20 10:15",
                "channel=電話",
                "org_id=串間市",
                "category=フロントヤード改革",
                "topic=書かない窓口の導入手順",
                "status=未対応",
            ],
            ("status=対応中", "対応中"),
            "書かない窓口の導入手順",
        ),
        "time": (
            [
                "date=2025-11-25",
                f"staff_id={staff}",
                "org_id=高千穂町",
                "hours=3.5",
                "on_site=はい",
                "activity=現地支援",
                "note=移行計画の確認",
            ],
            ("hours=4", 4.0),
            "移行計画の確認",
        ),
        "training": (
            [
                "title=生成AI活用研修",
                "training_type=研修",
                "status=計画中",
                "date=2026-01-20",
                "start_time=13:00",
                "end_time=16:00",
                "planned_participants=40",
            ],
            ("status=確定", "確定"),
            "生成AI活用研修",
        ),
        "expert": (
            [
                "name=佐藤 花子",
                "affiliation=地域情報化アドバイザー",
                "fields=セキュリティ、クラウド",
                "available=1",
            ],
            ("affiliation=総務省 地域情報化アドバイザー", "総務省 地域情報化アドバイザー"),
            "佐藤 花子",
        ),
        "goal": (
            ["fy=2025", "title=研修参加者数", "target_value=300", "unit=人"],
            ("target_value=350", 350.0),
            "研修参加者数",
        ),
        "goal_progress": (
            [f"goal_id={goal}", "month=2025-11", "value=12", "note=11月分の実績"],
            ("value=15", 15.0),
            "11月分の実績",
        ),
        "meeting": (
            [
                "title=月次報告会（11月）",
                "meeting_type=月次報告会",
                "date=2025-12-05",
                "format=対面",
                "minutes=各団体の進捗を共有した。",
            ],
            ("next_meeting=次回は1月に開催する。", "次回は1月に開催する。"),
            "各団体の進捗を共有した",
        ),
        "step_status": (
            ["org_id=454435", "system_code=住民記録", "step_no=12", "status=作業中"],
            ("status=完了済み", "完了済み"),
            "作業中",
        ),
        "system_status": (
            [
                "org_id=綾町",
                "system_code=02",
                "cloud=AWS",
                "special_support=1",
                "special_reason=ベンダリソース逼迫",
            ],
            ("live=1", True),
            "ベンダリソース逼迫",
        ),
        "contact": (
            ["org_id=小林市", "name=鈴木 一郎", "department=総務課", "title=係長"],
            ("title=課長補佐", "課長補佐"),
            "鈴木 一郎",
        ),
        "vendor": (
            ["name=株式会社テスト情報", "products=住記パッケージ、税務パッケージ"],
            ("contact=03-0000-0000", "03-0000-0000"),
            "株式会社テスト情報",
        ),
        "engagement": (
            [
                "org_id=諸塚村",
                "fy=2025",
                "start_date=2025-06-01",
                "end_date=2026-03-31",
                "target_days=10",
                "theme=窓口DX",
            ],
            ("target_days=8", 8),
            "窓口DX",
        ),
        "case_study": (
            ["org_id=諸塚村", "title=書かない窓口の導入", "status=作成中"],
            ("status=確認中", "確認中"),
            "書かない窓口の導入",
        ),
        "closed_day": (
            ["date=2025-08-15", "reason=庁舎の電気設備点検"],
            ("reason=庁舎の電気設備点検（終日）", "庁舎の電気設備点検（終日）"),
            "庁舎の電気設備点検",
        ),
        "group": (
            ["name=西臼杵3町", "group_type=生活圏"],
            ("description=高千穂・日之影・五ヶ瀬", "高千穂・日之影・五ヶ瀬"),
            "西臼杵3町",
        ),
    }


def test_add_show_edit_delete_undelete_every_kind(app: Cli) -> None:
    cases = kind_cases(app)
    for kind, (assignments, (edit, stored), shown) in cases.items():
        before = {r["id"] for r in app.json("list", kind)}
        record_id = app.add(kind, *assignments)
        listed = {r["id"] for r in app.json("list", kind)}
        assert listed == before | {record_id}, kind

        out = app.ok("show", kind, record_id)
        assert record_id in out and shown in out, (kind, out)

        name = edit.partition("=")[0]
        assert app.json("show", kind, record_id)[name] != stored, kind
        out = app.ok("edit", kind, record_id, edit)
        assert name in out, (kind, out)
        if kind == "time":  # append-only: the edit is a correcting entry with a new id
            old_id, record_id = record_id, out.strip().split("：")[-1]
            assert record_id != old_id and app.json("show", kind, record_id)["supersedes"] == old_id
            assert old_id not in {r["id"] for r in app.json("list", kind)}
        assert app.json("show", kind, record_id)[name] == stored, kind
        # The same edit again changes nothing.
        assert "変更はありません" in app.ok("edit", kind, record_id, edit)

        assert "削除しました" in app.ok("delete", kind, record_id)
        assert record_id not in {r["id"] for r in app.json("list", kind)}
        assert record_id in {r["id"] for r in app.json("list", kind, "--deleted")}
        assert app.json("show", kind, record_id)["_deleted"] is True
        assert "既に削除" in app.ok("delete", kind, record_id)
        line = app.refused("edit", kind, record_id, edit)
        assert "削除済み" in line

        assert "元に戻しました" in app.ok("undelete", kind, record_id)
        assert record_id in {r["id"] for r in app.json("list", kind)}
        assert "削除されていません" in app.ok("undelete", kind, record_id)


def test_values_are_stored_in_canonical_form(app: Cli) -> None:
    visit = app.add(
        "visit",
        "date=令和7年11月25日(火)",
        "org_id=五ケ瀬町",
        "mode=訪問",
        "title=件名",
        "start_time=９:05",
        "end_time=10:35",
        "systems=住民記録、税務",
    )
    record = app.json("show", "visit", visit)
    assert record["date"] == "2025-11-25"
    assert record["start_time"] == "09:05"
    assert record["hours"] == 1.5  # filled from the times
    assert record["systems"] == ["住民記録", "税務"]
    orgs = {r["id"]: r for r in app.json("list", "organisation")}
    assert orgs[record["org_id"]]["name"] == "五ヶ瀬町"


def test_list_formats_and_org_filter(app: Cli) -> None:
    gokase = app.add(
        "visit",
        "date=2025-11-25",
        "org_id=五ケ瀬町",
        "mode=訪問",
        "title=五ヶ瀬町での打合せ, 「引用」付き",
    )
    takachiho = app.add(
        "visit",
        "date=2025-11-26",
        "org_id=高千穂町",
        "mode=オンライン",
        "title=高千穂町とのWeb会議",
    )

    table = app.ok("list", "visit")
    assert gokase in table and takachiho in table
    assert "五ヶ瀬町" in table and "高千穂町" in table
    assert "（2件）" in table
    lines = table.splitlines()
    assert lines[0].startswith("ID") and "日付" in lines[0]
    # Newest first.
    assert lines.index(next(x for x in lines if takachiho in x)) < lines.index(
        next(x for x in lines if gokase in x)
    )

    records = app.json("list", "visit")
    assert [r["id"] for r in records] == [takachiho, gokase]

    rows = list(csv.reader(io.StringIO(app.ok("list", "visit", "--format", "csv"))))
    assert rows[0][0] == "id" and "title" in rows[0]
    by_id = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert by_id[gokase]["title"] == "五ヶ瀬町での打合せ, 「引用」付き"
    assert set(by_id) == {gokase, takachiho}

    for org in ("五ケ瀬町", "五ヶ瀬町", "454435", "45443"):
        assert [r["id"] for r in app.json("list", "visit", "--org", org)] == [gokase], org
    assert [r["id"] for r in app.json("list", "visit", "--org", "高千穂町")] == [takachiho]
    out = app.ok("list", "visit", "--org", "五ケ瀬町")
    assert gokase in out and takachiho not in out
    assert len(app.json("list", "visit", "--limit", "1")) == 1

    line = app.refused("list", "visit", "--org", "存在しない村")
    assert "存在しない村" in line
    line = app.refused("list", "expert", "--org", "高千穂町")
    assert "専門人材" in line


INVALID_ADDS = [
    # (kind, assignments, text the one-line message must contain)
    ("time", ["date=2025-11-25", "staff_id={staff}", "hours=25"], "hours"),
    ("time", ["date=2025-11-25", "staff_id={staff}", "hours=0"], "hours"),
    (
        "visit",
        [
            "date=2025-11-25",
            "org_id=高千穂町",
            "mode=訪問",
            "title=x",
            "start_time=15:00",
            "end_time=13:00",
        ],
        "end_time",
    ),
    ("visit", ["date=2025-02-30", "org_id=高千穂町", "mode=訪問", "title=x"], "date"),
    (
        "visit",
        ["date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=x", "colour=red"],
        "colour",
    ),
    ("visit", ["date=2025-11-25", "org_id=存在しない町", "mode=訪問", "title=x"], "存在しない町"),
    ("visit", ["date=2025-11-25", "org_id=高千穂町", "mode=訪問"], "title"),
    ("visit", ["date=2025-11-25", "org_id=高千穂町", "mode=徒歩", "title=x"], "mode"),
    (
        "visit",
        ["date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=x", "start_time=25:00"],
        "start_time",
    ),
    (
        "visit",
        ["date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=x", "staff_id=not-an-id"],
        "staff_id",
    ),
    ("visit", ["date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=二行\n目"], "title"),
    (
        "issue",
        [
            "org_id=高千穂町",
            "title=x",
            "status=対応中",
            "raised_on=2025-10-01",
            "closed_on=2025-09-30",
        ],
        "closed_on",
    ),
    (
        "step_status",
        ["org_id=高千穂町", "system_code=01", "step_no=41", "status=作業中"],
        "step_no",
    ),
    (
        "step_status",
        ["org_id=高千穂町", "system_code=99", "step_no=1", "status=作業中"],
        "system_code",
    ),
    ("goal", ["fy=来年", "title=x"], "fy"),
    (
        "consultation",
        [
            "received_at=2025-11-20 10:15",
            "channel=FAX",
            "org_id=串間市",
            "category=その他",
            "topic=x",
            "status=未対応",
        ],
        "channel",
    ),
    ("visitt", ["date=2025-11-25"], "visitt"),
    ("visit", ["title"], "title"),
]


@pytest.mark.parametrize(("kind", "assignments", "named"), INVALID_ADDS)
def test_invalid_value_is_refused_naming_the_field(
    app: Cli, kind: str, assignments: list[str], named: str
) -> None:
    staff = app.staff_id()
    args = [a.replace("{staff}", staff) for a in assignments]
    before = tree_digest(app.root)
    line = app.refused("add", kind, *args)
    assert named in line, line
    assert tree_digest(app.root) == before  # nothing was written, not even half a record


def test_invalid_edit_is_refused_and_changes_nothing(app: Cli) -> None:
    visit = app.add(
        "visit",
        "date=2025-11-25",
        "org_id=高千穂町",
        "mode=訪問",
        "title=x",
        "start_time=10:00",
        "end_time=11:00",
    )
    before = app.json("show", "visit", visit)
    # end before the stored start: the rule sees the merged record
    assert "end_time" in app.refused("edit", "visit", visit, "end_time=09:00")
    assert "date" in app.refused("edit", "visit", visit, "date=2025-13-01")
    assert "colour" in app.refused("edit", "visit", visit, "colour=red")
    assert "title" in app.refused("edit", "visit", visit, "title=")
    line = app.refused("edit", "visit", "01a2121d-0000-7000-8000-000000000000", "title=y")
    assert "01a2121d-0000-7000-8000-000000000000" in line
    app.refused("edit", "visit", visit)  # nothing to change
    assert app.json("show", "visit", visit) == before


def test_search_finds_japanese_with_short_queries(app: Cli) -> None:
    visit = app.add(
        "visit",
        "date=2025-11-25",
        "org_id=高千穂町",
        "mode=訪問",
        "title=夜神楽の季節の訪問",
        "notes=鶏料理の店で棚田の保全と観光アプリについて意見交換した。",
    )
    issue = app.add(
        "issue",
        "org_id=日之影町",
        "title=棚田オーナー制度の申込管理",
        "status=未対応",
        "description=紙の申込書を電子化したい。",
    )
    gone = app.add(
        "consultation",
        "received_at=2025-11-20 10:15",
        "channel=電話",
        "org_id=串間市",
        "category=その他",
        "topic=棚田の写真の使用許諾",
        "status=未対応",
    )
    app.ok("delete", "consultation", gone)

    def hits(*query: str) -> set[str]:
        return {h["record_id"] for h in app.json("search", *query)}

    assert hits("鶏") == {visit}  # one character
    assert hits("棚田") == {visit, issue}  # two characters, deleted record left out
    assert hits("夜神楽") == {visit}  # trigram index
    assert hits("観光アプリ") == {visit}
    assert hits("棚田", "電子化") == {issue}  # every term must match
    assert hits("鯨") == set()
    out = app.ok("search", "棚田")
    assert "（2件）" in out and "課題" in out and "訪問・ヒアリング" in out
    found = app.json("search", "鶏料理")
    assert found[0]["kind"] == "visit" and "鶏料理" in found[0]["snippet"]


def test_search_folds_spellings_says_what_is_left_and_marks_matches(app: Cli) -> None:
    wide = app.add(
        "visit",
        "date=2025-11-25",
        "org_id=日南市",
        "mode=訪問",
        "title=回線の確認",
        "notes=ＬＧＷＡＮ接続系の端末を確認した。",
    )
    narrow = app.add(
        "consultation",
        "received_at=2025-11-20 10:15",
        "channel=電話",
        "org_id=五ケ瀬町",
        "category=その他",
        "topic=LGWAN-ASPの利用申請",
        "status=未対応",
    )
    out = app.ok("search", "ｌｇｗａｎ")
    header = out.splitlines()[0].split()
    assert header == ["種類", "日付", "団体", "件名", "該当箇所", "ID"]
    assert "日南市" in out and "五ヶ瀬町" in out  # 団体, by name
    assert "【ＬＧＷＡＮ】接続系" in out and "【LGWAN】-ASP" in out  # as written, marked
    assert "2025-11-20 10:15" in out and "2025-11-20T10:15" not in out  # the tables' display
    assert out.rstrip().endswith("（2件）")
    # A cut is said, with how to see the rest.
    out = app.ok("search", "LGWAN", "--limit", "1")
    assert wide in out and narrow not in out
    assert "全2件のうち1〜1件目を表示しています。残り1件は --offset 1 で続きを表示できます" in out
    out = app.ok("search", "LGWAN", "--limit", "1", "--offset", "1")
    assert narrow in out and wide not in out
    assert "全2件のうち2〜2件目を表示しています" in out and "残り" not in out
    # JSON stays a list on stdout; the note goes to stderr; marks are spans of the snippet.
    code, stdout, stderr = app.run("search", "LGWAN", "--limit", "1", "--format", "json")
    assert code == 0
    [hit] = json.loads(stdout)
    assert (hit["record_id"], hit["org"], hit["date"]) == (wide, "日南市", "2025-11-25")
    assert [hit["snippet"][a:b] for a, b in hit["marks"]] == ["ＬＧＷＡＮ"]
    assert "残り1件" in stderr
    towns = [h for h in app.json("search", "五ケ瀬") if h["kind"] == "organisation"]
    assert [h["title"] for h in towns] == ["五ヶ瀬町"]


# ---------------------------------------------------------------------- keys


def test_passwd_with_new_passphrase_file(app: Cli, tmp_path: Path) -> None:
    new_file = write_secret(tmp_path / "新しい.txt", NEW_PASSPHRASE)
    assert "変更しました" in app.ok("passwd", "--new-passphrase-file", new_file)
    line = app.refused("info")
    assert "パスフレーズが正しくありません" in line
    assert app.json("info", passphrase=NEW_PASSPHRASE)["slots"] == ["recovery", "passphrase"]
    # The recovery key is untouched by a passphrase change.
    app.ok(
        "unlock",
        "--recovery-key",
        "--key",
        app.recovery,
        env={"DXDESK_NEW_PASSPHRASE": PASSPHRASE},
        passphrase="unused-value",
    )
    app.ok("info")


def test_passwd_refuses_short_passphrase(app: Cli, tmp_path: Path) -> None:
    short = write_secret(tmp_path / "short.txt", "1234567")
    before = tree_digest(app.root)
    assert "8文字以上" in app.refused("passwd", "--new-passphrase-file", short)
    assert tree_digest(app.root) == before
    app.ok("info")


def test_unlock_with_recovery_key_sets_new_passphrase(app: Cli, tmp_path: Path) -> None:
    visit = app.add("visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=x")
    new_file = write_secret(tmp_path / "new.txt", NEW_PASSPHRASE)
    # Typed by hand: lower case, spaces instead of hyphens.
    typed = app.recovery.lower().replace("-", " ")
    out = app.ok(
        "unlock",
        "--recovery-key",
        "--key",
        typed,
        "--new-passphrase-file",
        new_file,
        passphrase="forgotten passphrase",
    )
    assert "新しいパスフレーズを設定しました" in out
    assert "パスフレーズが正しくありません" in app.refused("info")
    assert [r["id"] for r in app.json("list", "visit", passphrase=NEW_PASSPHRASE)] == [visit]


def test_rekey_replaces_key_and_recovery_key(app: Cli, tmp_path: Path) -> None:
    ids = [
        app.add("visit", f"date=2025-11-{day}", "org_id=高千穂町", "mode=訪問", f"title=訪問{day}")
        for day in (10, 11, 12)
    ]
    old_key = app.raw_key()
    new_file = write_secret(tmp_path / "new.txt", NEW_PASSPHRASE)
    out = app.ok("rekey", "--new-passphrase-file", new_file)
    new_recovery = recovery_key_of(out)
    assert new_recovery != app.recovery

    app.passphrase = NEW_PASSPHRASE
    assert app.raw_key() != old_key
    assert sorted(r["id"] for r in app.json("list", "visit")) == sorted(ids)
    assert "問題ありません" in app.ok("verify")
    assert "パスフレーズが正しくありません" in app.refused("info", passphrase=PASSPHRASE)

    env = {"DXDESK_NEW_PASSPHRASE": "third passphrase 3"}
    before = tree_digest(app.root)
    line = app.refused("unlock", "--recovery-key", "--key", app.recovery, env=env)
    assert "回復キーが正しくありません" in line
    assert tree_digest(app.root) == before
    app.ok("unlock", "--recovery-key", "--key", new_recovery, env=env)
    assert len(app.json("list", "visit", passphrase="third passphrase 3")) == 3
    # The old key no longer opens the database file.
    with pytest.raises(Exception):  # noqa: B017 - UserError(database_corrupt)
        connect(app.root / "dxdesk.db", old_key).close()


# ---------------------------------------------------------------------- backup and restore


def test_backup_and_restore(app: Cli, tmp_path: Path) -> None:
    kept_visit = app.add("visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=残る")
    dest = tmp_path / "外部メディア" / "バックアップ.db"
    out = app.ok("backup", "--out", str(dest))
    assert str(dest) in out
    assert dest.is_file()
    later = app.add("visit", "date=2025-11-26", "org_id=高千穂町", "mode=訪問", "title=消える")
    assert {r["id"] for r in app.json("list", "visit")} == {kept_visit, later}
    key = app.raw_key()

    out = app.ok("restore", str(dest), "--yes")
    assert [r["id"] for r in app.json("list", "visit")] == [kept_visit]
    assert "問題ありません" in app.ok("verify")

    # The database that was replaced is kept under backups/ and still opens, with the later record.
    kept = sorted((app.root / "backups").glob("pre-restore-*.db"))
    assert len(kept) == 1
    assert str(kept[0]) in out
    assert (kept[0].parent / (kept[0].name + ".keys.json")).is_file()
    check_backup(kept[0], key)
    conn = connect(kept[0], key, exclusive=False, configure=False)
    try:
        titles = {row[0] for row in conn.execute("SELECT title FROM visit").fetchall()}
    finally:
        conn.close()
    assert titles == {"残る", "消える"}

    # A second restore right away keeps its own copy: no earlier copy is overwritten.
    app.ok("restore", str(dest), "--yes")
    assert len(list((app.root / "backups").glob("pre-restore-*.db"))) == 2
    check_backup(kept[0], key)


def test_restore_refuses_a_file_that_is_not_a_backup(app: Cli, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + bytes(4096))
    before = tree_digest(app.root)
    assert "検証できませんでした" in app.refused("restore", str(junk), "--yes")
    assert "検証できませんでした" in app.refused("restore", str(tmp_path / "none.db"), "--yes")
    assert tree_digest(app.root) == before


def test_restore_of_a_backup_taken_before_rekey(app: Cli, tmp_path: Path) -> None:
    visit = app.add("visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=鍵の前")
    dest = tmp_path / "before-rekey.db"
    app.ok("backup", "--out", str(dest))
    app.ok("rekey", env={"DXDESK_NEW_PASSPHRASE": PASSPHRASE})  # same passphrase, new key
    app.add("visit", "date=2025-11-26", "org_id=高千穂町", "mode=訪問", "title=鍵の後")
    app.ok("restore", str(dest), "--yes")
    assert [r["id"] for r in app.json("list", "visit")] == [visit]
    assert "問題ありません" in app.ok("verify")


def test_backup_default_location_and_info(app: Cli) -> None:
    out = app.ok("backup")
    manual = list((app.root / "backups").glob("manual-*.db"))
    assert len(manual) == 1
    assert str(manual[0]) in out
    assert app.json("info")["last_backup"] == str(manual[0])
    # A write closes with an automatic backup: that one is now the latest, whatever its name.
    app.add("visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=x")
    newest = max((app.root / "backups").glob("*.db"), key=lambda p: p.stat().st_mtime_ns)
    assert newest.name.startswith("auto-")
    assert app.json("info")["last_backup"] == str(newest)


# ---------------------------------------------------------------------- automation sources


def test_passphrase_file(app: Cli, tmp_path: Path) -> None:
    good = write_secret(tmp_path / "pass.txt", PASSPHRASE)
    code, out, err = run_cli(["--profile", str(app.root), "--passphrase-file", good, "info"])
    assert code == 0, err
    assert "山田 太郎" in out
    # The file wins over the environment.
    code, out, err = run_cli(
        ["--profile", str(app.root), "--passphrase-file", good, "info"],
        env={"DXDESK_PASSPHRASE": "wrong passphrase"},
    )
    assert code == 0, err
    bad = write_secret(tmp_path / "bad.txt", "wrong passphrase")
    code, _out, err = run_cli(["--profile", str(app.root), "--passphrase-file", bad, "info"])
    assert code == 1 and err.startswith("エラー：パスフレーズが正しくありません")
    code, _out, err = run_cli(
        ["--profile", str(app.root), "--passphrase-file", str(tmp_path / "none.txt"), "info"]
    )
    assert code == 1 and "none.txt" in err and len(err.splitlines()) == 1


def test_no_passphrase_source_is_a_clear_error(app: Cli) -> None:
    code, out, err = run_cli(["--profile", str(app.root), "info"])
    assert (code, out) == (1, "")
    assert err == "エラー：パスフレーズが入力されていません。\n"


def test_passphrase_from_stdin(app: Cli) -> None:
    code, out, err = run_cli(["--profile", str(app.root), "info"], stdin=PASSPHRASE + "\n")
    assert code == 0, err
    assert "山田 太郎" in out


def test_profile_from_environment(app: Cli) -> None:
    code, out, err = run_cli(
        ["info", "--format", "json"],
        env={"DXDESK_PROFILE": str(app.root), "DXDESK_PASSPHRASE": PASSPHRASE},
    )
    assert code == 0, err
    assert json.loads(out)["profile"] == str(app.root)


def test_raw_key(app: Cli) -> None:
    out = app.ok("raw-key", "--yes").strip()
    assert re.fullmatch(r"[0-9a-f]{64}", out)
    # It is the real key: it opens the database as a plain SQLCipher 4 file.
    conn = connect(app.root / "dxdesk.db", bytes.fromhex(out), exclusive=False, configure=False)
    try:
        assert conn.execute("SELECT count(*) FROM organisation").fetchone()[0] == 28
    finally:
        conn.close()
    # Without --yes it asks; with no answer it stops without showing anything.
    code, out, _err = app.run("raw-key")
    assert code != 0 and not re.search(r"[0-9a-f]{64}", out)


def test_kinds_command() -> None:
    code, out, _err = run_cli(["kinds"])
    assert code == 0 and "visit" in out and "step_status" in out
    code, out, _err = run_cli(["kinds", "time"])
    assert code == 0 and "hours" in out and "必須" in out


# ---------------------------------------------------------------------- help


def _group_commands() -> dict[str, click.Command]:
    # Through the group, as click finds them: the commands live in modules loaded when named.
    ctx = click.Context(cli_group)
    found = {name: cli_group.get_command(ctx, name) for name in cli_group.list_commands(ctx)}
    return {name: c for name, c in found.items() if c is not None}


def test_each_command_module_registers_the_names_the_group_lists() -> None:
    # A command its module registers but LAZY_COMMANDS does not list is unknown in a new process.
    commands = _group_commands()
    assert set(commands) == {"gui", *LAZY_COMMANDS}
    for name, module in LAZY_COMMANDS.items():
        assert getattr(commands[name].callback, "__module__", None) == module, name


def test_every_command_has_help() -> None:
    commands = _group_commands()
    assert {
        "init",
        "info",
        "verify",
        "passwd",
        "unlock",
        "rekey",
        "backup",
        "restore",
        "search",
        "add",
        "list",
        "show",
        "edit",
        "delete",
        "undelete",
        "remember",
        "forget",
        "raw-key",
        "demo",
    } <= set(commands)
    for name, command in commands.items():
        assert command.help and command.help.strip(), name
        assert command.get_short_help_str().strip(), name
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.help, f"{name} {param.opts}"
        code, out, err = run_cli([name, "--help"])
        assert code == 0, (name, err)
        assert "Usage:" in out and name in out, name
        assert command.help.strip().splitlines()[0] in out, name


def test_usage_errors_exit_2_refusals_exit_1(app: Cli) -> None:
    code, _out, err = run_cli(["--profile", str(app.root), "list"])  # KIND missing
    assert code == 2 and "Traceback" not in err
    code, _out, err = run_cli(["--profile", str(app.root), "info", "--no-such-option"])
    assert code == 2
    code, _out, err = run_cli(["--profile", str(app.root), "add", "widget", "a=b"])
    assert code == 1 and err.startswith("エラー：")
