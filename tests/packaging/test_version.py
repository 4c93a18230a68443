"""The version is written once (dxdesk/__init__.py) and read by everything that shows it:
pyproject (the wheel), --version, the PDFs' and workbooks' metadata, the bundles' manifest, and a
newer bundle's refusal that names it."""

from __future__ import annotations

import io
import re
import tomllib
import uuid
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dxdesk import __version__
from dxdesk.errors import UserError
from dxdesk.reports.xlsx import Sheet, workbook_bytes
from dxdesk.services import sync
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import ReportRequest, build
from dxdesk.store.migrations import head_version
from dxdesk.sync import crypto
from tests.conftest import run_cli
from tests.sync.bundle_helpers import craft, read_all, rows, senders
from tests.sync.sync_helpers import enrol_field, make_profile, visit

ROOT = Path(__file__).resolve().parents[2]


def test_pyproject_takes_the_version_from_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/dxdesk/__init__.py"
    source = (ROOT / "src" / "dxdesk" / "__init__.py").read_text(encoding="utf-8")
    assert re.findall(r'^__version__ = "([^"]+)"$', source, re.M) == [__version__]
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_version_option_prints_it() -> None:
    code, out, _err = run_cli(["--version"])
    assert code == 0 and out.strip() == f"dxdesk, version {__version__}"


def test_documents_carry_the_version_in_their_metadata(profile: Profile) -> None:
    RecordService(profile).add("visit", visit("版の確認"))
    pdf = build(profile, ReportRequest(kind="monthly", month="2025-11"), "pdf")
    assert PdfReader(io.BytesIO(pdf)).metadata["/Creator"] == f"dxdesk {__version__}"
    data = workbook_bytes([Sheet("一覧", ["項目"], [["値"]])], title="版")
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.properties.version == __version__
    assert workbook.properties.creator == "dxdesk"


def test_a_bundle_says_which_dxdesk_wrote_it(tmp_path: Path) -> None:
    hub = make_profile(tmp_path / "hub", "hub", "統括")
    field = make_profile(tmp_path / "field", "field", "山田")
    try:
        enrol_field(hub, field, tmp_path)
        RecordService(field).add("visit", visit("版の確認"))
        exported = sync.export_bundle(field, hub.device_id, tmp_path / "usb")
        assert sync.preview(hub, exported.path).manifest.app_version == __version__
    finally:
        hub.close(backup=False)
        field.close(backup=False)


def test_a_bundle_from_a_newer_dxdesk_is_read_unless_it_needs_more(tmp_path: Path) -> None:
    """Versions mix (docs/architecture.md): a newer writer's bundle is read; only a feature it
    requires that this version cannot honour refuses it, with the sentence to update dxdesk."""
    field = crypto.generate_keys(str(uuid.uuid4()))
    hub = crypto.generate_keys(str(uuid.uuid4()))
    newer = {"schema_version": head_version() + 2, "app_version": "2.4.0"}
    path = tmp_path / "newer.dxb"
    path.write_bytes(craft(field, hub, rows(field.device_id, 2), manifest=newer))
    assert len(read_all(path, hub, senders(field))) == 2
    needs = {**newer, "requires": ["time-travel"]}
    path.write_bytes(craft(field, hub, rows(field.device_id, 2), manifest=needs))
    with pytest.raises(UserError) as refused:
        read_all(path, hub, senders(field))
    assert refused.value.code == "bundle_unsupported_feature"
    assert "dxdesk を更新してから読み込んでください" in refused.value.message


@pytest.mark.parametrize("bad", [7, "", "x" * 41, ["1.0"]])
def test_a_malformed_version_in_a_manifest_is_damage(tmp_path: Path, bad: object) -> None:
    field = crypto.generate_keys(str(uuid.uuid4()))
    hub = crypto.generate_keys(str(uuid.uuid4()))
    path = tmp_path / "bad.dxb"
    path.write_bytes(craft(field, hub, rows(field.device_id, 1), manifest={"app_version": bad}))
    with pytest.raises(UserError) as refused:
        read_all(path, hub, senders(field))
    assert refused.value.code == "bundle_damaged"
