"""The sentences the services compose for a person (the home screen, the deadline board), as
message keys with typed parameters, and the one formatter both faces use (Qt-free).

A service returns ``Text(key, params)``: ``key`` names a Japanese template of ``PHRASES`` with
named placeholders (``{org} {title}（期限 {due}、{days}日超過）``), ``params`` hold the values
typed: a ``date`` (shown in the chosen date style), a ``datetime`` (its date so, and HH:MM), an
``int`` or ``float`` (a count, an amount), a ``str`` (data: names, titles, shown as they are), a
``Label`` (a text of the model's catalogue: a choice, a kind's or a field's label), a
``YearMonth``, or a nested ``Text``. ``render`` fills the template in through two callables
the face gives: how a date reads, and how a template reads in the face's language. The window
passes the window's date style and ``QCoreApplication.translate`` (context ``Phrase``; the
.ts has every template, scripts/translations.py), the CLI the profile's date style and the
Japanese itself (``japanese``): so both print the same sentence for the same item.

A template whose English needs the plural of a count names that parameter (``Template.count``):
the window asks Qt for the numerus form of that number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from dxdesk.core.calendar import ISO, format_date

CONTEXT = "Phrase"  # the Qt Linguist context of the templates
# The monthly-report rule's labels (reference data, core/calendar.py monthly_report_rules).
CALENDAR_RULE = "CalendarRule"
# The names of closed days: holidays as jpholiday gives them, 年末年始, 臨時閉庁日
# (core/calendar.py OfficeCalendar.day_names).
HOLIDAY = "Holiday"


@dataclass(frozen=True)
class Template:
    source: str  # Japanese, with {named} placeholders
    count: str | None = None  # the parameter whose number picks the English plural


@dataclass(frozen=True)
class Label:
    """A text the model's catalogue already holds (context "Choice", "Kind", "Field")."""

    context: str
    source: str


@dataclass(frozen=True)
class YearMonth:
    year: int
    month: int


@dataclass(frozen=True)
class Text:
    key: str
    params: tuple[tuple[str, object], ...] = ()

    def param(self, name: str) -> object:
        return dict(self.params)[name]


def text(key: str, **params: object) -> Text:
    """``Text`` for ``key`` of ``PHRASES``; an unknown key is a bug, caught here."""
    template = PHRASES[key]
    assert template.count is None or template.count in params, (key, template.count)
    return Text(key, tuple(params.items()))


# The catalogue: every sentence the home screen and the deadline board compose. Keys are
# stable names; the Japanese is the source of the English translation (dxdesk_en.ts, context
# Phrase), so changing a template asks for its translation again.
PHRASES: dict[str, Template] = {
    # -- counts, as pieces of the sentences below (each with its own plural)
    "days_ago": Template("{n}日前", "n"),
    "changes": Template("{n}件の変更", "n"),
    "n_days": Template("{n}日", "n"),
    "span": Template("{start}〜{end}"),
    # -- the home screen's sections, each titled with how many items it has
    "home.section": Template("{title}（{count}件）"),
    "home.deadlines": Template("期限が近い・過ぎた提出物（3週間以内）"),
    "home.site_days": Template("{month}の現地支援日数（集中支援）"),
    "home.attention": Template("標準化の要注意（点数の高い順）"),
    "home.engagements": Template("集中支援の注意事項"),
    "home.unshared": Template("県へ未共有の課題"),
    "home.overdue_issues": Template("期限を過ぎた課題"),
    "home.imports": Template("最近の取り込み"),
    "home.conflicts": Template("確認が必要な競合"),
    "home.week_visits": Template("今週の訪問"),
    "home.own": Template("担当の未完了の{kind}"),
    "home.week_hours": Template("今週の工数"),
    "home.last_bundle": Template("最後に送ったバンドル"),
    # -- what a section shows when it has nothing
    "home.none": Template("ありません。"),
    "home.pending": Template("集計しています…"),
    "home.no_engagement": Template("今年度の集中支援の記録がありません。"),
    "home.no_attention": Template("注意が必要な団体・業務はありません。"),
    "home.no_import": Template("取り込みはまだありません。"),
    "home.no_bundle": Template("まだバンドルを送っていません。"),
    # -- the home screen's items
    "home.deadline": Template("{due} {title}（{status}）"),
    "home.deadline_overdue": Template("{due} 期限超過 {title}（{status}）"),
    "home.site_day": Template("{org} 現地 {done}日 ／ 目標 {target}日", "target"),
    "home.attention_cell": Template("{org} {system}（{score}点）：{headline}", "score"),
    "home.attention_org": Template("{org}（{score}点）：{headline}", "score"),
    "home.unshared_issue": Template("{org} {title}（把握から{days}日）", "days"),
    "home.overdue_issue": Template("{org} {title}（期限 {due}、{days}日超過）", "days"),
    "home.import": Template("{at} {sender} から取り込み"),
    "home.import_changes": Template("{at} {sender} から取り込み（{changes}）"),
    "conflict.delete": Template("削除"),  # a delete met an edit (services/sync.py DELETE_LABEL)
    "home.conflict": Template("{kind}「{title}」の{field}（{on}）"),
    "home.conflict_org": Template("{org}　{kind}「{title}」の{field}（{on}）"),
    "home.visit": Template("{day} {org} {title}"),
    "home.visit_at": Template("{day} {time} {org} {title}"),
    "home.own_item": Template("{org} {title}（{status}）"),
    "home.hours_total": Template("今週の入力：{hours}時間（{days}日分）", "days"),
    "home.hours_missing": Template("{day} 工数が未入力です"),
    "home.bundle": Template("{at} {name} へ {changes}（{ago}）"),
    # -- the deadline board's deliverables (services/deadlines.py)
    "deadline.document": Template("{document}"),
    "deadline.monthly": Template("{document}（{month}分）"),
    "deadline.for_record": Template("{document}：{title}（{day}）"),
    "deadline.no_meeting": Template("月次報告会（{month}）が開催されていません"),
    "deadline.issue": Template("課題：{title}"),
    "deadline.submitted": Template("提出済み"),
    "deadline.not_held": Template("未開催"),
    # -- how each due date was found (the board's 期限の根拠)
    "deadline.basis.set": Template("期限を設定済み"),
    "deadline.basis.start": Template("契約締結後速やかに（期限は未設定）"),
    "deadline.basis.monthly": Template("翌月{day}日"),
    "deadline.basis.monthly_moved": Template("翌月{day}日（{reason}のため{rule}）"),
    "deadline.basis.materials": Template("会議の前の開庁日"),
    "deadline.basis.minutes": Template("会議の翌日から数えて3開庁日目"),
    "deadline.basis.training_plan": Template("実施日の前の開庁日（内容・日程の確定後）"),
    "deadline.basis.training_result": Template("実施日の翌日から数えて{n}開庁日目", "n"),
    "deadline.basis.completion": Template("履行期限（年度末。閉庁日の場合は直前の開庁日）"),
    "deadline.basis.no_meeting": Template("7(4) 月次報告会は毎月開催"),
    "deadline.basis.issue": Template("課題の期限"),
    # -- why the offices are closed on a day (a holiday is its name)
    "closed.weekend": Template("{weekday}曜日"),
    "closed.year_end": Template("年末年始"),
    "closed.extra": Template("臨時閉庁"),
    # -- why a cell of the progress matrix is behind plan (core/progress.py Behind)
    "behind.passed": Template("移行予定日（{due}）を過ぎても運用開始していません"),
    "behind.phase": Template(
        "{phase}の手順が{due}（移行の{months}か月前）までに完了していません", "months"
    ),
    # -- the reasons of the attention list (services/attention.py)
    "attention.behind": Template("計画より遅れています（{why}）。"),
    "attention.deadline_risk": Template(
        "移行予定日（{planned}）が移行期限（{deadline}）の後ですが、"
        "特定移行支援システムの登録がありません。"
    ),
    "attention.special_reason": Template(
        "特定移行支援システムですが、理由の区分が登録されていません。"
    ),
    "attention.special_target": Template(
        "特定移行支援システムですが、移行目標時期が登録されていません。"
    ),
    "attention.stalled": Template(
        "ステップの更新が{months}か月ありません（最終更新 {last}）。", "months"
    ),
    "attention.milestone": Template(
        "{milestone}の予定日（{planned}）を過ぎましたが、手順{item}（{step}）が完了していません。"
    ),
    "attention.rate_drop": Template("完了率が1か月前の{before}%から{now}%に下がっています。"),
    "attention.high_issues": Template(
        "未完了の優先度「{priority}」の課題が{n}件あります（最も古いもの：「{title}」）。", "n"
    ),
    "attention.high_issues_on": Template(
        "未完了の優先度「{priority}」の課題が{n}件あります"
        "（最も古いもの：「{title}」、把握日 {raised}）。",
        "n",
    ),
    "attention.no_visit": Template(
        "訪問・ヒアリングの記録が{weeks}週間ありません（最終 {since}）。", "weeks"
    ),
    "attention.no_visit_ever": Template(
        "訪問・ヒアリングの記録がありません（記録の始まった{since}から{weeks}週間）。", "weeks"
    ),
    "attention.more": Template("{first}（ほか{more}件）", "more"),
    # -- the intensive-support warnings (services/engagements.py)
    "engagement.plan_late": Template(
        "{org}の集中支援の計画・スケジュールの県との合意（{agreed}）は、"
        "開始から2か月の期限（{due}）を過ぎています。"
    ),
    "engagement.plan_missing": Template(
        "{org}の集中支援の計画・スケジュールが、開始から2か月の期限（{due}）を"
        "過ぎても県と合意されていません。"
    ),
    "engagement.gap": Template("{org}の集中支援で、常時支援者のいない期間があります（{span}）。"),
    "engagement.double_dedicated": Template(
        "{name}さんは{span}に{org}と{other}の集中支援を兼ねていますが、専任として配置されています。"
    ),
    "engagement.short_month": Template(
        "{org}の{month}の現地支援日数は{done}で、残りの開庁日{remaining}を"
        "すべて現地支援としても目標の{target}に届きません。"
    ),
}

DateFormat = Callable[[date], str]
# (context, Japanese source, count or -1) -> the text in the face's language
Translate = Callable[[str, str, int], str]


def untranslated(context: str, source: str, n: int = -1) -> str:
    """The Japanese as it is (the CLI, the logs)."""
    return source


def render(message: Text, shown: DateFormat, translate: Translate) -> str:
    """The sentence of ``message``: its template in the face's language, filled in."""
    template = PHRASES[message.key]
    params = dict(message.params)
    n = -1
    if template.count is not None:
        value = params[template.count]
        n = int(value) if isinstance(value, int | float) else -1
    values = {name: render_value(value, shown, translate) for name, value in params.items()}
    return translate(CONTEXT, template.source, n).format(**values).strip()


def render_value(value: object, shown: DateFormat, translate: Translate) -> str:
    """One parameter (or a ``Text``, a ``Label`` on its own) as the face shows it."""
    if isinstance(value, Text):
        return render(value, shown, translate)
    if isinstance(value, Label):
        return translate(value.context, value.source, -1)
    if isinstance(value, YearMonth):
        # The window's month names (gui/dates.py year_month): 2025年11月, Nov 2025.
        month = translate("Month", f"{value.month}月", -1)
        return translate("Month", "%1年%2", -1).replace("%1", str(value.year)).replace("%2", month)
    if isinstance(value, datetime):
        return f"{shown(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return shown(value)
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def japanese(message: Text | Label, date_style: str = ISO) -> str:
    """The Japanese sentence with dates in ``date_style`` (the CLI, with the profile's)."""
    return render_value(message, partial(format_date, style=date_style), untranslated)
