"""The demo's driver: the order of the stages and the one transaction they run in.

The order is part of the output: every stage draws from the same random stream and reads
what the stages before it planned, so changing it changes the profile a seed produces.
"""

from __future__ import annotations

from collections.abc import Callable

from dxdesk.core.model import kind
from dxdesk.errors import UserError
from dxdesk.services.demo import (
    desk,
    dxsupport,
    goals,
    hours,
    meetings,
    people,
    progress,
    proposals,
    schedule,
    visits,
)
from dxdesk.services.demo.state import Demo
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

# Kinds whose presence means the profile already holds real or demo work.
_WORK_KINDS = ("visit", "vendor", "system_status", "step_status", "consultation", "issue", "time")


# The stages in their order, each with what a progress line says while it runs.
_STAGES: tuple[tuple[str, Callable[[Demo], None]], ...] = (
    ("臨時閉庁日", people.add_closed_day),
    ("職員", people.add_staff),
    ("事業者", people.add_vendors),
    ("専門人材", people.add_experts),
    ("連絡先", people.add_contacts),
    ("標準化の進捗", progress.add_matrix),
    ("グループ", people.add_groups),
    ("集中支援", people.add_engagements),
    ("年間予定", schedule.schedule_year),
    ("訪問", visits.add_visits),
    ("課題", visits.add_issues),
    ("相談", visits.add_consultations),
    ("研修", meetings.add_trainings),
    ("会議", meetings.add_meetings),
    ("工数", hours.add_time_entries),
    ("目標", goals.add_goals),
    ("支援事例", goals.add_case_studies),
    ("業務実施計画", people.add_plan),
)


def _stages(seed: int) -> tuple[tuple[str, Callable[[Demo], None]], ...]:
    """The stages, then the two that draw from random streams of their own (the stages above
    produce what they did without them)."""
    return (
        *_STAGES,
        ("会議の決定・課題事項、研修要望", lambda demo: desk.add_desk(demo, seed)),
        ("一般的なDX支援", dxsupport.add_general_support),
        ("提案", proposals.add_proposals),
    )


def _run(demo: Demo, seed: int, report: Callable[[int, int, str], bool] | None = None) -> None:
    stages = _stages(seed)
    for done, (label, stage) in enumerate(stages):
        if report is not None:
            report(done, len(stages), label)
        stage(demo)
    if report is not None:
        report(len(stages), len(stages), "完了")


def _ensure_empty(service: RecordService) -> None:
    for name in _WORK_KINDS:
        if service.store.count(kind(name)):
            raise UserError(
                "bad_argument",
                detail=f"このプロファイルには既に「{kind(name).label}」の記録があります。"
                "デモデータは新しいプロファイルに作成してください。",
            )


def populate_demo(
    profile: Profile,
    *,
    seed: int = 2025,
    progress: Callable[[int, int, str], bool] | None = None,
) -> dict[str, int]:
    """Fill an open, empty profile with a fiscal year (FY2025) of fictional work.

    Returns how many records of each kind were added (kinds with none are left out). The
    whole population is one transaction: on any failure the profile is left as it was.
    Refuses a profile that already holds visits, vendors, progress or other work records.
    """
    service = RecordService(profile)
    _ensure_empty(service)
    demo = Demo(profile, seed)
    with profile.database.transaction():
        _run(demo, seed, progress)
    return dict(demo.counts)
