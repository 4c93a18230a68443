"""Every error code has a message, every message formats with what its callers pass, and every
message is one polite, complete Japanese sentence (or two) ending in 「。」."""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass
from pathlib import Path

import pytest

import dxdesk
from dxdesk.core.model import kind, validate
from dxdesk.errors import MESSAGES, InvalidRecord, UserError, ValidationError

SRC = Path(dxdesk.__file__).parent


@dataclass(frozen=True)
class Call:
    where: str
    code: str
    params: frozenset[str]
    has_star_kwargs: bool
    detail: ast.expr | None


def user_error_calls() -> list[Call]:
    """Every ``UserError("code", ...)`` in the package, found by parsing (not by regex)."""
    calls = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name != "UserError" or not node.args:
                continue
            first = node.args[0]
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                f"{path}:{node.lineno}: the error code must be a string literal"
            )
            keywords = {k.arg for k in node.keywords if k.arg is not None}
            detail = next((k.value for k in node.keywords if k.arg == "detail"), None)
            calls.append(
                Call(
                    where=f"{path.relative_to(SRC)}:{node.lineno}",
                    code=first.value,
                    params=frozenset(keywords),
                    has_star_kwargs=any(k.arg is None for k in node.keywords),
                    detail=detail,
                )
            )
    return calls


CALLS = user_error_calls()


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_scan_finds_the_callers() -> None:
    codes = {c.code for c in CALLS}
    # A sanity check on the scanner itself: these are raised in several layers.
    assert {"wrong_passphrase", "keyfile_corrupt", "database_locked", "bad_argument"} <= codes
    assert len(CALLS) > 30


def test_every_code_raised_has_a_message() -> None:
    missing = sorted({f"{c.code} ({c.where})" for c in CALLS if c.code not in MESSAGES})
    assert missing == []


@pytest.mark.parametrize("call", CALLS, ids=lambda c: f"{c.code}@{c.where}")
def test_callers_pass_every_placeholder(call: Call) -> None:
    if call.code not in MESSAGES:
        pytest.fail(f"{call.code} has no message")
    needed = placeholders(MESSAGES[call.code]) - {"code"}
    if call.has_star_kwargs:
        return
    assert needed <= call.params, f"{call.where}: {call.code} needs {sorted(needed)}"
    # And it really formats (no KeyError swallowed into a raw template).
    err = UserError(call.code, **dict.fromkeys(call.params, "値"))
    assert "{" not in err.message, err.message


def test_no_message_is_unused() -> None:
    # The codes ValidationError and InvalidRecord give themselves.
    used = {c.code for c in CALLS} | {"invalid_value", "invalid_values"}
    assert sorted(set(MESSAGES) - used) == []


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_message_is_a_polite_full_sentence(code: str) -> None:
    params = dict.fromkeys(placeholders(MESSAGES[code]), "値")
    if code == "bad_argument":
        params["detail"] = "項目名=値 の形式で指定してください。"
    text = UserError(code, **params).message
    assert text.endswith("。"), text
    assert "。。" not in text, text
    assert "\n" not in text
    # Polite form: です／ます (or a request ending in ください).
    assert any(mark in text for mark in ("です", "ます", "ました", "ください", "ません")), text


def test_bad_argument_details_are_full_sentences() -> None:
    """bad_argument's message is its detail, so each detail written in code must end in 。."""
    for call in (c for c in CALLS if c.code == "bad_argument"):
        detail = call.detail
        assert detail is not None, call.where
        if isinstance(detail, ast.Constant):
            last = detail.value
        elif isinstance(detail, ast.JoinedStr):
            last = detail.values[-1].value if isinstance(detail.values[-1], ast.Constant) else ""
        else:
            continue  # computed elsewhere
        assert isinstance(last, str) and last.endswith("。"), call.where


def test_unknown_code_formats_to_its_code() -> None:
    assert UserError("no_such_code").message == "no_such_code"


def test_missing_params_do_not_raise() -> None:
    # A caller that forgets a parameter still gets a message, not a KeyError of its own.
    assert "{path}" in UserError("keyfile_missing").message


def test_validation_error_names_field_and_label() -> None:
    err = ValidationError("hours", "時間", "24以下で入力してください")
    assert err.code == "invalid_value"
    assert err.field == "hours"
    assert "hours" in err.message and "時間" in err.message
    assert "24以下で入力してください" in err.message
    assert err.message.endswith("。")
    assert isinstance(err, UserError)


def test_validation_errors_from_the_model_name_field_and_label() -> None:
    cases = [
        ("time", {"hours": "25"}, "hours", "時間"),
        ("visit", {"date": "2025-02-30"}, "date", "日付"),
        ("visit", {"start_time": "25:00"}, "start_time", "開始"),
        ("step_status", {"step_no": "0"}, "step_no", "ステップ"),
        ("visit", {"title": ""}, "title", "件名"),
    ]
    for kind_name, values, field_name, label in cases:
        k = kind(kind_name)
        full = {f.name: values.get(f.name) for f in k.fields if f.name in values}
        with pytest.raises(ValidationError) as info:
            validate(k, full, partial=True)
        assert info.value.field == field_name
        message = info.value.message
        assert f"（{field_name}）" in message and f"「{label}」" in message, message
        assert message.endswith("。") and "。。" not in message, message


def test_every_problem_of_a_record_in_one_sentence() -> None:
    k = kind("visit")
    with pytest.raises(InvalidRecord) as info:
        validate(
            k, {"date": "2025-02-30", "mode": "徒歩", "start_time": "10:00", "end_time": "9:00"}
        )
    err = info.value
    assert err.code == "invalid_values"
    assert [e.field for e in err.errors] == ["date", "end_time", "org_id", "mode", "title"]
    message = err.message
    assert message.startswith("入力内容に5件の問題があります（「日付」（date）：日付として")
    assert "「終了」（end_time）：終了時刻は開始時刻より後にしてください" in message
    assert "「件名」（title）：必須項目です" in message
    assert message.endswith("）。") and "。。" not in message and "\n" not in message
    # Still a ValidationError naming a true problem, for callers that show one.
    assert isinstance(err, ValidationError) and err.field == "date"


def test_unknown_field_and_kind_messages() -> None:
    with pytest.raises(UserError) as info:
        validate(kind("visit"), {"colour": "red"}, partial=True)
    assert info.value.code == "unknown_field"
    assert "colour" in info.value.message and "title" in info.value.message
    with pytest.raises(UserError) as info:
        kind("visitt")
    assert info.value.code == "unknown_kind"
    assert "visitt" in info.value.message and "visit" in info.value.message
