"""研修実施内容報告書 and 研修実施結果報告書: one training, or every training of a period."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dxdesk.errors import UserError
from dxdesk.reports.base import ReportRequest
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate
from tests.reports.readback import (
    kinsoku_violations,
    needs_pdftotext,
    read_pdf,
    squash,
    table_rows,
)


def _trainings(profile: Profile, where: str = "") -> list[dict]:
    return profile.database.query(
        "SELECT * FROM training WHERE _deleted = 0 AND date BETWEEN '2025-04-01' AND '2026-03-31'"
        + where
        + " ORDER BY date, start_time, rid"
    )


def _org_names(profile: Profile, ids_json: str) -> list[str]:
    ids = json.loads(ids_json or "[]")
    names = {
        r["id"]: r["name"] for r in profile.database.query("SELECT id, name FROM organisation")
    }
    return [names[i] for i in ids]


@needs_pdftotext
def test_plan_of_one_training(demo_profile: Profile, tmp_path: Path) -> None:
    t = _trainings(demo_profile)[0]
    out = generate(
        demo_profile, ReportRequest("training-plan", training_id=t["id"]), tmp_path / "plan.pdf"
    )
    doc = read_pdf(out)
    assert doc.both("研修実施内容報告書")
    for field in ("title", "aims", "programme", "audience", "instructor", "place"):
        assert doc.both(squash(t[field])), field
    assert doc.both(f"{t['planned_participants']}名")
    orgs = _org_names(demo_profile, t["org_ids"])
    assert doc.both(f"{len(orgs)}団体")
    for name in orgs:
        assert doc.both(name)
    assert kinsoku_violations(doc.poppler, [t["aims"], t["programme"]]) == []
    # A plan does not report results.
    assert not doc.both("アンケート結果")


@needs_pdftotext
def test_results_of_the_year(demo_profile: Profile, tmp_path: Path) -> None:
    done = _trainings(demo_profile, " AND status IN ('実施済み', '中止')")
    out = generate(demo_profile, ReportRequest("training-result", fy=2025), tmp_path / "r.pdf")
    doc = read_pdf(out)
    assert doc.pages > len(done)  # the summary, then one section per training
    summary = table_rows(out, "No")
    assert [squash(r[2]) for r in summary[:-1]] == [squash(t["title"]) for t in done]
    total = sum(t["participants"] or 0 for t in done)
    assert summary[-1][-1] == f"{total:,}"
    for t in done:
        if t["status"] == "実施済み":
            for field in ("survey_results", "issues_found", "proposals"):
                assert doc.both(squash(t[field])), (t["title"], field)
            assert doc.both(f"{t['participants']}名")
        else:
            assert doc.both("中止の理由") and doc.both(squash(t["issues_found"]))


@pytest.fixture
def planned(profile: Profile) -> str:
    return (
        RecordService(profile)
        .add(
            "training",
            {
                "title": "来年度の標準化説明会",
                "training_type": "研修",
                "status": "計画中",
                "date": "2026-05-20",
                "aims": "移行後の運用について共有します。",
                "planned_participants": 40,
            },
        )
        .record_id
    )


def test_result_of_a_planned_training_is_refused(
    profile: Profile, planned: str, tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(UserError) as err:
        generate(profile, ReportRequest("training-result", training_id=planned), out)
    assert err.value.code == "training_not_held" and "来年度の標準化説明会" in err.value.message
    assert not out.exists()
    # The plan of the same training is fine.
    generate(profile, ReportRequest("training-plan", training_id=planned), out)
    assert out.exists()


def test_unknown_training_and_empty_month_are_refused(
    demo_profile: Profile, tmp_path: Path
) -> None:
    with pytest.raises(UserError) as err:
        generate(
            demo_profile, ReportRequest("training-plan", training_id="nope"), tmp_path / "a.pdf"
        )
    assert err.value.code == "unknown_record"
    held_months = {t["date"][:7] for t in _trainings(demo_profile)}
    empty = next(f"2025-{m:02d}" for m in range(4, 13) if f"2025-{m:02d}" not in held_months)
    with pytest.raises(UserError) as err:
        generate(demo_profile, ReportRequest("training-result", month=empty), tmp_path / "b.pdf")
    assert err.value.code == "report_no_data"
    assert list(tmp_path.iterdir()) == []


@needs_pdftotext
def test_the_format_and_the_follow_up_of_proposals_are_reported(
    profile: Profile, tmp_path: Path
) -> None:
    """6(1)イ(ロ): on site or online, on both reports; the result report says what became of
    the proposals made."""
    service = RecordService(profile)
    rid = service.add(
        "training",
        {
            "title": "データ利活用ワークショップ",
            "training_type": "ワークショップ",
            "date": "2025-10-15",
            "format": "オンライン",
            "status": "実施済み",
            "participants": 24,
            "proposals": "庁内データの棚卸しを各団体で進めることを提案しました。",
            "proposal_follow_up": "高千穂町と日之影町が棚卸しに着手し、12月に結果を共有予定です。",
        },
    ).record_id
    plan = read_pdf(
        generate(profile, ReportRequest("training-plan", training_id=rid), tmp_path / "p.pdf")
    )
    assert plan.both("実施形式オンライン")
    result = read_pdf(
        generate(profile, ReportRequest("training-result", training_id=rid), tmp_path / "r.pdf")
    )
    assert result.both("提案のその後の対応")
    assert result.both(squash("高千穂町と日之影町が棚卸しに着手し、12月に結果を共有予定です。"))
    # The demo's trainings carry their format, read from where they were held.
    from dxdesk.services.demo.meetings import _format_of

    assert [_format_of(p) for p in ("オンライン（Web会議）", "宮崎県庁 講堂（対面）")] == [
        "オンライン",
        "対面",
    ]
    with pytest.raises(UserError):
        service.add("training", {"title": "x", "training_type": "研修", "format": "郵送"})
