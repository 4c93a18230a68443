"""Expected failures that a user can act on.

Everything a user can cause (a wrong passphrase, a bad value, a locked profile, a full disk)
is a ``UserError`` with a stable code and a Japanese message; the CLI prints the message and
exits non-zero, the GUI shows it. Anything else is a bug and is reported as one.
"""

from __future__ import annotations

from typing import Any

# One polite Japanese sentence per code. Placeholders are filled from the error's params.
MESSAGES: dict[str, str] = {
    "wrong_passphrase": "パスフレーズが正しくありません。入力内容をご確認ください。",
    "wrong_recovery_key": "回復キーが正しくありません。印刷・保存した回復キーをご確認ください。",
    "passphrase_mismatch": "確認用に入力されたパスフレーズが一致しません。",
    "passphrase_too_short": "パスフレーズは{min}文字以上で設定してください。",
    "passphrase_required": "パスフレーズが入力されていません。",
    "keyfile_missing": "鍵ファイル（{path}）が見つかりません。プロファイルのフォルダをご確認ください。",
    "keyfile_corrupt": "鍵ファイル（{path}）が破損しているか、改ざんされています。",
    "database_missing": "データベース（{path}）が見つかりません。",
    "database_corrupt": "データベースが破損しているか、鍵と一致しません（{detail}）。",
    "database_locked": "このプロファイルは別の dxdesk で使用中です。他の画面を閉じてから再度お試しください。",
    "schema_too_new": (
        "このデータベースは新しい版の dxdesk（スキーマ版 {found}）で作成されています。"
        "この版（スキーマ版 {supported}）では開けませんので、dxdesk を更新してください。"
    ),
    "sqlcipher_too_old": "暗号化ライブラリ SQLCipher {found} は古いため使用できません（4 以上が必要です）。",
    "profile_exists": "プロファイル（{path}）は既に存在します。別の場所を指定してください。",
    "profile_missing": (
        "プロファイル（{path}）が見つかりません。"
        "先に「dxdesk init」または「dxdesk demo」を実行してください。"
    ),
    "keyring_unavailable": "この端末では安全な資格情報ストアを利用できません（{reason}）。",
    "keyring_not_remembered": "この端末には鍵が記憶されていません。",
    "disk_full": "ディスクの空き容量が不足しているため、保存できませんでした。",
    "io_error": "ファイルの読み書きに失敗しました（{path}）。",
    "invalid_value": "「{label}」（{field}）の値が正しくありません：{reason}。",
    "unknown_field": "「{kind}」に「{field}」という項目はありません。使用できる項目：{fields}。",
    "unknown_kind": "「{kind}」という記録の種類はありません。使用できる種類：{kinds}。",
    "unknown_organisation": "団体「{value}」が見つかりません。団体名または団体コードをご確認ください。",
    "unknown_record": "{label}（ID：{id}）が見つかりません。",
    "record_deleted": "{label}（ID：{id}）は削除済みです。",
    "backup_invalid": "バックアップファイル（{path}）を検証できませんでした：{detail}。",
    "bad_argument": "{detail}",
    "passphrase_source": "パスフレーズファイル（{path}）を読み込めませんでした。",
}


class UserError(Exception):
    """A failure the user can understand and fix; never carries secrets."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        template = MESSAGES.get(self.code, "{code}")
        try:
            text = template.format(code=self.code, **self.params)
        except (KeyError, IndexError):
            return template
        # A reason or detail that is itself a sentence must not end the message in 「。。」.
        return text.replace("。。", "。")


class ValidationError(UserError):
    """A value refused by the domain rules; names the field and the reason."""

    def __init__(self, field: str, label: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__("invalid_value", field=field, label=label, reason=reason)
