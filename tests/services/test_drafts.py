"""Drafts: unsaved form contents kept inside the encrypted database, local only."""

from __future__ import annotations

from pathlib import Path

from dxdesk.services.drafts import Draft, DraftService, new_draft_id
from dxdesk.services.profile import Credentials, Profile, open_profile
from tests.conftest import PASSPHRASE

NOTE = "宮崎市の住民記録システム移行について、下書きの本文ＸＹＺ検査"
TITLE = "下書き検証用の件名・鰹節"


def _reopen(profile: Profile) -> Profile:
    profile.close(backup=False)
    return open_profile(profile.paths, Credentials(passphrase=PASSPHRASE, use_keyring=False))


def test_round_trip_with_japanese(profile: Profile) -> None:
    drafts = DraftService(profile)
    draft_id = new_draft_id()
    drafts.save(draft_id, "record", "visit", None, {"title": TITLE, "notes": NOTE + "\n二行目"})
    draft = drafts.get(draft_id)
    assert isinstance(draft, Draft)
    assert (draft.id, draft.form, draft.kind, draft.record_id) == (
        draft_id,
        "record",
        "visit",
        None,
    )
    assert draft.values == {"title": TITLE, "notes": NOTE + "\n二行目"}
    assert draft.saved_at.startswith("20") and draft.saved_at.endswith("+09:00")
    assert drafts.pending() == [draft]


def test_save_replaces_the_same_draft(profile: Profile) -> None:
    drafts = DraftService(profile)
    drafts.save("d1", "record", "visit", None, {"title": "一回目"})
    drafts.save("d1", "record", "visit", "rec-1", {"title": "二回目", "place": "役場"})
    [draft] = drafts.pending()
    assert draft.record_id == "rec-1"
    assert draft.values == {"title": "二回目", "place": "役場"}


def test_pending_is_newest_first_and_get_of_unknown_is_none(profile: Profile) -> None:
    drafts = DraftService(profile)
    drafts.save("a", "record", "visit", None, {"title": "A"})
    drafts.save("b", "record", "issue", None, {"title": "B"})
    profile.database.conn.execute(
        "UPDATE drafts SET saved_at = '2020-01-01T00:00:00+09:00' WHERE id = 'a'"
    )
    assert [d.id for d in drafts.pending()] == ["b", "a"]
    assert drafts.get("missing") is None


def test_drafts_survive_close_and_reopen(profile: Profile) -> None:
    DraftService(profile).save("d1", "record", "visit", None, {"notes": NOTE})
    reopened = _reopen(profile)
    try:
        [draft] = DraftService(reopened).pending()
        assert draft.values == {"notes": NOTE}
    finally:
        reopened.close(backup=False)


def test_discard(profile: Profile) -> None:
    drafts = DraftService(profile)
    drafts.save("d1", "record", "visit", None, {"notes": NOTE})
    drafts.save("d2", "record", "visit", None, {"notes": "残す"})
    drafts.discard("d1")
    drafts.discard("d1")  # twice is harmless
    assert [d.id for d in drafts.pending()] == ["d2"]
    assert drafts.get("d1") is None


def test_drafts_are_local_only(profile: Profile) -> None:
    before = profile.database.query("SELECT count(*) AS n FROM changes")[0]["n"]
    audit = profile.database.query("SELECT count(*) AS n FROM audit_log")[0]["n"]
    drafts = DraftService(profile)
    drafts.save("d1", "record", "visit", None, {"notes": NOTE})
    drafts.discard("d1")
    assert profile.database.query("SELECT count(*) AS n FROM changes")[0]["n"] == before
    assert profile.database.query("SELECT count(*) AS n FROM audit_log")[0]["n"] == audit


def test_a_damaged_payload_still_lists_the_draft(profile: Profile) -> None:
    drafts = DraftService(profile)
    drafts.save("d1", "record", "visit", None, {"notes": NOTE})
    profile.database.conn.execute("UPDATE drafts SET payload = 'not json' WHERE id = 'd1'")
    [draft] = drafts.pending()
    assert draft.values == {}


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def _leaks(root: Path) -> list[str]:
    return [
        f"{p.relative_to(root)}: {text}"
        for p in sorted(root.rglob("*"))
        if p.is_file()
        for text in (NOTE, TITLE, "下書きの本文")
        for needle in _encodings(text)
        if needle in p.read_bytes()
    ]


def test_draft_text_never_reaches_the_disk_in_plaintext(profile: Profile) -> None:
    root: Path = profile.paths.root
    drafts = DraftService(profile)
    drafts.save("kept", "record", "visit", None, {"notes": NOTE, "title": TITLE})
    drafts.save("gone", "record", "visit", None, {"notes": NOTE + "（破棄）"})
    drafts.discard("gone")
    # While open, the write-ahead log holds the latest pages: encrypted too.
    assert any(p.name.endswith("-wal") for p in root.rglob("*"))
    assert _leaks(root) == []
    profile.close(backup=True)  # the automatic backup is scanned too
    assert any(p.suffix == ".db" and "backups" in p.parts for p in root.rglob("*"))
    assert _leaks(root) == []
