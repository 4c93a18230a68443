"""帳票 > 成果品一式の作成: the fiscal year's deliverables in one .zip, with progress and cancel.

The documents are built on a worker (gui/worker.py run_task: a bar and 中止; the autosaving
forms wait while it holds the profile's connection); 中止 is honoured before the next
document, and nothing is written until the last one is made (services/package.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from dxdesk.core.calendar import fiscal_year, format_fiscal_year
from dxdesk.core.clock import today_jst
from dxdesk.errors import UserError
from dxdesk.gui.messages import message_box, user_message, warn
from dxdesk.gui.worker import run_task
from dxdesk.services.package import Package, build_package
from dxdesk.services.profile import Profile


def make_package(parent: QWidget | None, profile: Profile, fy: int, out: Path) -> Package | None:
    """Build the package with a progress dialog; None when stopped or refused (said)."""
    try:
        return run_task(
            parent,
            QCoreApplication.translate("PackageDialog", "成果品一式の作成"),
            QCoreApplication.translate("PackageDialog", "成果品一式を作成しています…"),
            lambda progress: build_package(profile, fy, out, progress=progress),
        )
    except UserError as err:
        if err.code not in ("package_cancelled", "task_cancelled"):
            warn(
                parent,
                QCoreApplication.translate("PackageDialog", "成果品一式の作成"),
                user_message(err),
            )
        return None


def ask_and_make(parent: QWidget | None, profile: Profile, month: str | None) -> Package | None:
    """Ask the fiscal year and the .zip to write, then make it and say what was made."""
    shown = date(int(month[:4]), int(month[5:7]), 1) if month else today_jst()
    fy, ok = QInputDialog.getInt(
        parent,
        QCoreApplication.translate("PackageDialog", "成果品一式の作成"),
        QCoreApplication.translate("PackageDialog", "年度（例：2025 は令和7年度）"),
        fiscal_year(shown),
        2019,
        2100,
    )
    if not ok:
        return None
    folder = str(QSettings().value("documents/folder", str(Path.home())))
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PackageDialog", "成果品一式の保存"),
        str(Path(folder) / f"成果品一式_{format_fiscal_year(fy)}.zip"),
        QCoreApplication.translate("PackageDialog", "ZIP ファイル (*.zip)"),
    )
    if not chosen:
        return None
    target = Path(chosen) if chosen.lower().endswith(".zip") else Path(chosen + ".zip")
    result = make_package(parent, profile, fy, target)
    if result is not None:
        text = QCoreApplication.translate(
            "PackageDialog", "成果品一式を作成しました：%1（書類 %2件）"
        ).replace("%1", str(target))
        text = text.replace("%2", str(len(result.entries)))
        if result.skipped:
            text += (
                "\n"
                + QCoreApplication.translate("PackageDialog", "記録がないため作成していない書類：")
                + "、".join(result.skipped)
            )
        message_box(
            parent,
            QMessageBox.Icon.Information,
            QCoreApplication.translate("PackageDialog", "成果品一式の作成"),
            text,
        ).exec()
    return result
