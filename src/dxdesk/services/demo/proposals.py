"""The demo's proposals (提案, 6(2)ア): a handful through the year, each made on a visit to the
municipality (its date, 担当者 and kind of support) or in answer to a consultation, and what
became of it.

A stage of its own after the general DX support, drawing nothing from any random stream: the
stages before it produce exactly what they did, and the proposals are the same for every seed
(they follow the visits the seed planned). Every proposal is fictional.
"""

from __future__ import annotations

from datetime import date

from dxdesk.services.demo.plan import Row, Visit
from dxdesk.services.demo.state import Demo
from dxdesk.services.demo.year import FY_END, iso

# (団体コード, month proposed, 件名, 支援の種類, 状態, 提案内容, 対応状況・その後, open days to the
# follow-up; None: not followed up yet). "consultation" in place of a month's visit: made in
# answer to the municipality's first consultation of that month.
PROPOSALS: tuple[tuple[str, str, str, str, str, str, str, int | None], ...] = (
    (
        "454419",
        "2025-05",
        "書かない窓口の試行（住民課の転入手続から）",
        "ソリューション提案",
        "採用",
        "転入手続の申請書項目を整理し、窓口で職員が聞き取って入力する方式を住民課で試行することを"
        "提案しました。他団体の導入事例と試行計画の案をお示ししました。",
        "9月から住民課で試行を開始しました。記入時間が平均12分から5分に短縮し、"
        "来年度は税務課の証明発行に広げる方針です。",
        25,
    ),
    (
        "452041",
        "2025-06",
        "各課のDX推進リーダーの任命",
        "ソリューション提案",
        "採用",
        "DX推進本部の下に各課1名のDX推進リーダーを置き、四半期ごとに取組状況を共有する体制を"
        "提案しました。",
        "7月の本部会議で承認され、28名が任命されました。第1回のリーダー会議を8月に開催しました。",
        20,
    ),
    (
        "454052",
        "2025-07",
        "移行判定会議の前倒しと判定基準の明文化",
        "スケジュール調整支援",
        "採用",
        "住民情報・税務系の移行判定会議を1か月前倒しし、判定の観点（データ移行の差異件数、帳票の"
        "確認状況、職員の操作習熟）を判定基準として文書にすることを提案しました。",
        "判定会議を11月に前倒しし、判定基準に沿って1月に移行を完了しました。",
        30,
    ),
    (
        "454303",
        "2025-08",
        "オンライン申請の対象手続の拡大（まず10手続）",
        "ソリューション提案",
        "検討中",
        "利用の多い10手続（住民票の写しの請求、各種証明書の交付申請等）を先行してオンライン化する"
        "案と、電子申請フォームの作成手順を提案しました。",
        "村の情報化推進委員会で検討中です。対象手続の絞り込みについて12月に再度ご相談があります。",
        35,
    ),
    (
        "454036",
        "2025-09",
        "ガバメントクラウド接続回線の共同調達",
        "IT調達支援",
        "検討中",
        "西都児湯の町村でガバメントクラウド接続回線を共同で調達する方式と、仕様書の共通部分の案を"
        "提案しました。",
        "近隣町村との調整会議で論点を整理中です。各団体の更新時期の違いが課題になっています。",
        30,
    ),
    (
        "454214",
        "consultation",
        "生成AIの庁内試行に向けた専門人材の派遣",
        "外部人材の活用",
        "見送り",
        "生成AIの利用ガイドラインの作成と庁内試行の設計について、専門人材一覧から適任者を派遣する"
        "ことを提案しました。",
        "今年度は予算措置が難しいため見送りとなりました。来年度当初予算で再検討される予定です。",
        20,
    ),
    (
        "452092",
        "2025-11",
        "窓口予約システムの導入",
        "IT調達支援",
        "提案済み",
        "転入・転出の繁忙期に向けて窓口予約システムを導入する案と、調達仕様書のひな形、概算費用の"
        "比較表を提案しました。",
        "",
        None,
    ),
    (
        "454010",
        "2025-12",
        "職員向けRPA研修の開催",
        "研修",
        "採用",
        "RPAの対象業務の選定から簡単なシナリオの作成までを体験する半日の研修を提案しました。",
        "2月に研修を実施し、12名が参加しました。2業務で試行を始めています。",
        40,
    ),
    (
        "453820",
        "2026-01",
        "コンビニ交付サービスの導入時期の見直し",
        "スケジュール調整支援",
        "検討中",
        "標準準拠システムへの移行後に導入時期をずらし、移行作業との重なりを避ける日程案を提案"
        "しました。",
        "町の予算編成の中で導入時期を検討中です。",
        15,
    ),
    (
        "454061",
        "2026-02",
        "情報セキュリティポリシーの改定案の点検",
        "外部人材の活用",
        "提案済み",
        "国のガイドライン改定を踏まえたポリシーの改定案を、セキュリティの専門人材が点検することを"
        "提案しました。",
        "",
        None,
    ),
)


def _visit_of(demo: Demo, code: str, month: str) -> Visit | None:
    """The first visit to the organisation in the month, else its last before the month ended."""
    visits = [v for v in demo.visits if v.org.code == code]
    in_month = [v for v in visits if v.date.isoformat()[:7] == month]
    if in_month:
        return in_month[0]
    before = [v for v in visits if v.date.isoformat()[:7] < month]
    return before[-1] if before else None


def add_proposals(demo: Demo) -> None:
    rows: list[Row] = []
    for code, month, title, support, status, content, after, days in PROPOSALS:
        org = demo.org_by_code[code]
        row: Row = {
            "org_id": org.id,
            "title": title,
            "support_kind": support,
            "status": status,
            "content": content,
            "follow_up": after or None,
        }
        if month == "consultation":
            found = demo.svc.database.query(
                "SELECT id, substr(received_at, 1, 10) AS d FROM consultation"
                " WHERE _deleted = 0 AND org_id = ? ORDER BY received_at, rid LIMIT 1",
                (org.id,),
            )
            if not found:
                continue
            day = date.fromisoformat(str(found[0]["d"]))
            # Answered by whoever visits the organisation (its last visit before the day).
            visit = _visit_of(demo, code, day.isoformat()[:7])
            staff = next(iter(demo.staff_ids)) if visit is None else visit.staff
            row.update(consultation_id=str(found[0]["id"]), staff_id=demo.staff_ids[staff])
        else:
            visit = _visit_of(demo, code, month)
            if visit is None:
                continue
            day = visit.date
            row.update(visit_id=visit.id, staff_id=demo.staff_ids[visit.staff])
        followed = None if days is None else demo.after_open_days(day, days)
        row["proposed_on"] = day.isoformat()
        row["follow_up_on"] = iso(followed) if followed and followed <= FY_END else None
        rows.append(row)
    demo.add("proposal", rows)
