"""The demo's general DX support (issue 13): each engagement's details, milestones, stakeholders
and monthly 管理表 notes, a case library from inside and outside the prefecture, the
communication tool with its groups, accounts, a year of activity and promotion events, the
wide-area coordination log and the information shared with the organisations outside 伴走支援.

The last stage, with a random stream of its own: the stages before it produce exactly what they
did without it, and a stage added after it does not change what this one writes. Every case and
body outside the prefecture is fictional (their names are made up; no real municipality's work is
described).
"""

from __future__ import annotations

import random
from datetime import date

from dxdesk.core.model import SUPPORT_MENU
from dxdesk.services.demo.plan import Row
from dxdesk.services.demo.state import Demo
from dxdesk.services.demo.year import FY, FY_END, fy_months

# Per engagement (by 団体コード): its DX theme, menu, plan agreed (椎葉村 late: the warning shows),
# a subsidy application, and what it achieved and passed on.
DETAILS: dict[str, dict[str, object]] = {
    "454419": {
        "dx_theme": "フロントヤード改革",
        "menu": [
            "課題の抽出・整理",
            "好事例の紹介",
            "研修",
            "運用モデル・資金計画",
            "プロジェクト推進",
        ],
        "plan_agreed_on": "2025-06-20",
        "grant_scheme": "デジタル田園都市国家構想交付金（デジタル実装タイプ）",
        "grant_applied_on": "2025-09-12",
        "grant_result": "採択",
        "outcomes": "書かない窓口を住民課で試行し、転入手続の記入時間を平均12分から5分に短縮した。"
        "標準準拠システムへの移行後の操作マニュアルを整備した。",
        "experts_dispatched": "窓口BPRの専門人材を2回派遣（9月、11月）",
        "knowledge_passed": "業務フロー図の作成方法、窓口アンケートの設計と集計、申請書項目の整理手順",
    },
    "452041": {
        "dx_theme": "推進体制・人材育成",
        "menu": ["推進体制の構築", "課題の抽出・整理", "研修", "費用対効果", "専門人材の派遣"],
        "plan_agreed_on": "2025-07-04",
        "outcomes": "DX推進本部を四半期ごとに開催する体制が定着し、各課のDX推進リーダー28名を任命した。"
        "BPRの対象業務を6業務選定した。",
        "experts_dispatched": "生成AI活用の専門人材を1回派遣（10月）",
        "knowledge_passed": "業務量調査の設計と集計、DX推進計画の進捗管理表の運用",
    },
    "454052": {
        "dx_theme": "標準化・共通化",
        "menu": ["課題の抽出・整理", "ネットワーク・機器要件", "費用対効果", "プロジェクト推進"],
        "plan_agreed_on": "2025-06-27",
        "outcomes": "住民情報・税務系の標準準拠システムへの移行を1月に完了し、帳票の差異一覧と運用方法を整理した。",
        "experts_dispatched": "",
        "knowledge_passed": "移行判定の観点と判定会議の進め方、帳票差異の運用での吸収方法",
    },
    "454303": {
        "dx_theme": "行政手続のオンライン化",
        "menu": [
            "課題の抽出・整理",
            "ネットワーク・機器要件",
            "実証・補助事業への申請",
            "ステークホルダー連携",
        ],
        "plan_agreed_on": "2025-08-20",  # more than two months after the 6/2 start
        "grant_scheme": "地域情報化アドバイザー派遣制度",
        "grant_applied_on": "2025-08-29",
        "grant_result": "申請済み",
        "outcomes": "オンライン申請の対象手続を14件追加し、出張所とのWeb会議環境を整備した。",
        "experts_dispatched": "地域情報化アドバイザーの派遣を申請",
        "knowledge_passed": "電子申請フォームの作成手順、テレワーク端末の要件の整理方法",
    },
}

PLAN_MILESTONE = "支援計画・スケジュールの県合意"
MILESTONES = (
    ("現状調査の完了", 45, 50),
    (PLAN_MILESTONE, 60, 55),
    ("試行・移行の実施", 180, 190),
    ("成果のとりまとめ", 300, None),
)

STAKEHOLDERS: tuple[tuple[str, str, str, str], ...] = (
    # (name, type, org code or "", department)
    ("日向灘ソフトウェア株式会社（架空）", "企業・団体", "", "公共ソリューション部"),
    ("県北地域ICT推進協議会（架空）", "企業・団体", "", "事務局"),
    ("南九州情報ビジネス専門学校（架空）", "教育機関", "", "情報システム学科"),
    ("高千穂町 企画観光課", "予算担当部署", "454419", "財政係"),
    ("日南市 財政課", "予算担当部署", "452041", "予算係"),
    ("川南町 総務課", "予算担当部署", "454052", "財政係"),
    ("椎葉村 総務課", "予算担当部署", "454303", "財政係"),
    ("宮崎ひむか信用金庫（架空）", "金融機関", "", "地域創生推進室"),
)
# Which stakeholders (by index) each engagement works with, and their role.
INVOLVED: dict[str, tuple[tuple[int, str], ...]] = {
    "454419": (
        (0, "書かない窓口システムの試行環境の提供"),
        (3, "導入経費の予算要求"),
        (2, "窓口アンケートの集計協力"),
    ),
    "452041": ((4, "DX推進計画の予算措置"), (7, "地域DXの連携協議")),
    "454052": ((5, "移行経費の補正予算"), (0, "帳票の差異の確認")),
    "454303": ((6, "通信回線の予算措置"), (1, "回線事業者との調整")),
}

# (title, municipality, prefecture, population, type, theme, year, summary, results, lessons)
CASES: tuple[tuple[str, str, str, int, str, str, int, str, str, str], ...] = (
    (
        "書かない窓口の段階的導入",
        "みなみ台町",
        "熊本県",
        18_400,
        "町",
        "フロントヤード改革",
        2024,
        "転入・転出の手続から申請書の自動作成を始め、半年ごとに対象手続を広げた。",
        "窓口の平均待ち時間が約4割短くなった。",
        "対象手続を絞って始め、職員の声で広げると定着しやすい。",
    ),
    (
        "窓口のワンストップ化と予約制",
        "青葉川市",
        "山形県",
        52_300,
        "一般市",
        "フロントヤード改革",
        2023,
        "死亡に伴う手続をおくやみコーナーに集約し、予約制とした。",
        "遺族の来庁回数が平均3回から1回に減った。",
        "関係課の手続を一覧にすることから始めると合意が早い。",
    ),
    (
        "小規模村の電子申請の拡充",
        "山波村",
        "長野県",
        1_650,
        "村",
        "行政手続のオンライン化",
        2024,
        "住民向けの申請手続を棚卸しし、汎用電子申請で30手続を公開した。",
        "公開1年で申請の2割がオンラインになった。",
        "様式の見直しと一体で進めると、紙の申請も簡素になる。",
    ),
    (
        "DX推進リーダーの育成",
        "白浜台市",
        "和歌山県",
        61_000,
        "一般市",
        "推進体制・人材育成",
        2023,
        "各課1名のDX推進リーダーを任命し、月1回の勉強会を開催した。",
        "2年で業務改善の提案が80件を超えた。",
        "首長の方針と人事評価への反映が継続の鍵となる。",
    ),
    (
        "RPAによる税務事務の効率化",
        "桜ヶ丘町",
        "茨城県",
        24_800,
        "町",
        "AI・RPA",
        2022,
        "課税資料の入力作業にRPAを導入した。",
        "年間約600時間の入力作業を削減した。",
        "対象業務の手順を標準化してから導入すると保守が楽になる。",
    ),
    (
        "生成AIの庁内試行",
        "北潟市",
        "新潟県",
        95_400,
        "一般市",
        "AI・RPA",
        2024,
        "議事録の要約と文書作成の下書きに生成AIを試行した。",
        "試行課で文書作成時間が約3割短くなった。",
        "利用ガイドラインを先に定め、入力してよい情報を明確にする。",
    ),
    (
        "標準準拠システムへの共同移行",
        "東山郷町",
        "岐阜県",
        9_200,
        "町",
        "標準化・共通化",
        2024,
        "近隣3町で同じベンダの標準準拠システムへ共同で移行した。",
        "移行経費を単独移行の見込みより約2割抑えた。",
        "共同での仕様確認の場を月1回設けると、調整の手戻りが減る。",
    ),
    (
        "テレワーク環境の段階整備",
        "霧島野村",
        "鹿児島県",
        4_300,
        "村",
        "テレワーク・働き方",
        2023,
        "災害時の業務継続を目的に、庁外から接続できる端末を整備した。",
        "豪雨時にも窓口以外の業務を継続できた。",
        "セキュリティポリシーの改定と同時に進める必要がある。",
    ),
    (
        "オープンデータの公開と活用",
        "港坂市",
        "静岡県",
        148_000,
        "施行時特例市",
        "データ利活用",
        2022,
        "推奨データセットを中心に公開し、地元高校と活用の授業を行った。",
        "公開データは45件、活用アプリが3件生まれた。",
        "教育機関との連携で活用の裾野が広がる。",
    ),
    (
        "地域の見守りのデジタル化",
        "つつじ原町",
        "群馬県",
        11_700,
        "町",
        "地域社会のデジタル化",
        2024,
        "高齢者の見守りにセンサーと地域の協力員の連絡アプリを導入した。",
        "協力員の訪問記録の集計が不要になった。",
        "地域の団体とステークホルダー会議を早くから持つこと。",
    ),
    (
        "情報セキュリティ研修の内製化",
        "川尻市",
        "岡山県",
        33_500,
        "一般市",
        "セキュリティ",
        2023,
        "標的型メール訓練と研修教材を職員が作成する体制とした。",
        "訓練の開封率が12%から3%に下がった。",
        "研修は短く、回数を多くすると効果が続く。",
    ),
    (
        "中核市の窓口DXと庁内BPR",
        "中央湊市",
        "福岡県",
        402_000,
        "中核市",
        "フロントヤード改革",
        2023,
        "窓口の手続を一元化し、バックヤードの業務フローを見直した。",
        "窓口の平均処理時間が約3割短くなった。",
        "窓口と内部事務を一体で見直すと効果が大きい。",
    ),
)
# Cases in the prefecture (by 団体コード): their population comes from the reference data.
IN_PREFECTURE: tuple[tuple[str, str, str, int, str, str, str], ...] = (
    (
        "452068",
        "庁内の情報共有基盤の整備",
        "推進体制・人材育成",
        2024,
        "グループウェアと共有フォルダの運用ルールを定めた。",
        "会議資料の印刷が半減した。",
        "運用ルールを短く一枚にまとめると守られやすい。",
    ),
    (
        "453412",
        "子育て手続のオンライン化",
        "行政手続のオンライン化",
        2024,
        "児童手当など子育ての手続をマイナポータルから受け付けた。",
        "子育ての申請の35%がオンラインになった。",
        "窓口で利用方法を案内するチラシが有効だった。",
    ),
)

TOOL = "LoGoチャット"
EVENTS = (
    (date(2025, 6, 12), "コミュニケーションツール説明会", "説明会", 46),
    (date(2025, 7, 24), "ツールの操作研修（オンライン）", "操作研修", 38),
    (date(2025, 10, 16), "活用事例の紹介（標準化の情報共有）", "活用事例の紹介", 41),
    (date(2026, 1, 22), "利用促進キャンペーン（質問投稿の呼びかけ）", "キャンペーン", None),
)
SHARES: tuple[tuple[str, str, list[str]], ...] = (
    ("標準化の進捗状況（月次）の共有", "メール", ["標準化進捗一覧.xlsx"]),
    ("研修・勉強会の開催案内", "メール", ["研修案内.pdf"]),
    ("好事例集（フロントヤード改革）の送付", "文書", ["好事例集.pdf"]),
    ("ガバメントクラウド接続に関する国の通知の共有", "コミュニケーションツール", []),
    ("月次報告会の資料の共有", "会議", ["月次報告会資料.pdf"]),
)
COORDINATION = (
    (
        "共同調達に向けた仕様の意見照会",
        "各団体の要件の差異を一覧にして照会した。",
        "回答を取りまとめて次回の勉強会で共有する。",
    ),
    (
        "生活圏での窓口DXの勉強会の日程調整",
        "参加団体の都合を確認し、開催日と会場を決めた。",
        "案内文を送付する。",
    ),
    (
        "ベンダとの合同打合せの議題整理",
        "各団体の懸案を集め、ベンダへの確認事項を整理した。",
        "ベンダの回答を各団体へ共有する。",
    ),
    (
        "広域でのデータ連携の課題共有",
        "隣接団体と住民異動の連携方法の課題を共有した。",
        "県の担当課へ論点を報告する。",
    ),
)


def add_general_support(demo: Demo) -> None:
    rng = random.Random(13)  # noqa: S311 - fake demo data; its own stream (see above)
    svc = demo.svc
    orgs = demo.org_by_code
    # Engagement details and milestones.
    milestones: list[Row] = []
    for code, details in DETAILS.items():
        eid = demo.engagement_ids.get(orgs[code].id)
        if eid is None:
            continue
        assert all(m in SUPPORT_MENU for m in details["menu"])  # type: ignore[attr-defined]
        svc.edit("engagement", eid, {k: v for k, v in details.items() if v != ""})
        start = date.fromisoformat(
            str(next(e["start"] for e in demo.t["engagements"] if str(e["org"]) == code))
        )
        for title, planned, reached in MILESTONES:
            p = demo.next_open(date.fromordinal(start.toordinal() + planned))
            r = (
                None
                if reached is None
                else demo.next_open(date.fromordinal(start.toordinal() + reached))
            )
            if title == PLAN_MILESTONE:  # reached the day the plan was agreed, as recorded
                r = date.fromisoformat(str(details["plan_agreed_on"]))
            milestones.append(
                {
                    "engagement_id": eid,
                    "title": title,
                    "planned_on": p.isoformat(),
                    "reached_on": None if r is None or r > FY_END else r.isoformat(),
                }
            )
    demo.add("engagement_milestone", milestones)
    # The register of outside bodies and who works with whom.
    bodies = demo.add(
        "stakeholder",
        [
            {
                "name": name,
                "stakeholder_type": kind_,
                "org_id": orgs[code].id if code else None,
                "department": dept,
            }
            for name, kind_, code, dept in STAKEHOLDERS
        ],
    )
    demo.add(
        "engagement_stakeholder",
        [
            {
                "engagement_id": demo.engagement_ids[orgs[code].id],
                "stakeholder_id": bodies[i],
                "role": role,
            }
            for code, links in INVOLVED.items()
            if orgs[code].id in demo.engagement_ids
            for i, role in links
        ],
    )
    # The 管理表's notes: most months written by the supporter; some left to the visits.
    notes: list[Row] = []
    for e in demo.t["engagements"]:
        org = orgs[str(e["org"])]
        eid = demo.engagement_ids[org.id]
        staff = demo.staff_ids[str(e["staff"])]
        focus = [str(x) for x in e["focus"]]
        first = str(e["start"])[:7]
        for i, (y, m) in enumerate(fy_months()):
            month = f"{y:04d}-{m:02d}"
            if month < first or rng.random() < 0.2:
                continue
            notes.append(
                {
                    "engagement_id": eid,
                    "staff_id": staff,
                    "month": month,
                    "done": f"{focus[i % len(focus)]}。定例の打合せで進捗を確認した。",
                    "next_steps": f"{focus[(i + 1) % len(focus)]}に着手する。",
                }
            )
    demo.add("engagement_month", notes)
    # The case library.
    case_rows: list[Row] = [
        {
            "title": t,
            "municipality": muni,
            "prefecture": pref,
            "population": pop,
            "municipality_type": mtype,
            "theme": theme,
            "year": year,
            "summary": summary,
            "results": results,
            "lessons": lessons,
            "source": "その他",
            "source_title": "デモ用の架空の事例",
        }
        for t, muni, pref, pop, mtype, theme, year, summary, results, lessons in CASES
    ] + [
        {
            "title": t,
            "org_id": orgs[code].id,
            "prefecture": "宮崎県",
            "theme": theme,
            "year": year,
            "summary": summary,
            "results": results,
            "lessons": lessons,
            "source": "当方の支援",
        }
        for code, t, theme, year, summary, results, lessons in IN_PREFECTURE
    ]
    case_ids = demo.add("case", case_rows)
    by_theme: dict[str, list[str]] = {}
    for row, cid in zip(case_rows, case_ids, strict=True):
        by_theme.setdefault(str(row["theme"]), []).append(cid)
    demo.add(
        "engagement_case",
        [
            {
                "engagement_id": demo.engagement_ids[orgs[code].id],
                "case_id": cid,
                "note": "定例の打合せで紹介",
            }
            for code, details in DETAILS.items()
            if orgs[code].id in demo.engagement_ids
            for cid in by_theme.get(str(details["dx_theme"]), [])[:2]
        ],
    )
    consults = [
        str(r["id"])
        for r in demo.svc.database.query(
            "SELECT id FROM consultation WHERE category = 'フロントヤード改革' AND _deleted = 0"
            " ORDER BY received_at, id LIMIT 3"
        )
    ]
    demo.add(
        "consultation_case",
        [
            {"consultation_id": c, "case_id": by_theme["フロントヤード改革"][i % 2]}
            for i, c in enumerate(consults)
        ],
    )
    _communication_tool(demo, rng)
    _coordination_and_sharing(demo, rng)


def _communication_tool(demo: Demo, rng: random.Random) -> None:
    tool = demo.add(
        "comm_tool",
        [
            {
                "name": TOOL,
                "chosen_on": "2025-05-15",
                "agreed_with_pref": True,
                "reason": "LGWAN環境から利用でき、団体間のグループを作りやすいため、県と協議のうえ選定した。",
            }
        ],
    )[0]
    groups = demo.svc.database.query(
        'SELECT id, name, group_type FROM "group" WHERE _deleted = 0'
        " AND group_type IN ('生活圏', 'ベンダ') ORDER BY group_type, name"
    )
    comm_groups = demo.add(
        "comm_group",
        [
            {
                "tool_id": tool,
                "name": f"{g['name']}（情報共有）",
                "group_id": g["id"],
                "opened_on": "2025-06-02",
            }
            for g in groups
        ],
    )
    demo.add(
        "comm_account",
        [
            {
                "tool_id": tool,
                "org_id": o.id,
                "accounts": rng.randint(2, 4) if o.org_kind != "市" else rng.randint(4, 9),
                "issued_on": "2025-06-02",
            }
            for o in demo.orgs
        ],
    )
    activity: list[Row] = []
    for cg in comm_groups:
        members = rng.randint(12, 40)
        level = rng.uniform(0.4, 1.0)
        for i, (y, m) in enumerate(fy_months()):
            if (y, m) < (FY, 6):
                continue
            growth = min(1.0, 0.35 + i * 0.08)
            active = max(1, round(members * growth * level * rng.uniform(0.7, 1.0)))
            activity.append(
                {
                    "comm_group_id": cg,
                    "month": f"{y:04d}-{m:02d}",
                    "posts": round(active * rng.uniform(2.0, 6.0)),
                    "active_members": active,
                    "members": members,
                }
            )
            members += rng.randint(0, 2)
    demo.add("comm_activity", activity)
    demo.add(
        "comm_event",
        [
            {
                "date": d.isoformat(),
                "title": title,
                "event_type": etype,
                "tool_id": tool,
                "participants": people,
            }
            for d, title, etype, people in EVENTS
        ],
    )


def _coordination_and_sharing(demo: Demo, rng: random.Random) -> None:
    areas = demo.svc.database.query(
        'SELECT g.id, g.name, MIN(m.org_id) AS org FROM "group" AS g'
        " JOIN group_member AS m ON m.group_id = g.id AND m._deleted = 0"
        " WHERE g._deleted = 0 AND g.group_type = '生活圏' GROUP BY g.id ORDER BY g.name"
    )
    staff = list(demo.staff_ids.values())
    rows: list[Row] = []
    for i, (y, m) in enumerate(fy_months()):
        area = areas[i % len(areas)]
        title, content, after = COORDINATION[rng.randrange(len(COORDINATION))]
        days = demo.month_days(y, m)
        rows.append(
            {
                "date": days[rng.randrange(len(days))].isoformat(),
                "group_id": area["id"],
                "org_id": area["org"],
                "title": f"{area['name']}：{title}",
                "content": content,
                "next_steps": after,
                "staff_id": staff[rng.randrange(len(staff))],
            }
        )
    demo.add("coordination", rows)
    outside = [o for o in demo.orgs if not o.bansou]  # 宮崎市, 都城市, the two divisions
    shares: list[Row] = []
    for y, m in fy_months():
        days = demo.month_days(y, m)
        for o in outside:
            if rng.random() < 0.45:
                continue
            title, channel, materials = SHARES[rng.randrange(len(SHARES))]
            shares.append(
                {
                    "date": days[rng.randrange(len(days))].isoformat(),
                    "org_id": o.id,
                    "recipient": "DX推進担当課" if o.org_kind != "県" else "担当課",
                    "channel": channel,
                    "title": title,
                    "materials": materials,
                    "staff_id": staff[rng.randrange(len(staff))],
                }
            )
    demo.add("info_share", shares)
