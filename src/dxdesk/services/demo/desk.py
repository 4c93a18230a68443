"""The demo's supervisor's desk (issue 12): the municipalities' wishes for trainings (some
answered by the year's trainings), open points of meetings taken up as issues (linked both
ways), and an issue found at a training.

The last stage, with a random stream of its own: the stages before it produce what they did
before this one existed, so the figures other tests and benchmarks know stay as they were.
"""

from __future__ import annotations

import random

from dxdesk.core.model import OPEN_POINT, kind
from dxdesk.services.demo.plan import Row
from dxdesk.services.demo.state import Demo

# (theme, the words a training's title holds when it answers the wish)
WISH_THEMES: tuple[tuple[str, str], ...] = (
    ("標準準拠システムへの移行に向けた業務見直し", "標準化"),
    ("書かない窓口・フロントヤード改革の進め方", "フロントヤード"),
    ("生成AIの業務活用と利用上の注意点", "AI"),
    ("情報セキュリティポリシーの見直し", "セキュリティ"),
    ("RPAによる定型業務の自動化", "RPA"),
    ("データ利活用（EBPM）の基礎", "データ"),
)
PERIODS = ("6月頃", "7月〜8月", "9月頃", "10月〜11月", "年度内", "下半期")
FORMATS = ("オンライン", "対面", "どちらでも")
OPEN_POINTS_RAISED = 6  # open points of meetings with a municipality taken up as issues


def add_desk(demo: Demo, seed: int) -> None:
    rng = random.Random(f"desk-{seed}")  # noqa: S311 - fake demo data, not secrets
    _add_wishes(demo, rng)
    _raise_open_points(demo, rng)
    _raise_training_issue(demo)


def _add_wishes(demo: Demo, rng: random.Random) -> None:
    trainings = demo.svc.list_records("training")
    rows: list[Row] = []
    for org in sorted(rng.sample(demo.municipalities, 14), key=lambda o: o.code):
        theme, word = rng.choice(WISH_THEMES)
        answered = next((t for t in trainings if word in str(t.get("title") or "")), None)
        rows.append(
            {
                "org_id": org.id,
                "received_on": f"2025-05-{rng.randint(7, 30):02d}",
                "theme": theme,
                "preferred_format": rng.choice(FORMATS),
                "preferred_period": rng.choice(PERIODS),
                "note": "研修要望調査（5月実施）への回答。",
                "training_id": answered["id"] if answered and rng.random() < 0.6 else None,
            }
        )
    demo.add("training_wish", rows)


def _raise_open_points(demo: Demo, rng: random.Random) -> None:
    """A few open points of meetings with a municipality become issues, each holding the other."""
    meetings = {str(m["id"]): m for m in demo.svc.list_records("meeting")}
    open_points = [
        (item_id, values)
        for item_id, values in demo.meeting_items
        if values["item_type"] == OPEN_POINT
        and values.get("org_id")
        and not str(values["text"]).startswith("議事録")  # our own chore, not an issue
    ]
    raising = kind("meeting_item").follow_ups[0]
    chosen = rng.sample(open_points, min(OPEN_POINTS_RAISED, len(open_points)))
    rows: list[Row] = []
    for _item_id, values in chosen:
        meeting = meetings[str(values["meeting_id"])]
        rows.append(
            {
                "org_id": values["org_id"],
                "title": raising.first_line(str(values["text"])),
                "description": values["text"],
                "category": "ベンダ調整",
                "priority": "中",
                "status": "対応中",
                "raised_on": meeting["date"],
                "meeting_id": values["meeting_id"],
            }
        )
    issues = demo.add("issue", rows)
    for (item_id, _values), issue_id in zip(chosen, issues, strict=True):
        demo.svc.edit("meeting_item", item_id, {"issue_id": issue_id})


def _raise_training_issue(demo: Demo) -> None:
    held = [t for t in demo.svc.list_records("training") if t.get("status") == "実施済み"]
    if not held:
        return
    training = held[0]
    orgs = demo.svc.children("training", str(training["id"])).get("training_participant") or []
    if not orgs or not training.get("issues_found"):
        return
    text = str(training["issues_found"])
    demo.add(
        "issue",
        [
            {
                "org_id": orgs[0]["org_id"],
                "title": text.split("。", maxsplit=1)[0][:60],
                "description": text,
                "category": "DX推進",
                "priority": "低",
                "raised_on": training["date"],
                "training_id": training["id"],
            }
        ],
    )
