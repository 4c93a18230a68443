"""First-run setup, decided without Qt: what each wizard step accepts, how strong a passphrase
looks, whether the OS keyring can be offered, and the text of the saved recovery key.

The GUI wizard only shows what these functions return (PRACTICES §6, Electrum's UI-agnostic
wizard); the same functions serve a text-mode setup or a test.
"""

from __future__ import annotations

import logging
import math
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from pathlib import Path

from dxdesk.core.calendar import format_wareki
from dxdesk.core.clock import now_jst
from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import ROLES, Profile, create_profile
from dxdesk.store.keyring_store import backend_problem
from dxdesk.store.keys import MIN_PASSPHRASE, KdfParams, check_new_passphrase

log = logging.getLogger("dxdesk.services")

ROLE_LABELS: dict[str, str] = {
    "field": "現地担当者の端末",
    "hub": "統括責任者の端末",
}
ROLE_DESCRIPTIONS: dict[str, str] = {
    "field": "市町村を訪問し、訪問記録・課題・相談・工数を入力する担当者の端末です。",
    "hub": "各担当者の記録を取りまとめ、県への報告を作成する統括責任者の端末です。",
}
MAX_NAME = 100

STRENGTH_LABELS = ("弱い", "やや弱い", "普通", "強い", "とても強い")

# Passwords (and password stems) that appear near the top of every leaked-password list, plus a
# few local words. Lower-case; compared after NFKC and with common digit/symbol suffixes removed.
COMMON_PASSWORDS = frozenset(
    {
        "password",
        "passw0rd",
        "p@ssw0rd",
        "p@ssword",
        "pass",
        "passpass",
        "passphrase",
        "123456",
        "1234567",
        "12345678",
        "123456789",
        "1234567890",
        "0123456789",
        "987654321",
        "11111111",
        "00000000",
        "qwerty",
        "qwertyui",
        "qwertyuiop",
        "asdfghjk",
        "asdfghjkl",
        "zxcvbnm",
        "1qaz2wsx",
        "zaq12wsx",
        "qazwsx",
        "abc123",
        "abcd1234",
        "a1b2c3d4",
        "iloveyou",
        "letmein",
        "welcome",
        "admin",
        "administrator",
        "root",
        "guest",
        "login",
        "changeme",
        "secret",
        "default",
        "test",
        "testtest",
        "monkey",
        "dragon",
        "baseball",
        "football",
        "sunshine",
        "princess",
        "master",
        "superman",
        "trustno1",
        "shadow",
        "hello",
        "hellokitty",
        "pokemon",
        "doraemon",
        "sakura",
        "nihon",
        "nippon",
        "japan",
        "tokyo",
        "miyazaki",
        "dxdesk",
        "jichitai",
        "yakuba",
        "yakusho",
        "ぱすわーど",
        "パスワード",
    }
)

# Keys typed one after another: "abc", "123", "qwe", "asd" and the same backwards.
_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん",
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン",
)
_PAIRS = frozenset(
    pair for seq in _SEQUENCES for text in (seq, seq[::-1]) for pair in pairwise(text)
)

# Character-class sizes for the brute-force estimate. Japanese text typed by a person is words,
# not random characters from thousands of kanji: it is credited like a modest alphabet.
_POOL_LOWER = 26
_POOL_UPPER = 26
_POOL_DIGIT = 10
_POOL_SYMBOL = 33
_POOL_OTHER = 100

# After this many effective characters, each further one counts half: long text is made of
# words, and language is redundant.
_FULL_CREDIT_CHARS = 12
# Score thresholds in estimated bits, for 弱い / やや弱い / 普通 / 強い (else とても強い).
_THRESHOLDS = (28.0, 40.0, 52.0, 64.0)

HINT_TOO_SHORT = f"{MIN_PASSPHRASE}文字以上にしてください"
HINT_COMMON = "よく使われるパスワードです。別のものにしてください"
HINT_REPEATED = "同じ文字や語の繰り返しは推測されやすくなります"
HINT_SEQUENCE = "「abc」「123」のような並びは推測されやすくなります"
HINT_WORDS = "単語を組み合わせた長い文にすると覚えやすく強くなります"
HINT_LONGER = "もう少し長くすると、さらに強くなります"
HINT_GOOD = "十分な強さです"


@dataclass(frozen=True)
class Strength:
    """A rough guide for the person typing, not a guarantee: score 0 (弱い) to 4 (とても強い)."""

    score: int
    label: str
    hint: str
    bits: float = 0.0


def _char_class(ch: str) -> str:
    if ch.isascii():
        if ch.islower():
            return "lower"
        if ch.isupper():
            return "upper"
        if ch.isdigit():
            return "digit"
        return "symbol"
    return "other"


def _is_common(text: str) -> bool:
    lowered = text.lower()
    if lowered in COMMON_PASSWORDS:
        return True
    # "Password2025!", "!!qwerty": a listed stem with digits and symbols around it.
    stem = lowered.strip("0123456789!@#$%^&*()-_=+.,?/ ")
    return stem in COMMON_PASSWORDS or (stem.endswith("1") and stem[:-1] in COMMON_PASSWORDS)


def _common_inside(text: str) -> int:
    """Length of the longest listed password (5+ characters) inside the text."""
    lowered = text.lower()
    return max((len(w) for w in COMMON_PASSWORDS if len(w) >= 5 and w in lowered), default=0)


def _period(text: str) -> int:
    """Length of the shortest unit the text repeats ("abcabcab" -> 3), else its length."""
    n = len(text)
    for p in range(1, n // 2 + 1):
        if all(text[i] == text[i % p] for i in range(n)):
            return p
    return n


def passphrase_strength(text: str) -> Strength:
    """Estimate how hard the passphrase is to guess, from its length, character classes,
    repeated or sequential characters and a short list of common passwords."""
    normalized = unicodedata.normalize("NFKC", text)
    n = len(normalized)
    if n < MIN_PASSPHRASE:
        return Strength(0, STRENGTH_LABELS[0], HINT_TOO_SHORT)
    if _is_common(normalized):
        return Strength(0, STRENGTH_LABELS[0], HINT_COMMON)

    # A digit/symbol tail after letters ("Tanaka1985!") is the most common human pattern:
    # it counts half and does not widen the alphabet. Likewise a capital only at the start.
    body_end = n
    while body_end > 0 and _char_class(normalized[body_end - 1]) in ("digit", "symbol"):
        body_end -= 1
    tail_len = n - body_end
    if body_end == 0 or tail_len > 5:
        body_end, tail_len = n, 0
    body = normalized[:body_end]
    classes = [_char_class(ch) for ch in body]
    only_leading_upper = classes.count("upper") == 1 and classes[0] == "upper"

    pool = 0
    for name, size in (
        ("lower", _POOL_LOWER),
        ("upper", _POOL_UPPER),
        ("digit", _POOL_DIGIT),
        ("symbol", _POOL_SYMBOL),
        ("other", _POOL_OTHER),
    ):
        if name in classes and not (name == "upper" and only_leading_upper):
            pool += size
    pool = max(pool, _POOL_DIGIT)

    # Effective length: repeats count a quarter, steps along a sequence a half.
    repeats = steps = 0
    weights: list[float] = []
    lowered = normalized.lower()
    period = _period(lowered)
    for i, ch in enumerate(lowered):
        weight = 0.5 if i >= body_end else 1.0
        if i >= period or (i > 0 and ch == lowered[i - 1]):  # "abcabc...", "aaaa"
            repeats += 1
            weight *= 0.25
        elif i > 0 and (lowered[i - 1], ch) in _PAIRS:
            steps += 1
            weight *= 0.5
        weights.append(weight)
    effective = sum(weights)
    inside = _common_inside(normalized)
    if inside:
        effective = max(effective - inside + 1, 1.0)
    full = min(effective, _FULL_CREDIT_CHARS)
    bits = (full + (effective - full) / 2) * math.log2(pool)

    score = sum(1 for t in _THRESHOLDS if bits >= t)
    if inside and score > 2:
        score = 2
    if len(set(lowered)) <= 2 or repeats + steps >= n - 1:  # one character, or one run
        score = 0
    elif (repeats + steps) * 3 >= n:
        score = min(score, 1)
    if inside:
        hint = HINT_COMMON
    elif repeats * 3 >= n:
        hint = HINT_REPEATED
    elif steps * 3 >= n:
        hint = HINT_SEQUENCE
    elif score <= 2:
        hint = HINT_WORDS
    elif score == 3:
        hint = HINT_LONGER
    else:
        hint = HINT_GOOD
    return Strength(score, STRENGTH_LABELS[score], hint, round(bits, 1))


# -------------------------------------------------------------------- wizard steps


@dataclass
class SetupState:
    """What the setup wizard has collected so far."""

    owner_name: str = ""
    device_name: str = ""
    role: str = "field"
    passphrase: str = field(default="", repr=False)
    remember: bool = False


@dataclass
class SetupResult:
    profile: Profile
    recovery_key: str = field(repr=False)
    warnings: list[str] = field(default_factory=list)


def check_identity(name: str, device: str, role: str) -> list[str]:
    """Errors for the first step (氏名・端末名・役割); empty when it may proceed."""
    errors = []
    if not name.strip():
        errors.append("氏名を入力してください。")
    elif len(name.strip()) > MAX_NAME:
        errors.append(f"氏名は{MAX_NAME}文字以内で入力してください。")
    if not device.strip():
        errors.append("端末名を入力してください。")
    elif len(device.strip()) > MAX_NAME:
        errors.append(f"端末名は{MAX_NAME}文字以内で入力してください。")
    if role not in ROLES:
        errors.append("端末の役割を選択してください。")
    return errors


def check_passphrase(passphrase: str, confirmation: str) -> list[str]:
    """Errors for the passphrase step: too short, not yet confirmed, or not the same twice."""
    errors = []
    try:
        check_new_passphrase(passphrase)
    except UserError as err:
        errors.append(err.message)
    if not confirmation:
        errors.append("確認のため、同じパスフレーズをもう一度入力してください。")
    elif unicodedata.normalize("NFKC", passphrase) != unicodedata.normalize("NFKC", confirmation):
        # NFKC: the key is derived from the normalised text, so full- and half-width agree.
        errors.append(UserError("passphrase_mismatch").message)
    return errors


def keyring_option() -> tuple[bool, str]:
    """Whether "remember on this computer" can be offered, and why not when it cannot."""
    problem = backend_problem()
    if problem is None:
        return True, ""
    return False, problem


def run_setup(
    paths: ProfilePaths, state: SetupState, *, kdf: KdfParams | None = None
) -> SetupResult:
    """Create the profile (open) and, if asked, remember its key in the OS keyring.

    Raises UserError when the profile cannot be created. A keyring that refuses afterwards does
    not undo the profile: it becomes a warning, and the passphrase still opens it.
    """
    errors = check_identity(state.owner_name, state.device_name, state.role)
    if errors:
        raise UserError("bad_argument", detail=" ".join(errors))
    profile, recovery = create_profile(
        paths,
        owner_name=state.owner_name,
        device_name=state.device_name,
        role=state.role,
        passphrase=state.passphrase,
        kdf=kdf,
    )
    result = SetupResult(profile, recovery)
    if state.remember:
        try:
            profile.remember_in_keyring()
        except UserError as err:
            log.warning("keyring refused at setup (%s)", err.code)
            result.warnings.append(
                err.message + "この端末への記憶は行いませんでした。パスフレーズで開いてください。"
            )
    return result


# -------------------------------------------------------------------- recovery key


def recovery_key_groups(recovery: str) -> list[str]:
    """The key as its groups of four characters, for display."""
    return [g for g in recovery.replace(" ", "-").split("-") if g]


def recovery_key_lines(recovery: str, per_line: int = 4) -> list[str]:
    groups = recovery_key_groups(recovery)
    return ["-".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]


def recovery_key_text(
    recovery: str,
    profile_dir: Path | str,
    owner: str,
    device: str,
    *,
    created: datetime | None = None,
) -> str:
    """The content of the "save as text" file: what the key is for, the key, where and when."""
    when = created or now_jst()
    key_lines = "\n".join(f"    {line}" for line in recovery_key_lines(recovery))
    lines = [
        "dxdesk 回復キー",
        "=" * 24,
        "",
        "この回復キーは、パスフレーズを忘れたときにこの端末のデータを開くためのものです。",
        "回復キーを知っている人は、パスフレーズがなくてもデータを開くことができます。",
        "",
        "回復キー：",
        key_lines,
        "",
        f"氏名：{owner}",
        f"端末名：{device}",
        f"プロファイルの場所：{profile_dir}",
        f"作成日：{format_wareki(when.date())}（{when:%Y-%m-%d}）",
        "",
        "取り扱い：",
        "・印刷するか書き写し、パソコンとは別の鍵のかかる場所に保管してください。",
        "・このファイルは、印刷または書き写しが済んだら削除することをお勧めします。",
        "  パソコン内や、パソコンと一緒に持ち歩く USB メモリには残さないでください。",
        "・回復キーで開くときは、解錠画面の「回復キーで解錠…」を選び、上の文字を入力してください。",
        "  大文字・小文字、空白やハイフンの有無は問いません。",
        "・新しいパスフレーズを設定した後も、この回復キーは引き続き有効です。",
        "",
    ]
    return "\n".join(lines)
