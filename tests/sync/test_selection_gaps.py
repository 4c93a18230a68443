"""Gap warnings over a selection of bundles: a change carried by another bundle of the same
selection is not missing, in whatever order the files were chosen; what is missing is said in
words (the laptop's name and person, from when)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from dxdesk.core.calendar import format_wareki
from dxdesk.core.clock import now_jst
from dxdesk.services import sync
from dxdesk.services.records import RecordService
from tests.sync.sync_helpers import enrol_field, make_profile, visit


@pytest.fixture
def three(tmp_path: Path):
    """Three bundles of one laptop, none of them imported at the hub yet."""
    hub = make_profile(tmp_path / "hub", "hub", "統括")
    field = make_profile(tmp_path / "field", "field", "平川")
    enrol_field(hub, field, tmp_path)
    paths = []
    for n in range(3):
        RecordService(field).add("visit", visit(f"訪問 {n + 1}"))
        paths.append(sync.export_bundle(field, "hub", tmp_path / f"usb{n}").path)
    try:
        yield hub, field, paths
    finally:
        hub.close(backup=False)
        field.close(backup=False)


def test_bundles_of_one_selection_fill_each_others_gaps_in_any_order(three) -> None:
    hub, _field, paths = three
    previews = {path: sync.preview(hub, path) for path in paths}
    # Alone, the later bundles would warn: what the first holds has not arrived.
    assert previews[paths[1]].plan.gaps and previews[paths[2]].plan.gaps
    for order in itertools.permutations(paths):
        chosen = [previews[p] for p in order]
        assert sync.selection_gaps(hub, chosen) == [], order
        assert [p.path for p in sync.in_import_order(chosen)] == paths
    # Applied in that order, no bundle reports a gap either.
    for p in sync.in_import_order(list(previews.values())):
        result = sync.import_bundle(hub, p.path, p)
        assert result.summary is not None and result.summary.gaps == {}


def test_a_missing_bundle_is_said_in_words(three) -> None:
    hub, field, paths = three
    today = format_wareki(now_jst().date())
    chosen = [sync.preview(hub, p) for p in (paths[2], paths[1])]  # the first stayed at home
    [gap] = sync.selection_gaps(hub, chosen)
    first = sync.preview(hub, paths[0]).manifest.ranges[field.device_id]
    assert (gap.first, gap.last) == first
    assert (gap.device_name, gap.owner) == ("平川の端末", "平川 担当")
    assert gap.after == "" and gap.until == now_jst().date().isoformat()
    assert gap.sentence.startswith(f"端末「平川の端末」（平川 担当）の{today}までの作業（変更 ")

    # The middle one missing: the work between the first and the third.
    sync.import_bundle(hub, paths[0])
    [gap] = sync.selection_gaps(hub, [sync.preview(hub, paths[2])])
    middle = sync.preview(hub, paths[1]).manifest.ranges[field.device_id]
    assert (gap.first, gap.last) == middle
    assert f"の{today}の作業（変更 {gap.count} 件、連番 " in gap.sentence  # one day: said once
