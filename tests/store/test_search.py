"""Full-text search: FTS5 trigram for terms of 3+ characters, LIKE for shorter ones."""

from __future__ import annotations

import pytest

from dxdesk.core.model import kind, validate
from dxdesk.services.profile import Profile
from dxdesk.store.search import Hit, search, terms_of

VISIT_NOTE = "住民記録システムの標準化について、延岡市の担当課と移行スケジュールを確認した。"
ISSUE_TEXT = "ガバメントクラウド接続の回線費用が想定を超過している"


def _org_id(profile: Profile) -> str:
    return str(profile.database.query("SELECT id FROM organisation ORDER BY rid LIMIT 1")[0]["id"])


def _add_visit(
    profile: Profile, notes: str, title: str = "定例訪問", date: str = "2025-11-25"
) -> str:
    visit = kind("visit")
    values = validate(
        visit,
        {"date": date, "org_id": _org_id(profile), "mode": "訪問", "title": title, "notes": notes},
    )
    with profile.database.transaction():
        return profile.records.insert(visit, values).record_id


def _add_issue(profile: Profile, title: str, description: str) -> str:
    issue = kind("issue")
    values = validate(
        issue,
        {
            "org_id": _org_id(profile),
            "title": title,
            "status": "未対応",
            "description": description,
            "raised_on": "2025-10-01",
        },
    )
    with profile.database.transaction():
        return profile.records.insert(issue, values).record_id


def _ids(hits: list[Hit]) -> set[str]:
    return {h.record_id for h in hits}


def _hit(hits: list[Hit], record_id: str) -> Hit:
    matching = [h for h in hits if h.record_id == record_id]
    assert len(matching) == 1, hits
    return matching[0]


@pytest.fixture
def visit_id(profile: Profile) -> str:
    return _add_visit(profile, VISIT_NOTE, title="延岡市ヒアリング")


def test_japanese_trigram_search(profile: Profile, visit_id: str) -> None:
    hits = search(profile.database, "標準化")
    hit = _hit(hits, visit_id)
    assert (hit.kind, hit.label, hit.title) == ("visit", "訪問・ヒアリング", "延岡市ヒアリング")
    assert hit.date == "2025-11-25"
    assert "標準化" in hit.snippet
    assert len(hit.snippet) < len(VISIT_NOTE) + 20
    assert visit_id in _ids(search(profile.database, "移行スケジュール"))
    assert visit_id not in _ids(search(profile.database, "スケジュール変更"))


def test_one_character_query_uses_like(profile: Profile, visit_id: str) -> None:
    issue_id = _add_issue(profile, "県との調整", "県の担当者へ共有が必要")
    hits = search(profile.database, "県")
    hit = _hit(hits, issue_id)
    assert hit.kind == "issue"
    assert "県" in hit.snippet
    assert visit_id not in _ids(hits)


def test_two_character_query_uses_like(profile: Profile, visit_id: str) -> None:
    other = _add_visit(profile, "日南市で研修の打合せ", title="研修準備")
    hits = search(profile.database, "延岡")
    assert visit_id in _ids(hits)
    assert other not in _ids(hits)
    assert "延岡" in _hit(hits, visit_id).snippet
    # 「宮崎」 is also in the seeded organisation names: both kinds come back.
    miyazaki = _add_visit(profile, "宮崎市役所で打合せ")
    found = search(profile.database, "宮崎", limit=500)
    assert miyazaki in _ids(found)
    assert any(h.kind == "organisation" and "宮崎" in h.title for h in found)


def test_multiple_terms_are_and(profile: Profile, visit_id: str) -> None:
    other = _add_visit(profile, "住民記録システムのベンダと契約条件を協議")
    both = _ids(search(profile.database, "住民記録 延岡市"))
    assert visit_id in both
    assert other not in both
    # A full-width space separates terms too; short and long terms mix.
    assert _ids(search(profile.database, "住民記録\u3000ベンダ")) >= {other}
    assert visit_id not in _ids(search(profile.database, "住民記録\u3000ベンダ"))
    mixed = _ids(search(profile.database, "延岡 標準化"))
    assert visit_id in mixed
    assert other not in mixed
    assert _ids(search(profile.database, "延岡 存在しない語句")) == set()


def test_deleted_records_are_excluded(profile: Profile, visit_id: str) -> None:
    visit = kind("visit")
    with profile.database.transaction():
        profile.records.delete(visit, visit_id)
    assert visit_id not in _ids(search(profile.database, "標準化"))
    assert visit_id not in _ids(search(profile.database, "延岡"))
    with profile.database.transaction():
        profile.records.restore(visit, visit_id)
    assert visit_id in _ids(search(profile.database, "標準化"))


def test_edited_note_found_by_new_text_only(profile: Profile, visit_id: str) -> None:
    visit = kind("visit")
    with profile.database.transaction():
        profile.records.update(visit, visit_id, {"notes": "戸籍情報システムの更改時期を聴取した。"})
        # Kept in sync inside the same transaction, before it commits.
        assert visit_id in _ids(search(profile.database, "戸籍情報"))
    assert visit_id in _ids(search(profile.database, "戸籍情報"))
    assert visit_id in _ids(search(profile.database, "更改時期"))
    assert visit_id not in _ids(search(profile.database, "住民記録"))
    assert visit_id not in _ids(search(profile.database, "移行スケジュール"))
    # The title was not edited and is still found.
    assert visit_id in _ids(search(profile.database, "ヒアリング"))


def test_other_kinds_and_fields_are_searched(profile: Profile) -> None:
    issue_id = _add_issue(profile, "回線費用の増加", ISSUE_TEXT)
    hit = _hit(search(profile.database, "ガバメントクラウド"), issue_id)
    assert (hit.kind, hit.title) == ("issue", "回線費用の増加")
    assert "ガバメントクラウド" in hit.snippet
    vendor = kind("vendor")
    with profile.database.transaction():
        vid = profile.records.insert(
            vendor,
            validate(vendor, {"name": "九州情報サービス", "products": "住基パッケージX, 税務Y"}),
        ).record_id
    assert vid in _ids(search(profile.database, "住基パッケージ"))


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        '"""',
        'say "hi',
        "%",
        "_",
        "'",
        "''; DROP TABLE visit; --",
        "*",
        "標準*",
        "-",
        "-標準化",
        "AND",
        "OR",
        "NOT",
        "NEAR(",
        "NEAR(住民 記録)",
        "a AND b",
        "^",
        "(",
        ")",
        ":",
        "notes:標準化",
        "\\",
        "{visit}",
        "\u3000",
        "",
        "   ",
    ],
)
def test_awkward_queries_do_not_raise(profile: Profile, visit_id: str, query: str) -> None:
    hits = search(profile.database, query)
    assert isinstance(hits, list)
    assert profile.database.query("SELECT count(*) AS n FROM visit")[0]["n"] >= 1


def test_percent_and_underscore_match_literally(profile: Profile, visit_id: str) -> None:
    with_percent = _add_visit(profile, "進捗率は80%に到達")
    with_underscore = _add_visit(profile, "ファイル名 report_2025 を共有")
    percent_hits = _ids(search(profile.database, "%"))
    assert with_percent in percent_hits
    assert visit_id not in percent_hits
    assert with_underscore not in percent_hits
    underscore_hits = _ids(search(profile.database, "_"))
    assert underscore_hits & {with_underscore, with_percent, visit_id} == {with_underscore}
    assert with_percent in _ids(search(profile.database, "80%"))
    assert with_percent in _ids(search(profile.database, "80%に"))  # trigram path
    assert with_underscore in _ids(search(profile.database, "t_2"))


def test_quotes_and_operators_match_literally(profile: Profile) -> None:
    quoted = _add_visit(profile, '担当者は「"至急"対応」と発言 NEAR(冗談) AND そのほか')
    assert quoted in _ids(search(profile.database, '"至急"'))
    assert quoted in _ids(search(profile.database, "NEAR(冗談)"))
    assert quoted in _ids(search(profile.database, "AND"))
    plain = _add_visit(profile, "特記事項なし")
    assert plain not in _ids(search(profile.database, "AND"))


def test_snippet_contains_the_term_despite_case(profile: Profile) -> None:
    filler = "前置きの文章。" * 20
    rid = _add_visit(profile, filler + "LGWAN接続系の端末を確認した。" + filler)
    for query in ("lgwan", "LGWAN", "Lgwan接続"):
        hit = _hit(search(profile.database, query), rid)
        assert query.lower() in hit.snippet.lower(), (query, hit.snippet)
        assert len(hit.snippet) < 100


def test_limit_and_newest_first(profile: Profile) -> None:
    ids = [
        _add_visit(profile, f"共通の語句ＸＹＺ その{i}", date=f"2025-0{i}-01") for i in range(1, 6)
    ]
    hits = search(profile.database, "共通の語句", limit=3)
    assert [h.record_id for h in hits] == list(reversed(ids))[:3]


def test_terms_of_splits_on_any_space() -> None:
    assert terms_of(" 住民\u3000記録  標準化 ") == ["住民", "記録", "標準化"]
    assert terms_of("\u3000") == []
