"""The demo's driver: the order of the stages and the one transaction they run in.

The order is part of the output: every stage draws from the same random stream and reads
what the stages before it planned, so changing it changes the profile a seed produces.
"""

from __future__ import annotations

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
    schedule,
    visits,
)
from dxdesk.services.demo.state import Demo
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

# Kinds whose presence means the profile already holds real or demo work.
_WORK_KINDS = ("visit", "vendor", "system_status", "step_status", "consultation", "issue", "time")


def _run(demo: Demo, seed: int) -> None:
    people.add_closed_day(demo)
    people.add_staff(demo)
    people.add_vendors(demo)
    people.add_experts(demo)
    people.add_contacts(demo)
    progress.add_matrix(demo)
    people.add_groups(demo)
    people.add_engagements(demo)
    schedule.schedule_year(demo)
    visits.add_visits(demo)
    visits.add_issues(demo)
    visits.add_consultations(demo)
    meetings.add_trainings(demo)
    meetings.add_meetings(demo)
    hours.add_time_entries(demo)
    goals.add_goals(demo)
    goals.add_case_studies(demo)
    people.add_plan(demo)
    desk.add_desk(demo, seed)  # with its own random stream
    # Last, on a random stream of its own: the stages above produce what they did without it.
    dxsupport.add_general_support(demo)


def _ensure_empty(service: RecordService) -> None:
    for name in _WORK_KINDS:
        if service.store.count(kind(name)):
            raise UserError(
                "bad_argument",
                detail=f"このプロファイルには既に「{kind(name).label}」の記録があります。"
                "デモデータは新しいプロファイルに作成してください。",
            )


def populate_demo(profile: Profile, *, seed: int = 2025) -> dict[str, int]:
    """Fill an open, empty profile with a fiscal year (FY2025) of fictional work.

    Returns how many records of each kind were added (kinds with none are left out). The
    whole population is one transaction: on any failure the profile is left as it was.
    Refuses a profile that already holds visits, vendors, progress or other work records.
    """
    service = RecordService(profile)
    _ensure_empty(service)
    demo = Demo(profile, seed)
    with profile.database.transaction():
        _run(demo, seed)
    return dict(demo.counts)
