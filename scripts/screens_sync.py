"""Grab the merge screens a supervisor meets, offscreen, into docs/screens/:

    QT_QPA_PLATFORM=offscreen python scripts/screens_sync.py [--out docs/screens] [--lang en]

A hub and a field laptop are made in a temporary folder (no demo needed): the choice of the
laptop's person at accept (dialog-enrol-staff.png), the conflict log with a concurrent edit of
a visit's title (dialog-conflicts.png) and the merge of one person entered twice
(dialog-staff-merge.png), and the import of a bundle whose predecessor was left at home
(dialog-import-gap.png), each within 1366x768.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from dxdesk.paths import ProfilePaths
from dxdesk.services import sync
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.records import RecordService
from dxdesk.store.keys import KdfParams

PASSPHRASE = "dxdesk-screens"  # noqa: S105 - throwaway profiles in a temporary folder


def _profile(root: Path, role: str, owner: str, device: str) -> Profile:
    profile, _recovery = create_profile(
        ProfilePaths(root),
        owner_name=owner,
        device_name=device,
        role=role,
        passphrase=PASSPHRASE,
        kdf=KdfParams(iterations=1, memory_kib=8192, lanes=1),
    )
    return profile


def grab(widget: QWidget, path: Path) -> None:
    app = QApplication.instance()
    assert app is not None
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screens")
    parser.add_argument("--lang", default="ja", choices=["ja", "en"])
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from dxdesk.gui.app import install_translators

    translators = install_translators(app, args.lang)
    suffix = "" if args.lang == "ja" else "-en"
    from dxdesk.gui.staff import StaffMergeDialog
    from dxdesk.gui.sync import ConflictsView, ImportDialog, StaffLinkDialog

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        hub = _profile(root / "hub", "hub", "宮崎 統括", "統括の端末")
        field = _profile(root / "field", "field", "平川　美咲", "平川のノート")
        try:
            records = RecordService(hub)
            records.add("staff", {"name": "平川 美咲", "role": "伴走支援"})
            records.add("staff", {"name": "黒木 花子", "role": "伴走支援"})
            request, _fp = sync.write_request(field, root / "request.dxenrol")
            member = sync.read_request(request)
            link = StaffLinkDialog(hub, member)
            grab(link, out / f"dialog-enrol-staff{suffix}.png")
            team = sync.accept(hub, member, root / "team.dxenrol", staff_id=link.chosen())
            link.reject()
            sync.join(field, sync.read_team(team))
            usb = root / "usb"
            visit = {"date": "2025-11-25", "org_id": "高千穂町", "mode": "訪問"}
            rid = RecordService(field).add("visit", {**visit, "title": "窓口DX 打合せ"}).record_id
            sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)
            RecordService(hub).edit("visit", rid, {"title": "窓口DX 打合せ（第1回）"})
            RecordService(field).edit(
                "visit", rid, {"title": "窓口DX 打合せ（書かない窓口）", "org_id": "日之影町"}
            )
            sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)
            view = ConflictsView(hub)
            view.resize(1340, 420)
            grab(view, out / f"dialog-conflicts{suffix}.png")
            # A bundle left at home: the next one's import names whose work, from when.
            RecordService(field).add("visit", {**visit, "title": "置き忘れたバンドルの訪問"})
            sync.export_bundle(field, "hub", usb / "home").path.unlink()
            RecordService(field).add("visit", {**visit, "title": "次の訪問"})
            later = sync.export_bundle(field, "hub", usb / "stick").path
            dialog = ImportDialog(hub)
            dialog.add_files([later])
            grab(dialog, out / f"dialog-import-gap{suffix}.png")
            dialog.reject()
            # One person entered twice by hand: the merge from the staff register.
            records.add("staff", {"name": "黒木花子", "role": "伴走支援"})
            merge = StaffMergeDialog(hub)
            grab(merge, out / f"dialog-staff-merge{suffix}.png")
            merge.reject()
        finally:
            hub.close(backup=False)
            field.close(backup=False)
    del translators
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
