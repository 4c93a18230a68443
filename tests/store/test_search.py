"""Full-text search: FTS5 trigram for terms of 3+ characters, LIKE for shorter ones."""

from __future__ import annotations

import pytest

from dxdesk.core.model import kind, validate
from dxdesk.services.profile import Profile
from dxdesk.store.database import Database
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


def _find(database: Database, text: str, limit: int = 50) -> list[Hit]:
    return search(database, text, limit=limit).hits


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
    hits = _find(profile.database, "標準化")
    hit = _hit(hits, visit_id)
    assert (hit.kind, hit.label, hit.title) == ("visit", "訪問・ヒアリング", "延岡市ヒアリング")
    assert hit.date == "2025-11-25"
    assert "標準化" in hit.snippet
    assert len(hit.snippet) < len(VISIT_NOTE) + 20
    assert visit_id in _ids(_find(profile.database, "移行スケジュール"))
    assert visit_id not in _ids(_find(profile.database, "スケジュール変更"))


def test_one_character_query_uses_like(profile: Profile, visit_id: str) -> None:
    issue_id = _add_issue(profile, "県との調整", "県の担当者へ共有が必要")
    hits = _find(profile.database, "県")
    hit = _hit(hits, issue_id)
    assert hit.kind == "issue"
    assert "県" in hit.snippet
    assert visit_id not in _ids(hits)


def test_two_character_query_uses_like(profile: Profile, visit_id: str) -> None:
    other = _add_visit(profile, "日南市で研修の打合せ", title="研修準備")
    hits = _find(profile.database, "延岡")
    assert visit_id in _ids(hits)
    assert other not in _ids(hits)
    assert "延岡" in _hit(hits, visit_id).snippet
    # 「宮崎」 is also in the seeded organisation names: both kinds come back.
    miyazaki = _add_visit(profile, "宮崎市役所で打合せ")
    found = _find(profile.database, "宮崎", limit=500)
    assert miyazaki in _ids(found)
    assert any(h.kind == "organisation" and "宮崎" in h.title for h in found)


def test_multiple_terms_are_and(profile: Profile, visit_id: str) -> None:
    other = _add_visit(profile, "住民記録システムのベンダと契約条件を協議")
    both = _ids(_find(profile.database, "住民記録 延岡市"))
    assert visit_id in both
    assert other not in both
    # A full-width space separates terms too; short and long terms mix.
    assert _ids(_find(profile.database, "住民記録\u3000ベンダ")) >= {other}
    assert visit_id not in _ids(_find(profile.database, "住民記録\u3000ベンダ"))
    mixed = _ids(_find(profile.database, "延岡 標準化"))
    assert visit_id in mixed
    assert other not in mixed
    assert _ids(_find(profile.database, "延岡 存在しない語句")) == set()


def test_deleted_records_are_excluded(profile: Profile, visit_id: str) -> None:
    visit = kind("visit")
    with profile.database.transaction():
        profile.records.delete(visit, visit_id)
    assert visit_id not in _ids(_find(profile.database, "標準化"))
    assert visit_id not in _ids(_find(profile.database, "延岡"))
    with profile.database.transaction():
        profile.records.restore(visit, visit_id)
    assert visit_id in _ids(_find(profile.database, "標準化"))


def test_edited_note_found_by_new_text_only(profile: Profile, visit_id: str) -> None:
    visit = kind("visit")
    with profile.database.transaction():
        profile.records.update(visit, visit_id, {"notes": "戸籍情報システムの更改時期を聴取した。"})
        # Kept in sync inside the same transaction, before it commits.
        assert visit_id in _ids(_find(profile.database, "戸籍情報"))
    assert visit_id in _ids(_find(profile.database, "戸籍情報"))
    assert visit_id in _ids(_find(profile.database, "更改時期"))
    assert visit_id not in _ids(_find(profile.database, "住民記録"))
    assert visit_id not in _ids(_find(profile.database, "移行スケジュール"))
    # The title was not edited and is still found.
    assert visit_id in _ids(_find(profile.database, "ヒアリング"))


def test_other_kinds_and_fields_are_searched(profile: Profile) -> None:
    issue_id = _add_issue(profile, "回線費用の増加", ISSUE_TEXT)
    hit = _hit(_find(profile.database, "ガバメントクラウド"), issue_id)
    assert (hit.kind, hit.title) == ("issue", "回線費用の増加")
    assert "ガバメントクラウド" in hit.snippet
    vendor = kind("vendor")
    with profile.database.transaction():
        vid = profile.records.insert(
            vendor,
            validate(vendor, {"name": "九州情報サービス", "products": "住基パッケージX, 税務Y"}),
        ).record_id
    assert vid in _ids(_find(profile.database, "住基パッケージ"))


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
    hits = _find(profile.database, query)
    assert isinstance(hits, list)
    assert profile.database.query("SELECT count(*) AS n FROM visit")[0]["n"] >= 1


def test_percent_and_underscore_match_literally(profile: Profile, visit_id: str) -> None:
    with_percent = _add_visit(profile, "進捗率は80%に到達")
    with_underscore = _add_visit(profile, "ファイル名 report_2025 を共有")
    percent_hits = _ids(_find(profile.database, "%"))
    assert with_percent in percent_hits
    assert visit_id not in percent_hits
    assert with_underscore not in percent_hits
    underscore_hits = _ids(_find(profile.database, "_"))
    assert underscore_hits & {with_underscore, with_percent, visit_id} == {with_underscore}
    assert with_percent in _ids(_find(profile.database, "80%"))
    assert with_percent in _ids(_find(profile.database, "80%に"))  # trigram path
    assert with_underscore in _ids(_find(profile.database, "t_2"))


def test_quotes_and_operators_match_literally(profile: Profile) -> None:
    quoted = _add_visit(profile, '担当者は「"至急"対応」と発言 NEAR(冗談) AND そのほか')
    assert quoted in _ids(_find(profile.database, '"至急"'))
    assert quoted in _ids(_find(profile.database, "NEAR(冗談)"))
    assert quoted in _ids(_find(profile.database, "AND"))
    plain = _add_visit(profile, "特記事項なし")
    assert plain not in _ids(_find(profile.database, "AND"))


def test_snippet_contains_the_term_despite_case(profile: Profile) -> None:
    filler = "前置きの文章。" * 20
    rid = _add_visit(profile, filler + "LGWAN接続系の端末を確認した。" + filler)
    for query in ("lgwan", "LGWAN", "Lgwan接続"):
        hit = _hit(_find(profile.database, query), rid)
        assert query.lower() in hit.snippet.lower(), (query, hit.snippet)
        assert len(hit.snippet) < 100


def test_limit_and_newest_first(profile: Profile) -> None:
    ids = [
        _add_visit(profile, f"共通の語句ＸＹＺ その{i}", date=f"2025-0{i}-01") for i in range(1, 6)
    ]
    hits = _find(profile.database, "共通の語句", limit=3)
    assert [h.record_id for h in hits] == list(reversed(ids))[:3]


def test_terms_of_splits_on_any_space() -> None:
    assert terms_of(" 住民\u3000記録  標準化 ") == ["住民", "記録", "標準化"]
    assert terms_of("\u3000") == []


# ------------------------------------------------------------------ issue 15: search that finds


def _org(profile: Profile, name: str) -> str:
    rows = profile.database.query("SELECT id FROM organisation WHERE name = ?", (name,))
    assert rows, name
    return str(rows[0]["id"])


def _add(profile: Profile, kind_name: str, values: dict[str, object]) -> str:
    k = kind(kind_name)
    with profile.database.transaction():
        return profile.records.insert(k, validate(k, values)).record_id


def _visit(profile: Profile, org: str, title: str, notes: str, date: str = "2025-11-25") -> str:
    return _add(
        profile,
        "visit",
        {
            "date": date,
            "org_id": _org(profile, org),
            "mode": "訪問",
            "title": title,
            "notes": notes,
        },
    )


def _staff(profile: Profile) -> str:
    return str(profile.database.query("SELECT id FROM staff ORDER BY rid LIMIT 1")[0]["id"])


def _time(profile: Profile, note: str, visit_id: str | None = None, org: str = "椎葉村") -> str:
    values: dict[str, object] = {
        "date": "2025-11-25",
        "staff_id": _staff(profile),
        "org_id": _org(profile, org),
        "hours": 2.0,
        "note": note,
    }
    if visit_id is not None:
        values["visit_id"] = visit_id
    return _add(profile, "time", values)


def _marked(hit: Hit) -> list[str]:
    return [hit.snippet[a:b] for a, b in hit.marks]


def test_full_width_lgwan_finds_what_lgwan_finds(profile: Profile) -> None:
    written_wide = _visit(profile, "日南市", "回線の確認", "ＬＧＷＡＮ接続系の端末を確認した。")
    written_narrow = _visit(profile, "串間市", "回線の確認", "LGWAN-ASPの利用申請を支援した。")
    both = {written_wide, written_narrow}
    for query in ("LGWAN", "ＬＧＷＡＮ", "lgwan", "ｌｇｗａｎ", "Lgwan"):
        hits = _find(profile.database, query)
        assert _ids(hits) == both, query
        # The snippet marks the text as it was written, whatever was typed.
        assert _marked(_hit(hits, written_wide)) == ["ＬＧＷＡＮ"], query
        assert _marked(_hit(hits, written_narrow)) == ["LGWAN"], query


def test_half_width_katakana_finds_full_width_and_back(profile: Profile) -> None:
    issue = _add_issue(profile, "回線費用の増加", "ガバメントクラウド接続の回線費用が想定を超過")
    old_system = _visit(profile, "えびの市", "旧システムの確認", "ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞ移行前の帳票")
    for query in ("ｶﾞﾊﾞﾒﾝﾄ", "ガバメント", "ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞ"):
        assert _ids(_find(profile.database, query)) == {issue, old_system}, query
    hit = _hit(_find(profile.database, "ガバメント"), old_system)
    assert _marked(hit) == ["ｶﾞﾊﾞﾒﾝﾄ"]


def test_ke_and_small_ke_are_one_spelling(profile: Profile) -> None:
    visit = _visit(profile, "五ヶ瀬町", "五ヶ瀬町 定例訪問", "移行計画を確認した。")
    typed = _visit(profile, "五ヶ瀬町", "五ケ瀬中等教育学校の回線", "学校の回線を確認した。")
    town = _org(profile, "五ヶ瀬町")
    for query in ("五ケ瀬", "五ヶ瀬", "五ヵ瀬"):
        found = _find(profile.database, query)
        assert _ids(found) == {visit, typed, town}, query
        assert _hit(found, town).kind == "organisation"
        assert _marked(_hit(found, typed)) == ["五ケ瀬"]
        assert _marked(_hit(found, visit)) == ["五ヶ瀬"]
    assert _ids(_find(profile.database, "五ケ瀬町")) == {visit, town}
    # Short terms (LIKE over the folded text) fold the same way.
    assert {visit, typed} <= _ids(_find(profile.database, "ヶ瀬", limit=500))
    assert {visit, typed} <= _ids(_find(profile.database, "ｹ", limit=500))
    # 異体字 and small kana: the seeded 高千穂町 by 髙千穂, a vendor by its other spelling.
    assert _org(profile, "高千穂町") in _ids(_find(profile.database, "髙千穂"))
    vendor = _add(profile, "vendor", {"name": "キヤノンシステム"})
    assert vendor in _ids(_find(profile.database, "キャノン"))


def test_every_hit_says_its_organisation(profile: Profile) -> None:
    visit = _visit(profile, "高千穂町", "高千穂の夜神楽の季節の訪問", "観光アプリの意見交換")
    found = _find(profile.database, "高千穂")
    assert _hit(found, visit).org == "高千穂町"
    town = _hit(found, _org(profile, "高千穂町"))
    assert (town.org, town.org_id) == ("高千穂町", town.record_id)  # its own 団体
    staff = _add(profile, "staff", {"name": "高千穂 太郎", "role": "伴走支援"})
    assert _hit(_find(profile.database, "高千穂 太郎"), staff).org == ""


def test_the_total_counts_every_match_and_pages_cover_them_once(profile: Profile) -> None:
    visits = [
        _visit(profile, "日南市", f"第{i}回 定例会議", "共通議題の確認", date=f"2025-{i:02d}-10")
        for i in range(1, 11)
    ]
    issues = [_add_issue(profile, f"共通議題の課題 {i}", "説明") for i in range(3)]
    everything = search(profile.database, "共通議題", limit=100)
    assert everything.total == 13 and len(everything.hits) == 13 and everything.remaining == 0
    first = search(profile.database, "共通議題", limit=5)
    assert (first.total, len(first.hits), first.remaining) == (13, 5, 8)
    pages = [search(profile.database, "共通議題", limit=5, offset=o) for o in (0, 5, 10, 15)]
    assert [len(p.hits) for p in pages] == [5, 5, 3, 0]
    assert [p.remaining for p in pages] == [8, 3, 0, 0]
    paged = [h.record_id for p in pages for h in p.hits]
    assert paged == [h.record_id for h in everything.hits]  # one order, each once
    assert set(paged) == set(visits) | set(issues)
    # Newest first: the visits by date (issues raised 2025-10-01 sit among them).
    dates = [h.date or "" for h in everything.hits]
    assert dates == sorted(dates, reverse=True)
    # Short terms count the same way.
    assert search(profile.database, "議題", limit=2).total == 13


def test_a_time_entry_of_a_visit_is_not_listed_beside_it(profile: Profile) -> None:
    visit = _visit(profile, "椎葉村", "椎葉村 集中支援（回線の構成確認）", "構成図を確認した。")
    own = _time(profile, "椎葉村 集中支援（回線の構成確認）", visit_id=visit)
    travel = _time(profile, "椎葉村への移動（往復）", visit_id=visit)
    unlinked = _time(profile, "椎葉村 集中支援（回線の構成確認）の資料作成")
    found = search(profile.database, "集中支援", limit=100)
    # The visit and the entry not recorded for it; the visit's own hours are part of it.
    assert _ids(found.hits) == {visit, unlinked} and found.total == 2
    # Where the visit does not match, its entry is a hit of its own.
    assert _ids(_find(profile.database, "移動")) >= {travel}
    # Searching time entries alone lists them all.
    only_time = search(profile.database, "集中支援", kinds=(kind("time"),), limit=100)
    assert _ids(only_time.hits) == {own, unlinked}
    # A deleted visit no longer covers its entry.
    with profile.database.transaction():
        profile.records.delete(kind("visit"), visit)
    assert _ids(_find(profile.database, "集中支援")) == {own, unlinked}


def test_a_corrected_time_entry_is_listed_once(profile: Profile) -> None:
    from dxdesk.services.records import RecordService

    entry = _time(profile, "補助金申請書の確認")
    RecordService(profile).edit("time", entry, {"hours": "3"})
    found = search(profile.database, "補助金申請書", limit=100)
    assert found.total == 1 and len(found.hits) == 1
    assert found.hits[0].record_id != entry  # the correction, not the entry it replaced


def test_snippet_marks_every_match_of_every_term(profile: Profile) -> None:
    filler = "前置きの文章です。" * 10
    rid = _visit(
        profile,
        "日南市",
        "打合せ",
        filler + "ＬＧＷＡＮ端末とLGWAN回線、住民記録システムの移行。" + filler,
    )
    hit = _hit(_find(profile.database, "lgwan 住民記録"), rid)
    assert _marked(hit) == ["ＬＧＷＡＮ", "LGWAN", "住民記録"]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < 100
    # Marks never overlap and stay inside the snippet.
    ends = [0]
    for a, b in hit.marks:
        assert ends[-1] <= a < b <= len(hit.snippet)
        ends.append(b)


def test_deleted_text_leaves_the_index_and_comes_back(profile: Profile, visit_id: str) -> None:
    def indexed() -> int:
        rows = profile.database.query(
            "SELECT count(*) AS n FROM fts_visit WHERE fts_visit MATCH ?", ('"標準化"',)
        )
        return int(rows[0]["n"])

    assert indexed() == 1
    with profile.database.transaction():
        profile.records.delete(kind("visit"), visit_id)
    assert indexed() == 0
    assert search(profile.database, "標準化").total == 0
    with profile.database.transaction():
        profile.records.restore(kind("visit"), visit_id)
    assert indexed() == 1
    assert search(profile.database, "標準化").total == 1


def test_many_matches_page_and_count_as_few_do(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past SEEK_LIMIT matches a kind's page comes from its date index rather than a read of
    each row; both ways list the same hits in the same order with the same total."""
    for i in range(12):
        _visit(
            profile,
            ("日南市", "串間市")[i % 2],
            f"宮崎県との協議 {i}",
            "共通",
            f"2025-06-{i + 1:02d}",
        )
        _add_issue(profile, f"宮崎県への報告 {i}", "共通")

    def listing(text: str) -> list[tuple[int, list[tuple[str, str]]]]:
        out = []
        for offset in (0, 4, 8, 30):
            found = search(profile.database, text, limit=5, offset=offset)
            out.append((found.total, [(h.kind, h.record_id) for h in found.hits]))
        return out

    queries = ("宮崎県", "宮崎", "共通", "宮崎 協議")
    few = {q: listing(q) for q in queries}
    monkeypatch.setattr("dxdesk.store.search.SEEK_LIMIT", 2)
    many = {q: listing(q) for q in queries}
    assert many == few
    assert few["宮崎県"][0][0] >= 24 + 2  # visits, issues and the seeded 宮崎県 divisions
