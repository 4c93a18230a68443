"""Three groups over three organisations, shared by the tree's service test and its window test."""

from __future__ import annotations

from dxdesk.core.ids import natural_id
from dxdesk.services.records import RecordService

MIYAZAKI = natural_id("organisation", "452017")  # 宮崎市
KUNITOMI = natural_id("organisation", "453820")  # 国富町
AYA = natural_id("organisation", "453838")  # 綾町

GROUPS = (
    ("宮崎・東諸県", "生活圏", (MIYAZAKI, KUNITOMI, AYA)),
    ("綾・国富連携", "生活圏", (AYA,)),
    ("A社利用団体", "ベンダ", (KUNITOMI,)),
)


def add_groups(records: RecordService) -> None:
    """Add GROUPS with their members, as the window's members editor saves them."""
    for name, group_type, members in GROUPS:
        group = records.add("group", {"name": name, "group_type": group_type}).record_id
        records.set_members("group", group, dict.fromkeys(members, True))
