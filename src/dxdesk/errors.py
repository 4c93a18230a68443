"""Expected failures that a user can act on.

Everything a user can cause (a wrong passphrase, a bad value, a locked profile, a full disk)
is a ``UserError`` with a stable code and a Japanese message; the CLI prints the message and
exits non-zero, the GUI shows it. Anything else is a bug and is reported as one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# One polite Japanese sentence per code. Placeholders are filled from the error's params.
MESSAGES: dict[str, str] = {
    "wrong_passphrase": "パスフレーズが正しくありません。入力内容をご確認ください。",
    "wrong_recovery_key": "回復キーが正しくありません。印刷・保存した回復キーをご確認ください。",
    "passphrase_mismatch": "確認用に入力されたパスフレーズが一致しません。",
    "passphrase_too_short": "パスフレーズは{min}文字以上で設定してください。",
    "passphrase_required": "パスフレーズが入力されていません。",
    "unlock_wait": "次の入力まで、あと {seconds} 秒お待ちください。",
    "keyfile_missing": "鍵ファイル（{path}）が見つかりません。プロファイルのフォルダをご確認ください。",
    "keyfile_corrupt": "鍵ファイル（{path}）が破損しているか、改ざんされています。",
    "database_missing": "データベース（{path}）が見つかりません。",
    "database_corrupt": "データベースが破損しているか、鍵と一致しません（{detail}）。",
    "database_truncated": (
        "データベース（{path}）は空か途中で切れているため開けません（{size} バイト）。"
        "ファイルには手を加えていません。「dxdesk restore」でバックアップから復元してください。"
    ),
    "database_damaged": (
        "データベースに破損が見つかりました（問題 {problems} 件、読み取れない表 {unreadable} 件）。"
        "「dxdesk restore」で最新のバックアップから復元してください。"
    ),
    "database_locked": "このプロファイルは別の dxdesk で使用中です。他の画面を閉じてから再度お試しください。",
    "schema_too_new": (
        "このデータベースは新しい版の dxdesk（スキーマ版 {found}）で作成されています。"
        "この版（スキーマ版 {supported}）では開けませんので、dxdesk を更新してください。"
    ),
    "schema_needs_version": (
        "このデータベースは dxdesk {needed} で更新されています（スキーマ版 {found}）。"
        "この dxdesk {current}（スキーマ版 {supported}）では開けませんので、"
        "dxdesk を {needed} 以降に更新してください。データには手を加えていません。"
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
    "manual_missing": (
        "利用者マニュアルがこのインストールに含まれていません。"
        "dxdesk をインストールし直してください。"
    ),
    "package_exists": "{path} は既にあります。成果品一式は、まだない新しいフォルダーまたは .zip ファイルに作成してください。",
    "package_cancelled": "成果品一式の作成を中止しました。ファイルは作成していません。",
    "bundle_import_cancelled": "バンドルの取り込みを中止しました。記録は何も変更していません。",
    "bundle_export_cancelled": "バンドルの作成を中止しました。ファイルは作成していません。",
    "backup_cancelled": "バックアップを中止しました。ファイルは作成していません。",
    "task_cancelled": "処理を中止しました。結果は保存も表示もしていません。",
    "unreadable_text": (
        "入力に文字として読み取れない部分（UTF-8 ではないバイトや単独のサロゲート）が"
        "含まれているため、処理できません。"
    ),
    "invalid_value": "「{label}」（{field}）の値が正しくありません：{reason}。",
    "invalid_values": "入力内容に{count}件の問題があります（{problems}）。",
    "unknown_field": "「{kind}」に「{field}」という項目はありません。使用できる項目：{fields}。",
    "unknown_kind": "「{kind}」という記録の種類はありません。使用できる種類：{kinds}。",
    "unknown_organisation": "団体「{value}」が見つかりません。団体名または団体コードをご確認ください。",
    "unknown_record": "{label}（ID：{id}）が見つかりません。",
    "ambiguous_record": "「{text}」という{label}が{count}件あります。ID で指定してください（dxdesk list で確認できます）。",
    "record_deleted": "{label}（ID：{id}）は削除済みです。",
    "record_key_exists": (
        "{label}「{key}」は既に登録されています（ID：{id}）。"
        "内容を変更するには「dxdesk edit {kind} {id}」で編集してください。"
    ),
    "record_key_deleted": (
        "{label}「{key}」は削除済みの記録として残っています（ID：{id}）。"
        "「dxdesk undelete {kind} {id}」で元に戻してから編集してください。"
    ),
    "field_replaced": (
        "「{field}」は記録ごとに登録する形式に変わりました。"
        "{child}として登録してください（dxdesk add {kind} …）。"
    ),
    "key_field_fixed": (
        "{label}の{fields}は記録を特定する項目のため変更できません。"
        "別の組み合わせは新しい記録として登録してください。"
    ),
    "backup_failed": (
        "記録は保存しましたが、自動バックアップを作成できませんでした（{detail}）。"
        "空き容量などをご確認のうえ「dxdesk backup」で作成してください。"
    ),
    "backup_invalid": "バックアップファイル（{path}）を検証できませんでした：{detail}。",
    "bad_argument": "{detail}",
    # General DX support (issue 13)
    "engagement_not_found": (
        "「{value}」に当たる集中支援が見つかりません（{fy}年度）。"
        "集中支援の ID か団体名を指定してください。"
    ),
    "engagement_ambiguous": (
        "「{value}」の集中支援は{count}件あります。集中支援の ID で指定してください。"
    ),
    "month_outside_engagement": (
        "{month}は集中支援の期間（{start}〜{end}）の外です。期間内の年月を指定してください。"
    ),
    "no_population": (
        "{org}の人口が登録されていないため、同規模の事例を絞り込めません。"
        "団体の「人口（国勢調査）」を入力するか、人口の分かる団体を指定するか、"
        "テーマだけで絞り込んでください。"
    ),
    "activity_csv_unreadable": (
        "利用状況の CSV（{path}）を読み込めませんでした：{detail}。"
        "UTF-8 または Shift_JIS（CP932）の CSV を指定してください。"
    ),
    "activity_csv_columns": (
        "利用状況の CSV に必要な列（{missing}）がありません。"
        "見出し行に「年月」「グループ」「投稿数」「アクティブ人数」を含めてください。"
    ),
    "activity_csv_group": (
        "利用状況の CSV の{line}行目のグループ「{group}」がツール「{tool}」に登録されていません。"
        "先にツールのグループを登録してください。何も取り込んでいません。"
    ),
    "activity_csv_value": (
        "利用状況の CSV の{line}行目の値が正しくありません（{detail}）。何も取り込んでいません。"
    ),
    "passphrase_source": "パスフレーズファイル（{path}）を読み込めませんでした。",
    "self_test_failed": "自己診断で問題が見つかりました。{detail}。インストールし直しても解消しない場合は、この表示を添えて担当者にご連絡ください。",
    "print_failed": "印刷を開始できませんでした。プリンターの設定をご確認ください。",
    "print_cancelled": "印刷を中止しました。",
    # Printed documents (reports)
    "font_missing": (
        "PDF に埋め込める日本語フォント（TrueType）が見つかりません。"
        "{install}をインストールするか、設定でフォントファイルを指定してください。"
    ),
    "font_unusable": "フォント（{path}）は PDF に埋め込めない形式です。TrueType 形式のフォントを指定してください。",
    "report_unknown_kind": "「{kind}」という帳票はありません。使用できる帳票：{kinds}。",
    "report_param_missing": "この帳票には{label}（{option}）の指定が必要です。",
    "report_org_not_taken": "{title}は団体を指定して出力する帳票ではないため、--org を外して実行してください。",
    "report_bad_format": "「{kind}」は {suffix} 形式では出力できません。出力できる形式：{formats}。",
    "report_no_data": "{what}について、{title}に記載できるデータがありません。",
    "bad_month": "年月「{value}」を読み取れません。2025-11 や 令和7年11月 の形式で指定してください。",
    "report_template_invalid": "質問項目のテンプレート（{path}）を読み込めませんでした：{detail}。",
    "document_template_invalid": "文書のひな形（{path}）を読み込めませんでした：{detail}。",
    "report_template_hub_only": "月次作業報告書の構成は県と協議して決める項目のため、統括（ハブ）の端末で変更してください。",
    "report_section_unknown": "月次作業報告書に「{section}」という項目はありません。「dxdesk report-template show」で一覧をご確認ください。",
    "report_section_exists": "月次作業報告書には既に「{section}」という項目があります。別の見出しを指定してください。",
    "report_section_not_free": "「{section}」は自動で作成する項目のため、月ごとの本文は入力できません。自由記述の項目を指定してください。",
    "training_not_held": "研修「{title}」は{status}のため、実施結果報告書はまだ作成できません。実施後に状態を「実施済み」にしてください。",
    # Field bundles and enrolment (sync)
    "bundle_damaged": "バンドルファイルが破損しているか、改ざんされています（{detail}）。",
    "bundle_not_bundle": "dxdesk のバンドルファイルではありません。",
    "bundle_version_unsupported": "このバンドルは新しい形式（第 {found} 版）のため、この版の dxdesk では読み込めません。dxdesk を更新してください。",
    "bundle_unsupported_feature": "このバンドルはこの版の dxdesk が対応していない機能（{feature}）を必要とするため、dxdesk を更新してから読み込んでください。",
    "bundle_wrong_recipient": "このバンドルはこの端末宛てではないため開けません（別の端末宛てか、ファイルが破損しています）。",
    "bundle_unknown_sender": "送信元の端末（{sender}）は登録されていないため、このバンドルは読み込めません。",
    "bundle_revoked_sender": "送信元の端末（{sender}）は登録が取り消されているため、このバンドルは読み込めません。",
    "bundle_bad_signature": "バンドルの署名が送信元端末の登録済みの鍵と一致しません。改ざんのおそれがあるため読み込みません。",
    "bundle_id_reused": "同じバンドル ID（{bundle_id}）で内容の異なるバンドルが既に取り込まれています。改ざんのおそれがあるため読み込みません。",
    "bundle_too_large": "バンドルが上限（{limit}）を超えているため読み込みません。",
    "org_out_of_own_scope": "この端末の担当は統括で設定された団体に限られているため、{org}の記録は登録・変更できません。担当の追加は統括にご依頼ください。",
    "bundle_forks_kept": "同じ端末の別の履歴に当たる変更 {count} 件は取り込まずに別に保管しました。「dxdesk bundle forks」で確認してください。",
    "unknown_fork": "別の履歴（ID：{id}）が見つかりません。「dxdesk bundle forks」で一覧をご確認ください。",
    "bundle_origin_forged": "バンドルに含まれる変更の出所を確認できません（{detail}）。改ざんのおそれがあるため、何も取り込んでいません。",
    "bundle_origin_unknown": "バンドルに、この端末が鍵を知らない端末（{device}）の変更が含まれているため、何も取り込んでいません。先にハブからのバンドルを取り込んでください。",
    "bundle_origin_unsigned": "このバンドルは古い版の dxdesk で作成されており、送信元以外の端末の変更に出所の署名がないため、何も取り込んでいません。送信元の dxdesk を更新してから、改めてバンドルを作成してください。",
    "bundle_out_of_scope": "送信元の端末が担当外の団体（{org}）の記録を変更しているため、何も取り込んでいません。担当団体の設定（dxdesk enrol scope）をご確認ください。",
    "bundle_bad_key": "{detail}の形式が正しくありません。",
    "bundle_not_enrolled": "この端末はまだチームに登録されていません。先に「dxdesk enrol request」と「dxdesk enrol join」を行ってください。",
    "bundle_recipient_revoked": "送信先の端末（{device}）は登録が取り消されているため、バンドルを作成できません。",
    "enrol_bad_file": "登録用のファイル（{path}）を読み込めませんでした（{detail}）。",
    "enrol_wrong_role": "この操作は{role}の端末でのみ行えます。",
    "enrol_not_in_team": "チームファイルにこの端末が含まれていません。この端末の登録申請から作成されたファイルかご確認ください。",
    "enrol_key_mismatch": "端末（{device}）は既に別の鍵で登録されています。取り消してから登録し直してください。",
    "staff_unknown": "担当者「{name}」が見つかりません。氏名か ID で指定してください（「dxdesk list staff」で一覧を確認できます）。",
    "staff_ambiguous": "「{name}」という担当者が複数います。ID で指定してください（「dxdesk list staff」で確認できます）。",
    "staff_merge_same": "統合元と統合先が同じ担当者（{name}）です。別の担当者を指定してください。",
    "unknown_device": "端末「{device}」が見つかりません。「dxdesk devices」で一覧をご確認ください。",
    "bundle_some_refused": "{total} 件中 {count} 件のバンドルは読み込みませんでした（理由は上に表示しています）。",
    "progress_bad_steps": "ステップ「{steps}」を読み取れません。1〜40 の番号か範囲で指定してください（例：12、1-12、1-3,7）。",
    "progress_bad_status": "状態「{status}」は指定できません。次のいずれかを指定してください：{statuses}。",
    "progress_unknown_system": "業務システム「{system}」が見つかりません。01〜20 のコードか名称（例：住民記録）で指定してください。",
    "progress_future_month": "{month} はまだ終わっていない先の月のため、進捗を表示できません（今日は {today} です）。",
    "progress_diff_order": "比較の開始月（{start}）は終了月（{end}）より前の月を指定してください。",
    "progress_import_encoding": "ファイルの文字コードを読み取れません。UTF-8 または Shift_JIS の CSV で保存してください。",
    "progress_import_format": "「{path}」は取り込めない形式です。.xlsx または .csv のファイルを指定してください。",
    "progress_import_unreadable": "「{path}」を Excel ファイルとして読み取れません。破損していないかご確認ください。",
    "progress_import_sheet": "シート「{sheet}」が見つかりません。次のいずれかを指定してください：{sheets}。",
    "progress_import_columns": "団体の列と業務システムの列（またはステップの列）が見つかりません。列の対応を指定してください。",
    "progress_key_field": "「{field}」は標準化状況を特定する項目のため、ここでは変更できません。",
}


class UserError(Exception):
    """A failure the user can understand and fix; never carries secrets."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.render(MESSAGES.get(self.code, "{code}"), self.params)

    def render(self, template: str, params: dict[str, Any]) -> str:
        """Fill ``template`` (this code's message, perhaps translated) with ``params``."""
        try:
            text = template.format(code=self.code, **params)
        except (KeyError, IndexError):
            return template
        # A reason or detail that is itself a sentence must not end the message in 「。。」.
        return text.replace("。。", "。")


class ValidationError(UserError):
    """A value refused by the domain rules; names the field and the reason.

    The reason is a template with its own params (``{minimum}以上で…``), so a translation can
    be looked up by the template and filled in the same way.
    """

    def __init__(self, field: str, label: str, reason: str, **reason_params: Any) -> None:
        self.field = field
        self.label = label
        self.reason_template = reason
        self.reason_params = reason_params
        self.reason = reason.format(**reason_params) if reason_params else reason
        super().__init__("invalid_value", field=field, label=label, reason=self.reason)


def problem_text(label: str, field: str, reason: str) -> str:
    """One problem of a record as ``invalid_values`` lists it: 「時間」（hours）：24以下で…"""
    return f"「{label}」（{field}）：{reason}"


class InvalidRecord(ValidationError):
    """Every problem the model found in one record's values, in field order (two or more).

    A ValidationError naming the first problem's field, so a caller that shows one problem
    still shows a true one; the record form shows each of ``errors`` beside its own field.
    """

    def __init__(self, errors: Sequence[ValidationError]) -> None:
        self.errors = tuple(errors)
        first = self.errors[0]
        self.field = first.field
        self.label = first.label
        self.reason_template = first.reason_template
        self.reason_params = first.reason_params
        self.reason = first.reason
        problems = "／".join(problem_text(e.label, e.field, e.reason) for e in self.errors)
        UserError.__init__(self, "invalid_values", count=len(self.errors), problems=problems)
