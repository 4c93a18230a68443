<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gui/about.py" line="34"/>
        <source>dxdesk について</source>
        <translation>About dxdesk</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="38"/>
        <source>dxdesk %1</source>
        <translation>dxdesk %1</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="45"/>
        <source>自治体DXサポート業務の記録・報告ツール（オフライン・暗号化）
Python %1 ／ %2</source>
        <translation>Records and reports for municipal DX support work (offline, encrypted)
Python %1 / %2</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="60"/>
        <source>ライセンス</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="60"/>
        <source>内容</source>
        <translation>What it is</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="60"/>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="60"/>
        <source>版</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="73"/>
        <source>各ライセンスの全文は、インストール先の LICENSES.txt に収録しています。</source>
        <translation>The full text of each licence is in LICENSES.txt in the installation folder.</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="76"/>
        <source>ソースから実行しています。各ライセンスの全文は、インストールされた各パッケージの情報（dist-info）にあります。</source>
        <translation>Running from source. The full text of each licence is in each installed package's information (dist-info).</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="84"/>
        <source>ライセンスの全文を開く(&amp;L)</source>
        <translation>Open the full &amp;licences</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="30"/>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="32"/>
        <source>利用者マニュアル(&amp;M)</source>
        <translation>User &amp;Manual</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="49"/>
        <source>dxdesk について(&amp;A)…</source>
        <translation>&amp;About dxdesk…</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="77"/>
        <source>利用者マニュアル</source>
        <translation>User manual</translation>
    </message>
</context>
<context>
    <name>Action</name>
    <message>
        <source>この所見から課題を作成</source>
        <extracomment>Action in the model: visit.findings</extracomment>
        <translation>Create issue from finding</translation>
    </message>
    <message>
        <source>この訪問を保存し、選択した所見（選択がなければ全文）から課題を登録します。</source>
        <extracomment>Action in the model: visit.findings</extracomment>
        <translation>Saves this visit and creates an issue from the selected finding text (or all of it if nothing is selected).</translation>
    </message>
    <message>
        <source>この訪問から提案を登録</source>
        <extracomment>Action in the model: visit.notes</extracomment>
        <translation>Record a proposal from this visit</translation>
    </message>
    <message>
        <source>この訪問を保存し、選択した記録（選択がなければ全文）から提案を登録します。</source>
        <extracomment>Action in the model: visit.notes</extracomment>
        <translation>Saves this visit and records a proposal from the selected text of the record (all of it if nothing is selected).</translation>
    </message>
    <message>
        <source>把握した課題から課題を作成</source>
        <extracomment>Action in the model: training.issues_found</extracomment>
        <translation>Create an issue from the issues found</translation>
    </message>
    <message>
        <source>この研修を保存し、選択した課題（選択がなければ全文）から課題を登録します。</source>
        <extracomment>Action in the model: training.issues_found</extracomment>
        <translation>Saves this training and records an issue from the selected text (or all of it if nothing is selected).</translation>
    </message>
    <message>
        <source>課題として登録</source>
        <extracomment>Action in the model: meeting_item.text</extracomment>
        <translation>Record as an issue</translation>
    </message>
    <message>
        <source>この課題事項を保存し、会議と結び付けた課題として登録します。</source>
        <extracomment>Action in the model: meeting_item.text</extracomment>
        <translation>Saves this open point and records it as an issue linked to the meeting.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../gui/charts.py" line="50"/>
        <source>データがありません</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="77"/>
        <source>目標 %1%2</source>
        <translation>Target %1 %2</translation>
    </message>
</context>
<context>
    <name>CalendarRule</name>
    <message>
        <source>直前の開庁日</source>
        <extracomment>CalendarRule in the model: calendar.json:earlier</extracomment>
        <translation>the last open day before</translation>
    </message>
    <message>
        <source>直後の開庁日</source>
        <extracomment>CalendarRule in the model: calendar.json:later</extracomment>
        <translation>the next open day after</translation>
    </message>
</context>
<context>
    <name>CaseFinderPanel</name>
    <message>
        <location filename="../../gui/cases.py" line="44"/>
        <source>同規模の事例を探す団体</source>
        <translation>Organisation to find similar-sized cases for</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="45"/>
        <source>（団体を選ぶと同規模の事例に絞り込みます）</source>
        <translation>(choose an organisation to show cases of a similar size)</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="48"/>
        <source>人口 %1人</source>
        <translation>population %1</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="50"/>
        <source>人口未確認</source>
        <translation>population not verified</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="55"/>
        <source>すべてのテーマ</source>
        <translation>All themes</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="63"/>
        <source>0.5 で人口の 2/3 倍〜1.5 倍を同規模とみなします。</source>
        <translation>0.5 counts 2/3 to 1.5 times the population as a similar size.</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="68"/>
        <source>同規模の事例：</source>
        <translation>Similar cases:</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="71"/>
        <source>幅</source>
        <translation>Band</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="79"/>
        <source>事例名</source>
        <translation>Case title</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="80"/>
        <source>自治体</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="81"/>
        <source>都道府県</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="82"/>
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="83"/>
        <source>テーマ</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="111"/>
        <source>人口%1人に対し、%2〜%3人の自治体の事例です（%4件）。</source>
        <translation>Cases of municipalities of %2 to %3 people, for a population of %1 (%4).</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="118"/>
        <source>人口が分からないため対象外とした事例：%1件</source>
        <translation> Cases left out because their population is unknown: %1</translation>
    </message>
    <message>
        <location filename="../../gui/cases.py" line="122"/>
        <source>%1件の事例です。</source>
        <translation>%1 cases.</translation>
    </message>
</context>
<context>
    <name>CellDialog</name>
    <message>
        <location filename="../../gui/progress.py" line="1043"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1044"/>
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1045"/>
        <source>手順</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1046"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1047"/>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1048"/>
        <location filename="../../gui/progress.py" line="1109"/>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1080"/>
        <source>記録する(&amp;R)</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1084"/>
        <source>ステップ</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1086"/>
        <source>〜</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1088"/>
        <source>を</source>
        <translation>as</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1090"/>
        <source>に（日付）</source>
        <translation>on (date)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1097"/>
        <source>手順書ステップ</source>
        <translation>Procedure steps</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1104"/>
        <source>現行システム・ベンダ</source>
        <translation>Current system and vendor</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1105"/>
        <source>標準準拠システム・ベンダ</source>
        <translation>Standard-compliant system and vendor</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1106"/>
        <source>クラウド</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1107"/>
        <source>特定移行支援</source>
        <translation>Special migration support</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1108"/>
        <source>リスク・懸念事項</source>
        <translation>Risks and concerns</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1117"/>
        <location filename="../../gui/progress.py" line="1212"/>
        <source>マイルストーン</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1120"/>
        <source>標準化状況を編集(&amp;E)…</source>
        <translation>&amp;Edit standardisation status…</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1125"/>
        <source>概要・マイルストーン</source>
        <translation>Overview and milestones</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1129"/>
        <source>未完了の課題（この業務）</source>
        <translation>Open issues (this system)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1133"/>
        <source>訪問・ヒアリング（この業務）</source>
        <translation>Visits and hearings (this system)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1143"/>
        <source>課題・訪問</source>
        <translation>Issues and visits</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1148"/>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1148"/>
        <source>対象</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1148"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1148"/>
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1148"/>
        <source>端末</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1156"/>
        <source>変更履歴</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1170"/>
        <source>%1 %2 — 標準化の進捗</source>
        <translation>%1 %2 — Standardisation progress</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1188"/>
        <location filename="../../gui/progress.py" line="1192"/>
        <location filename="../../gui/progress.py" line="1194"/>
        <location filename="../../gui/progress.py" line="1200"/>
        <source>未登録</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1197"/>
        <source>あり（%1、移行目標時期 %2）</source>
        <translation>Yes (%1, target date %2)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1198"/>
        <source>理由未登録</source>
        <translation>reason not recorded</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1204"/>
        <source>なし</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1212"/>
        <source>予定</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1212"/>
        <source>実績</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1215"/>
        <source>契約</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1216"/>
        <source>データ移行</source>
        <translation>Data migration</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1217"/>
        <source>テスト</source>
        <translation>Testing</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1218"/>
        <source>運用開始</source>
        <translation>In operation</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1246"/>
        <source>作成</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1247"/>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1248"/>
        <source>削除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1249"/>
        <source>復元</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1281"/>
        <source>記録できません</source>
        <translation>Cannot record</translation>
    </message>
</context>
<context>
    <name>ChildrenPanel</name>
    <message>
        <location filename="../../gui/members.py" line="140"/>
        <source>%1を追加…</source>
        <translation>Add %1…</translation>
    </message>
    <message>
        <location filename="../../gui/members.py" line="167"/>
        <source>まだ登録されていません。</source>
        <translation>None registered yet.</translation>
    </message>
</context>
<context>
    <name>Choice</name>
    <message>
        <source>市</source>
        <extracomment>Choice in the model: organisation.org_kind</extracomment>
        <translation>City</translation>
    </message>
    <message>
        <source>町</source>
        <extracomment>Choice in the model: organisation.org_kind, case.municipality_type</extracomment>
        <translation>Town</translation>
    </message>
    <message>
        <source>村</source>
        <extracomment>Choice in the model: organisation.org_kind, case.municipality_type</extracomment>
        <translation>Village</translation>
    </message>
    <message>
        <source>県</source>
        <extracomment>Choice in the model: organisation.org_kind</extracomment>
        <translation>Prefecture</translation>
    </message>
    <message>
        <source>統括責任者</source>
        <extracomment>Choice in the model: staff.role</extracomment>
        <translation>Lead manager</translation>
    </message>
    <message>
        <source>伴走支援</source>
        <extracomment>Choice in the model: staff.role, plan_item.category</extracomment>
        <translation>Hands-on support</translation>
    </message>
    <message>
        <source>常時支援者</source>
        <extracomment>Choice in the model: staff.role</extracomment>
        <translation>Dedicated supporter</translation>
    </message>
    <message>
        <source>専門人材</source>
        <extracomment>Choice in the model: staff.role</extracomment>
        <translation>Expert</translation>
    </message>
    <message>
        <source>事務</source>
        <extracomment>Choice in the model: staff.role</extracomment>
        <translation>Administration</translation>
    </message>
    <message>
        <source>生活圏</source>
        <extracomment>Choice in the model: group.group_type</extracomment>
        <translation>Living area</translation>
    </message>
    <message>
        <source>ベンダ</source>
        <extracomment>Choice in the model: group.group_type</extracomment>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>テーマ</source>
        <extracomment>Choice in the model: group.group_type</extracomment>
        <translation>Theme</translation>
    </message>
    <message>
        <source>訪問</source>
        <extracomment>Choice in the model: visit.mode, consultation.channel, info_share.channel</extracomment>
        <translation>Visit</translation>
    </message>
    <message>
        <source>オンライン</source>
        <extracomment>Choice in the model: visit.mode, training.format, meeting.format, training_wish.preferred_format</extracomment>
        <translation>Online</translation>
    </message>
    <message>
        <source>電話</source>
        <extracomment>Choice in the model: visit.mode, consultation.channel</extracomment>
        <translation>Phone</translation>
    </message>
    <message>
        <source>ヒアリング</source>
        <extracomment>Choice in the model: visit.purpose, time.activity</extracomment>
        <translation>Hearing</translation>
    </message>
    <message>
        <source>定例訪問</source>
        <extracomment>Choice in the model: visit.purpose</extracomment>
        <translation>Regular visit</translation>
    </message>
    <message>
        <source>打合せ</source>
        <extracomment>Choice in the model: visit.purpose, meeting.meeting_type</extracomment>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>研修・勉強会</source>
        <extracomment>Choice in the model: visit.purpose, plan_item.category</extracomment>
        <translation>Training and study session</translation>
    </message>
    <message>
        <source>現地支援</source>
        <extracomment>Choice in the model: visit.purpose, time.activity</extracomment>
        <translation>On-site support</translation>
    </message>
    <message>
        <source>その他</source>
        <extracomment>Choice in the model: visit.purpose, visit.support_kind, issue.category, consultation.category, consultation.support_kind, time.activity, goal.category, meeting.meeting_type, … (19 uses)</extracomment>
        <translation>Other</translation>
    </message>
    <message>
        <source>ソリューション提案</source>
        <extracomment>Choice in the model: visit.support_kind, consultation.support_kind, proposal.support_kind</extracomment>
        <translation>Solution proposal</translation>
    </message>
    <message>
        <source>IT調達支援</source>
        <extracomment>Choice in the model: visit.support_kind, consultation.support_kind, proposal.support_kind</extracomment>
        <translation>IT procurement support</translation>
    </message>
    <message>
        <source>スケジュール調整支援</source>
        <extracomment>Choice in the model: visit.support_kind, consultation.support_kind, proposal.support_kind</extracomment>
        <translation>Scheduling support</translation>
    </message>
    <message>
        <source>外部人材の活用</source>
        <extracomment>Choice in the model: visit.support_kind, consultation.support_kind, proposal.support_kind</extracomment>
        <translation>Use of external experts</translation>
    </message>
    <message>
        <source>研修</source>
        <extracomment>Choice in the model: visit.support_kind, consultation.support_kind, time.activity, training.training_type, proposal.support_kind</extracomment>
        <translation>Training</translation>
    </message>
    <message>
        <source>標準化・移行</source>
        <extracomment>Choice in the model: issue.category</extracomment>
        <translation>Standardization and migration</translation>
    </message>
    <message>
        <source>ベンダ調整</source>
        <extracomment>Choice in the model: issue.category</extracomment>
        <translation>Vendor coordination</translation>
    </message>
    <message>
        <source>予算・契約</source>
        <extracomment>Choice in the model: issue.category</extracomment>
        <translation>Budget and contracts</translation>
    </message>
    <message>
        <source>データ移行</source>
        <extracomment>Choice in the model: issue.category</extracomment>
        <translation>Data migration</translation>
    </message>
    <message>
        <source>ネットワーク・クラウド</source>
        <extracomment>Choice in the model: issue.category</extracomment>
        <translation>Network and cloud</translation>
    </message>
    <message>
        <source>業務見直し</source>
        <extracomment>Choice in the model: issue.category</extracomment>
        <translation>Business process review</translation>
    </message>
    <message>
        <source>人員・体制</source>
        <extracomment>Choice in the model: issue.category</extracomment>
        <translation>Staffing and organization</translation>
    </message>
    <message>
        <source>DX推進</source>
        <extracomment>Choice in the model: issue.category</extracomment>
        <translation>DX promotion</translation>
    </message>
    <message>
        <source>高</source>
        <extracomment>Choice in the model: issue.priority</extracomment>
        <translation>High</translation>
    </message>
    <message>
        <source>中</source>
        <extracomment>Choice in the model: issue.priority</extracomment>
        <translation>Medium</translation>
    </message>
    <message>
        <source>低</source>
        <extracomment>Choice in the model: issue.priority</extracomment>
        <translation>Low</translation>
    </message>
    <message>
        <source>未対応</source>
        <extracomment>Choice in the model: issue.status, consultation.status</extracomment>
        <translation>Open</translation>
    </message>
    <message>
        <source>対応中</source>
        <extracomment>Choice in the model: issue.status, consultation.status</extracomment>
        <translation>In progress</translation>
    </message>
    <message>
        <source>完了</source>
        <extracomment>Choice in the model: issue.status, consultation.status</extracomment>
        <translation>Done</translation>
    </message>
    <message>
        <source>保留</source>
        <extracomment>Choice in the model: issue.status</extracomment>
        <translation>On hold</translation>
    </message>
    <message>
        <source>メール</source>
        <extracomment>Choice in the model: consultation.channel, info_share.channel</extracomment>
        <translation>Email</translation>
    </message>
    <message>
        <source>Web会議</source>
        <extracomment>Choice in the model: consultation.channel</extracomment>
        <translation>Web meeting</translation>
    </message>
    <message>
        <source>チャット</source>
        <extracomment>Choice in the model: consultation.channel</extracomment>
        <translation>Chat</translation>
    </message>
    <message>
        <source>標準化・共通化</source>
        <extracomment>Choice in the model: consultation.category, goal.category, engagement.dx_theme, case.theme</extracomment>
        <translation>Standardization and shared systems</translation>
    </message>
    <message>
        <source>フロントヤード改革</source>
        <extracomment>Choice in the model: consultation.category, goal.category, engagement.dx_theme, case.theme</extracomment>
        <translation>Front-yard reform</translation>
    </message>
    <message>
        <source>eLTAX</source>
        <extracomment>Choice in the model: consultation.category, goal.category</extracomment>
        <translation>eLTAX</translation>
    </message>
    <message>
        <source>マイナンバーカード</source>
        <extracomment>Choice in the model: consultation.category, goal.category</extracomment>
        <translation>My Number Card</translation>
    </message>
    <message>
        <source>セキュリティ</source>
        <extracomment>Choice in the model: consultation.category, goal.category, engagement.dx_theme, case.theme</extracomment>
        <translation>Security</translation>
    </message>
    <message>
        <source>AI・RPA</source>
        <extracomment>Choice in the model: consultation.category, goal.category, engagement.dx_theme, case.theme</extracomment>
        <translation>AI and RPA</translation>
    </message>
    <message>
        <source>テレワーク</source>
        <extracomment>Choice in the model: consultation.category, goal.category</extracomment>
        <translation>Telework</translation>
    </message>
    <message>
        <source>資料作成</source>
        <extracomment>Choice in the model: time.activity</extracomment>
        <translation>Document preparation</translation>
    </message>
    <message>
        <source>会議</source>
        <extracomment>Choice in the model: time.activity, info_share.channel</extracomment>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>移動</source>
        <extracomment>Choice in the model: time.activity</extracomment>
        <translation>Travel</translation>
    </message>
    <message>
        <source>ワークショップ</source>
        <extracomment>Choice in the model: training.training_type, meeting.meeting_type</extracomment>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>勉強会</source>
        <extracomment>Choice in the model: training.training_type</extracomment>
        <translation>Study session</translation>
    </message>
    <message>
        <source>計画中</source>
        <extracomment>Choice in the model: training.status</extracomment>
        <translation>Planned</translation>
    </message>
    <message>
        <source>確定</source>
        <extracomment>Choice in the model: training.status, case_study.status</extracomment>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>実施済み</source>
        <extracomment>Choice in the model: training.status</extracomment>
        <translation>Held</translation>
    </message>
    <message>
        <source>中止</source>
        <extracomment>Choice in the model: training.status</extracomment>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>対面</source>
        <extracomment>Choice in the model: training.format, meeting.format, training_wish.preferred_format</extracomment>
        <translation>In person</translation>
    </message>
    <message>
        <source>ハイブリッド</source>
        <extracomment>Choice in the model: training.format, meeting.format</extracomment>
        <translation>Hybrid</translation>
    </message>
    <message>
        <source>月次報告会</source>
        <extracomment>Choice in the model: meeting.meeting_type</extracomment>
        <translation>Monthly report meeting</translation>
    </message>
    <message>
        <source>定例会</source>
        <extracomment>Choice in the model: meeting.meeting_type</extracomment>
        <translation>Regular meeting</translation>
    </message>
    <message>
        <source>AWS</source>
        <extracomment>Choice in the model: system_status.cloud</extracomment>
        <translation>AWS</translation>
    </message>
    <message>
        <source>Google Cloud</source>
        <extracomment>Choice in the model: system_status.cloud</extracomment>
        <translation>Google Cloud</translation>
    </message>
    <message>
        <source>Microsoft Azure</source>
        <extracomment>Choice in the model: system_status.cloud</extracomment>
        <translation>Microsoft Azure</translation>
    </message>
    <message>
        <source>Oracle Cloud Infrastructure</source>
        <extracomment>Choice in the model: system_status.cloud</extracomment>
        <translation>Oracle Cloud Infrastructure</translation>
    </message>
    <message>
        <source>さくらのクラウド</source>
        <extracomment>Choice in the model: system_status.cloud</extracomment>
        <translation>Sakura Cloud</translation>
    </message>
    <message>
        <source>未定</source>
        <extracomment>Choice in the model: system_status.cloud</extracomment>
        <translation>Undecided</translation>
    </message>
    <message>
        <source>オンプレミス</source>
        <extracomment>Choice in the model: system_status.cloud</extracomment>
        <translation>On-premises</translation>
    </message>
    <message>
        <source>メインフレーム</source>
        <extracomment>Choice in the model: system_status.special_reason</extracomment>
        <translation>Mainframe</translation>
    </message>
    <message>
        <source>個別開発システム</source>
        <extracomment>Choice in the model: system_status.special_reason</extracomment>
        <translation>Custom-built system</translation>
    </message>
    <message>
        <source>標準準拠製品なし</source>
        <extracomment>Choice in the model: system_status.special_reason</extracomment>
        <translation>No compliant product</translation>
    </message>
    <message>
        <source>ベンダリソース逼迫</source>
        <extracomment>Choice in the model: system_status.special_reason</extracomment>
        <translation>Vendor resource shortage</translation>
    </message>
    <message>
        <source>完了済み</source>
        <extracomment>Choice in the model: step_status.status</extracomment>
        <translation>Completed</translation>
    </message>
    <message>
        <source>作業中</source>
        <extracomment>Choice in the model: step_status.status</extracomment>
        <translation>Working</translation>
    </message>
    <message>
        <source>未着手</source>
        <extracomment>Choice in the model: step_status.status</extracomment>
        <translation>Not started</translation>
    </message>
    <message>
        <source>対象外</source>
        <extracomment>Choice in the model: step_status.status</extracomment>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>推進体制・人材育成</source>
        <extracomment>Choice in the model: engagement.dx_theme, case.theme</extracomment>
        <translation>Organisation and skills</translation>
    </message>
    <message>
        <source>行政手続のオンライン化</source>
        <extracomment>Choice in the model: engagement.dx_theme, case.theme</extracomment>
        <translation>Online procedures</translation>
    </message>
    <message>
        <source>テレワーク・働き方</source>
        <extracomment>Choice in the model: engagement.dx_theme, case.theme</extracomment>
        <translation>Telework and ways of working</translation>
    </message>
    <message>
        <source>データ利活用</source>
        <extracomment>Choice in the model: engagement.dx_theme, case.theme</extracomment>
        <translation>Use of data</translation>
    </message>
    <message>
        <source>地域社会のデジタル化</source>
        <extracomment>Choice in the model: engagement.dx_theme, case.theme</extracomment>
        <translation>Digital local community</translation>
    </message>
    <message>
        <source>申請準備中</source>
        <extracomment>Choice in the model: engagement.grant_result</extracomment>
        <translation>Preparing the application</translation>
    </message>
    <message>
        <source>申請済み</source>
        <extracomment>Choice in the model: engagement.grant_result</extracomment>
        <translation>Applied</translation>
    </message>
    <message>
        <source>採択</source>
        <extracomment>Choice in the model: engagement.grant_result</extracomment>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>不採択</source>
        <extracomment>Choice in the model: engagement.grant_result</extracomment>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>辞退</source>
        <extracomment>Choice in the model: engagement.grant_result</extracomment>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>作成中</source>
        <extracomment>Choice in the model: case_study.status</extracomment>
        <translation>Draft</translation>
    </message>
    <message>
        <source>確認中</source>
        <extracomment>Choice in the model: case_study.status</extracomment>
        <translation>Under review</translation>
    </message>
    <message>
        <source>審査中</source>
        <extracomment>Choice in the model: engagement_application.status</extracomment>
        <translation>Under review</translation>
    </message>
    <message>
        <source>選定</source>
        <extracomment>Choice in the model: engagement_application.status</extracomment>
        <translation>Selected</translation>
    </message>
    <message>
        <source>見送り</source>
        <extracomment>Choice in the model: engagement_application.status, proposal.status</extracomment>
        <translation>Declined</translation>
    </message>
    <message>
        <source>取下げ</source>
        <extracomment>Choice in the model: engagement_application.status</extracomment>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>企業・団体</source>
        <extracomment>Choice in the model: stakeholder.stakeholder_type</extracomment>
        <translation>Companies and associations</translation>
    </message>
    <message>
        <source>教育機関</source>
        <extracomment>Choice in the model: stakeholder.stakeholder_type</extracomment>
        <translation>Educational institution</translation>
    </message>
    <message>
        <source>予算担当部署</source>
        <extracomment>Choice in the model: stakeholder.stakeholder_type</extracomment>
        <translation>Budget department</translation>
    </message>
    <message>
        <source>庁内関係課</source>
        <extracomment>Choice in the model: stakeholder.stakeholder_type</extracomment>
        <translation>Other departments of the office</translation>
    </message>
    <message>
        <source>金融機関</source>
        <extracomment>Choice in the model: stakeholder.stakeholder_type</extracomment>
        <translation>Financial institution</translation>
    </message>
    <message>
        <source>国・県の機関</source>
        <extracomment>Choice in the model: stakeholder.stakeholder_type</extracomment>
        <translation>National or prefectural body</translation>
    </message>
    <message>
        <source>住民団体</source>
        <extracomment>Choice in the model: stakeholder.stakeholder_type</extracomment>
        <translation>Residents' group</translation>
    </message>
    <message>
        <source>政令指定都市</source>
        <extracomment>Choice in the model: case.municipality_type</extracomment>
        <translation>Designated city</translation>
    </message>
    <message>
        <source>中核市</source>
        <extracomment>Choice in the model: case.municipality_type</extracomment>
        <translation>Core city</translation>
    </message>
    <message>
        <source>施行時特例市</source>
        <extracomment>Choice in the model: case.municipality_type</extracomment>
        <translation>Special city (former)</translation>
    </message>
    <message>
        <source>一般市</source>
        <extracomment>Choice in the model: case.municipality_type</extracomment>
        <translation>City</translation>
    </message>
    <message>
        <source>特別区</source>
        <extracomment>Choice in the model: case.municipality_type</extracomment>
        <translation>Special ward</translation>
    </message>
    <message>
        <source>当方の支援</source>
        <extracomment>Choice in the model: case.source</extracomment>
        <translation>Our own support</translation>
    </message>
    <message>
        <source>国・自治体の公表資料</source>
        <extracomment>Choice in the model: case.source</extracomment>
        <translation>Published by a government</translation>
    </message>
    <message>
        <source>報道・講演</source>
        <extracomment>Choice in the model: case.source</extracomment>
        <translation>Press or talk</translation>
    </message>
    <message>
        <source>説明会</source>
        <extracomment>Choice in the model: comm_event.event_type</extracomment>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>操作研修</source>
        <extracomment>Choice in the model: comm_event.event_type</extracomment>
        <translation>Hands-on training</translation>
    </message>
    <message>
        <source>活用事例の紹介</source>
        <extracomment>Choice in the model: comm_event.event_type</extracomment>
        <translation>Examples of use</translation>
    </message>
    <message>
        <source>キャンペーン</source>
        <extracomment>Choice in the model: comm_event.event_type</extracomment>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>文書</source>
        <extracomment>Choice in the model: info_share.channel</extracomment>
        <translation>Letter</translation>
    </message>
    <message>
        <source>コミュニケーションツール</source>
        <extracomment>Choice in the model: info_share.channel</extracomment>
        <translation>Communication tool</translation>
    </message>
    <message>
        <source>提案済み</source>
        <extracomment>Choice in the model: proposal.status</extracomment>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>検討中</source>
        <extracomment>Choice in the model: proposal.status</extracomment>
        <translation>Under consideration</translation>
    </message>
    <message>
        <source>採用</source>
        <extracomment>Choice in the model: proposal.status</extracomment>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>既定</source>
        <extracomment>Choice in the model: document_form.doc_kind</extracomment>
        <translation>Default</translation>
    </message>
    <message>
        <source>月次作業報告書</source>
        <extracomment>Choice in the model: document_form.doc_kind, submission.document, report_template.document, report_section.document</extracomment>
        <translation>Monthly work report</translation>
    </message>
    <message>
        <source>議事録</source>
        <extracomment>Choice in the model: document_form.doc_kind, submission.document</extracomment>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>相談管理表</source>
        <extracomment>Choice in the model: document_form.doc_kind</extracomment>
        <translation>Consultation log</translation>
    </message>
    <message>
        <source>専門人材一覧表</source>
        <extracomment>Choice in the model: document_form.doc_kind, submission.document</extracomment>
        <translation>List of experts</translation>
    </message>
    <message>
        <source>研修実施内容報告書</source>
        <extracomment>Choice in the model: document_form.doc_kind, submission.document</extracomment>
        <translation>Training plan report</translation>
    </message>
    <message>
        <source>研修実施結果報告書</source>
        <extracomment>Choice in the model: document_form.doc_kind, submission.document</extracomment>
        <translation>Training result report</translation>
    </message>
    <message>
        <source>業務完了報告書</source>
        <extracomment>Choice in the model: document_form.doc_kind, submission.document</extracomment>
        <translation>Completion report</translation>
    </message>
    <message>
        <source>ヒアリング記録</source>
        <extracomment>Choice in the model: document_form.doc_kind</extracomment>
        <translation>Hearing record</translation>
    </message>
    <message>
        <source>ヒアリングシート</source>
        <extracomment>Choice in the model: document_form.doc_kind</extracomment>
        <translation>Hearing sheet</translation>
    </message>
    <message>
        <source>支援事例</source>
        <extracomment>Choice in the model: document_form.doc_kind</extracomment>
        <translation>Case study</translation>
    </message>
    <message>
        <source>業務実施計画書</source>
        <extracomment>Choice in the model: document_form.doc_kind, submission.document</extracomment>
        <translation>Work plan</translation>
    </message>
    <message>
        <source>業務実施体制図</source>
        <extracomment>Choice in the model: document_form.doc_kind, submission.document</extracomment>
        <translation>Organisation chart of the work</translation>
    </message>
    <message>
        <source>情報漏洩等への対策に関する文書</source>
        <extracomment>Choice in the model: document_form.doc_kind, submission.document</extracomment>
        <translation>Information leak countermeasures</translation>
    </message>
    <message>
        <source>会議資料</source>
        <extracomment>Choice in the model: submission.document</extracomment>
        <translation>Meeting materials</translation>
    </message>
    <message>
        <source>集中支援</source>
        <extracomment>Choice in the model: plan_item.category</extracomment>
        <translation>Intensive support</translation>
    </message>
    <message>
        <source>会議・報告</source>
        <extracomment>Choice in the model: plan_item.category</extracomment>
        <translation>Meetings and reports</translation>
    </message>
    <message>
        <source>成果品</source>
        <extracomment>Choice in the model: plan_item.category</extracomment>
        <translation>Deliverables</translation>
    </message>
    <message>
        <source>末尾に一行で記載</source>
        <extracomment>Choice in the model: report_template.quiet_orgs</extracomment>
        <translation>One line at the end</translation>
    </message>
    <message>
        <source>一覧表に1団体1行で記載</source>
        <extracomment>Choice in the model: report_template.quiet_orgs</extracomment>
        <translation>One row per organisation in a table</translation>
    </message>
    <message>
        <source>団体ごとに節を設ける</source>
        <extracomment>Choice in the model: report_template.quiet_orgs</extracomment>
        <translation>A section for each organisation</translation>
    </message>
    <message>
        <source>可搬記録媒体（USBメモリ等）</source>
        <extracomment>Choice in the model: bundle_export.medium</extracomment>
        <translation>Removable media (USB stick etc.)</translation>
    </message>
    <message>
        <source>共有フォルダ</source>
        <extracomment>Choice in the model: bundle_export.medium</extracomment>
        <translation>Shared folder</translation>
    </message>
    <message>
        <source>決定事項</source>
        <extracomment>Choice in the model: meeting_item.item_type</extracomment>
        <translation>Decision</translation>
    </message>
    <message>
        <source>課題事項</source>
        <extracomment>Choice in the model: meeting_item.item_type</extracomment>
        <translation>Open point</translation>
    </message>
    <message>
        <source>どちらでも</source>
        <extracomment>Choice in the model: training_wish.preferred_format</extracomment>
        <translation>Either</translation>
    </message>
</context>
<context>
    <name>CommActivityPanel</name>
    <message>
        <location filename="../../gui/commtool.py" line="47"/>
        <source>グループ</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../gui/commtool.py" line="49"/>
        <source>CSV を取り込む…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/commtool.py" line="53"/>
        <source>ツールの CSV エクスポート（UTF-8 または Shift_JIS）から月ごとの利用状況を取り込みます。</source>
        <translation>Imports each month's activity from the tool's CSV export (UTF-8 or Shift_JIS).</translation>
    </message>
    <message>
        <location filename="../../gui/commtool.py" line="58"/>
        <source>グループごとの利用状況：</source>
        <translation>Activity by group:</translation>
    </message>
    <message>
        <location filename="../../gui/commtool.py" line="70"/>
        <source>投稿数（件）</source>
        <translation>Posts</translation>
    </message>
    <message>
        <location filename="../../gui/commtool.py" line="72"/>
        <source>アクティブ人数（人）</source>
        <translation>Active members</translation>
    </message>
    <message>
        <location filename="../../gui/commtool.py" line="93"/>
        <source>%1月</source>
        <translation>Month %1</translation>
    </message>
    <message>
        <location filename="../../gui/commtool.py" line="98"/>
        <source>利用状況はまだ登録されていません。</source>
        <translation>No activity has been recorded yet.</translation>
    </message>
    <message>
        <location filename="../../gui/commtool.py" line="103"/>
        <source>CSV ファイル (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/commtool.py" line="103"/>
        <source>利用状況の CSV を取り込む</source>
        <translation>Import the activity CSV</translation>
    </message>
    <message>
        <location filename="../../gui/commtool.py" line="113"/>
        <source>%1の利用状況を%2行取り込みました（%3）。</source>
        <translation>Imported %2 rows of activity of %1 (%3).</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../../gui/sync.py" line="460"/>
        <source>競合の記録</source>
        <translation>Conflict log</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="464"/>
        <source>同じ項目が複数の端末で同時に編集されたときは、後の編集を採用し、採用されなかった値をここに残しています。必要なら「この値に戻す」を、現在の値でよければ「現在の値のまま確認済みにする」を押してください。</source>
        <translation>When the same field was edited on several devices at once, the later edit was kept and the other value is listed here. Press "Use this value" if it should be the current one, or "Keep the current value, mark reviewed" if the current one is right.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="471"/>
        <source>団体</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="472"/>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="473"/>
        <source>記録</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="474"/>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="475"/>
        <source>現在の値</source>
        <translation>Current value</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="476"/>
        <source>現在の値の入力</source>
        <translation>Current value entered by</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="477"/>
        <source>採用されなかった値</source>
        <translation>Value not kept</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="478"/>
        <source>採用されなかった値の入力</source>
        <translation>Value not kept entered by</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="479"/>
        <source>検出日時</source>
        <translation>Detected</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="484"/>
        <source>この値に戻す(&amp;R)</source>
        <translation>&amp;Use this value</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="487"/>
        <source>現在の値のまま確認済みにする(&amp;K)</source>
        <translation>&amp;Keep the current value, mark reviewed</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="511"/>
        <source>削除</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="514"/>
        <source>（削除済み）</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="527"/>
        <source>未確認の競合はありません。</source>
        <translation>There are no open conflicts.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="532"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="542"/>
        <source>確認済みにする行を選んでください。</source>
        <translation>Please select the rows to mark reviewed.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="552"/>
        <source>%1件を現在の値のまま確認済みにしました。</source>
        <translation>%1 kept as they are and marked reviewed.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="559"/>
        <source>戻す値を 1 行選んでください。</source>
        <translation>Please select one row to restore.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="569"/>
        <source>採用されなかった値に戻しました。この変更も次のバンドルで送られます。</source>
        <translation>The value has been restored. This change travels with the next bundle like any edit.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../gui/crash.py" line="65"/>
        <source>dxdesk - 予期しないエラー</source>
        <translation>dxdesk - Unexpected error</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="69"/>
        <source>予期しないエラーが発生しました。申し訳ありません。保存済みの記録は失われていません。入力中の内容は数秒ごとに下書きとして保存されています。
お手数ですが「詳細をコピー」を押し、その内容を担当者へお送りください（記録の内容は含まれません）。</source>
        <translation>An unexpected error occurred. We apologise. No saved record has been lost, and what you were typing is saved as a draft every few seconds.
Please press "Copy details" and send the text to your support contact (it contains none of your records).</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="81"/>
        <location filename="../../gui/crash.py" line="101"/>
        <source>詳細を表示</source>
        <translation>Show details</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="84"/>
        <source>詳細をコピー(&amp;C)</source>
        <translation>&amp;Copy details</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="101"/>
        <source>詳細を隠す</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="108"/>
        <source>詳細をクリップボードにコピーしました。</source>
        <translation>The details have been copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../gui/wizard.py" line="333"/>
        <source>確認と作成</source>
        <translation>Review and create</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="335"/>
        <source>内容をご確認のうえ「作成する」を押してください（数秒かかります）。</source>
        <translation>Check the details, then click “Create” (this takes a few seconds).</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="338"/>
        <source>作成する(&amp;C)</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="342"/>
        <source>氏名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="343"/>
        <source>端末名：</source>
        <translation>Device name:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="344"/>
        <source>役割：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="345"/>
        <source>端末への記憶：</source>
        <translation>Remember on this device:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="346"/>
        <source>保存場所：</source>
        <translation>Location:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="367"/>
        <source>記憶しない</source>
        <translation>Do not remember</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="367"/>
        <source>記憶する（OS の資格情報ストア）</source>
        <translation>Remember (OS credential store)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="377"/>
        <source>作成しています…</source>
        <translation>Creating…</translation>
    </message>
</context>
<context>
    <name>Date</name>
    <message>
        <location filename="../../gui/sync.py" line="95"/>
        <source>和暦</source>
        <translation>ISO</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../gui/widgets.py" line="404"/>
        <source>カレンダーから選択（F4）</source>
        <translation>Pick from calendar (F4)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets.py" line="405"/>
        <source>カレンダーから選択</source>
        <translation>Pick from calendar</translation>
    </message>
    <message>
        <location filename="../../gui/widgets.py" line="444"/>
        <source>日付として読み取れません</source>
        <translation>Not a valid date</translation>
    </message>
    <message>
        <location filename="../../gui/widgets.py" line="446"/>
        <source>例：令和7年11月25日、R7.11.25</source>
        <translation>e.g. 2025-11-25, 令和7年11月25日, R7.11.25</translation>
    </message>
</context>
<context>
    <name>DeadlineBoard</name>
    <message>
        <location filename="../../gui/deadlines.py" line="39"/>
        <source>提出物</source>
        <translation>Deliverable</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="39"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="39"/>
        <source>期限の根拠</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="39"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="102"/>
        <source>未提出のみ</source>
        <translation>Not yet submitted only</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="105"/>
        <source>帳票を作成…</source>
        <translation>Make the document…</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="106"/>
        <source>作成中にする</source>
        <translation>Mark in preparation</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="107"/>
        <source>提出済みにする…</source>
        <translation>Mark submitted…</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="108"/>
        <source>元の記録を開く</source>
        <translation>Open the source record</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="174"/>
        <source>（第%1版）</source>
        <translation> (version %1)</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="176"/>
        <source>（期限超過）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="181"/>
        <source>未設定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="195"/>
        <source>%1件（期限超過 %2件）</source>
        <translation>Items: %1 (overdue: %2)</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="271"/>
        <source>記録できません</source>
        <translation>Cannot record</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <location filename="../../gui/sync.py" line="599"/>
        <source>端末とチーム</source>
        <translation>Devices and team</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="603"/>
        <source>端末名</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="604"/>
        <source>担当者</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="605"/>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="606"/>
        <source>指紋</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="607"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="608"/>
        <source>記録上の担当者</source>
        <translation>Records as</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="618"/>
        <source>登録申請を受け付ける(&amp;A)…</source>
        <translation>&amp;Accept an enrolment request…</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="620"/>
        <source>登録を取り消す(&amp;R)</source>
        <translation>&amp;Revoke</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="622"/>
        <source>送る団体(&amp;O)…</source>
        <translation>&amp;Organisations sent…</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="629"/>
        <source>登録申請ファイルを作成(&amp;Q)…</source>
        <translation>Write an enrolment re&amp;quest…</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="631"/>
        <source>チームファイルを読み込む(&amp;J)…</source>
        <translation>&amp;Join with a team file…</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="654"/>
        <source>現地担当</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="654"/>
        <source>統括（ハブ）</source>
        <translation>Supervisor (hub)</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="658"/>
        <source>この端末</source>
        <translation>This device</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="658"/>
        <source>取消済み</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="659"/>
        <source>登録済み</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="667"/>
        <source>指紋の確認</source>
        <translation>Compare fingerprints</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="670"/>
        <source>%1 の指紋です。電話で相手と読み合わせ、一致することを確認してください。</source>
        <translation>This is the fingerprint of %1. Read it together over the phone and make sure it matches.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="673"/>
        <source>この端末の指紋です。統括責任者からの電話で読み上げてください。</source>
        <translation>This is this device's fingerprint. Read it aloud when the supervisor calls.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="681"/>
        <source>一致しました</source>
        <translation>It matches</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="682"/>
        <source>一致しません</source>
        <translation>It does not match</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="694"/>
        <source>登録申請ファイルの保存</source>
        <translation>Save the enrolment request</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="705"/>
        <source>登録申請ファイルを保存しました：%1</source>
        <translation>Enrolment request saved: %1</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="714"/>
        <source>登録申請ファイルを選択</source>
        <translation>Choose an enrolment request</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="727"/>
        <source>指紋が一致しないため、登録しませんでした。</source>
        <translation>The fingerprints did not match, so nothing was enrolled.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="732"/>
        <source>登録を取りやめました。</source>
        <translation>Enrolment cancelled.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="738"/>
        <source>チームファイルの保存</source>
        <translation>Save the team file</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="753"/>
        <source>%1 を登録しました。チームファイル %2 を相手の端末で読み込んでください。</source>
        <translation>%1 is enrolled. Load the team file %2 on that device.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="762"/>
        <source>チームファイルを選択</source>
        <translation>Choose a team file</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="776"/>
        <source>指紋が一致しないため、チームに参加しませんでした。</source>
        <translation>The fingerprints did not match, so this computer did not join the team.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="786"/>
        <source>チームに参加しました。統括（%1）へバンドルを送れます。</source>
        <translation>Joined the team. You can now send bundles to the supervisor (%1).</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="801"/>
        <source>設定する端末を 1 台選んでください。</source>
        <translation>Please select one device to set.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="811"/>
        <source>取り消す端末を 1 台選んでください。</source>
        <translation>Please select one device to revoke.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="816"/>
        <source>登録の取消し</source>
        <translation>Revoke enrolment</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="818"/>
        <source>%1 の登録を取り消しますか？ この端末からのバンドルは以後読み込みません。</source>
        <translation>Revoke %1? Bundles from that device will no longer be read.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="829"/>
        <source>%1 の登録を取り消しました。</source>
        <translation>%1 has been revoked.</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../gui/documents.py" line="241"/>
        <source>帳票の作成</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="271"/>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="277"/>
        <source>プレビュー(&amp;V)</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="278"/>
        <source>保存(&amp;S)…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="279"/>
        <source>印刷(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="326"/>
        <source>（すべての団体）</source>
        <translation>(all organisations)</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="331"/>
        <source>団体</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="339"/>
        <source>対象月（YYYY-MM）</source>
        <translation>Month (YYYY-MM)</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="344"/>
        <location filename="../../gui/documents.py" line="360"/>
        <source>（指定しない）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="352"/>
        <source>年度 </source>
        <translation>FY </translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="353"/>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="377"/>
        <source>回復キー</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="381"/>
        <source>取扱区分の表示</source>
        <translation>Handling mark</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="388"/>
        <source>文書の日付</source>
        <translation>Document date</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="391"/>
        <source>例：DX第12号（空欄のときは表示しません）</source>
        <translation>e.g. DX No. 12 (not printed when empty)</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="392"/>
        <source>文書番号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="482"/>
        <source>作成しています…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="491"/>
        <source>%1 を作成しています…</source>
        <translation>Creating %1…</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="516"/>
        <source>%1年度</source>
        <translation>FY%1</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="530"/>
        <source>帳票の保存</source>
        <translation>Save document</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="532"/>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="549"/>
        <source>保存しました：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="568"/>
        <source>%1 を印刷しています…</source>
        <translation>Printing %1…</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="575"/>
        <source>%1 ページを印刷しました。</source>
        <translation>Pages printed: %1.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/sync.py" line="364"/>
        <location filename="../../gui/sync.py" line="430"/>
        <source>バンドルの作成</source>
        <translation>Create a bundle</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="374"/>
        <source>統括（ハブ）</source>
        <translation>Supervisor (hub)</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="377"/>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="387"/>
        <source>すべてを含める（送ったバンドルが失われたときに使います）</source>
        <translation>Include everything (when a bundle sent earlier was lost)</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="390"/>
        <source>送り先(&amp;T)：</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="391"/>
        <source>保存先フォルダ(&amp;F)：</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="394"/>
        <source>媒体(&amp;M)：</source>
        <translation>&amp;Medium:</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="402"/>
        <source>作成(&amp;E)</source>
        <translation>Cr&amp;eate</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="412"/>
        <source>送り先の端末がまだ登録されていません。</source>
        <translation>No receiving device is enrolled yet.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="417"/>
        <source>保存先フォルダ</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="431"/>
        <source>バンドルを作成しています…</source>
        <translation>Creating the bundle…</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="441"/>
        <source>%1 件の変更を %2 に保存しました。</source>
        <translation>Changes saved to %2: %1.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>団体コード</source>
        <extracomment>Field in the model: organisation.code</extracomment>
        <translation>Municipality code</translation>
    </message>
    <message>
        <source>団体名</source>
        <extracomment>Field in the model: organisation.name</extracomment>
        <translation>Municipality name</translation>
    </message>
    <message>
        <source>よみがな</source>
        <extracomment>Field in the model: organisation.reading, vendor.reading</extracomment>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>区分</source>
        <extracomment>Field in the model: organisation.org_kind, plan_item.category, meeting_item.item_type</extracomment>
        <translation>Type</translation>
    </message>
    <message>
        <source>郡</source>
        <extracomment>Field in the model: organisation.gun</extracomment>
        <translation>District (gun)</translation>
    </message>
    <message>
        <source>圏域</source>
        <extracomment>Field in the model: organisation.area</extracomment>
        <translation>Area</translation>
    </message>
    <message>
        <source>伴走支援対象</source>
        <extracomment>Field in the model: organisation.bansou</extracomment>
        <translation>Hands-on support target</translation>
    </message>
    <message>
        <source>福祉事務所設置</source>
        <extracomment>Field in the model: organisation.welfare_office</extracomment>
        <translation>Has welfare office</translation>
    </message>
    <message>
        <source>人口（国勢調査）</source>
        <extracomment>Field in the model: organisation.population</extracomment>
        <translation>Population (census)</translation>
    </message>
    <message>
        <source>所在地</source>
        <extracomment>Field in the model: organisation.address</extracomment>
        <translation>Address</translation>
    </message>
    <message>
        <source>備考</source>
        <extracomment>Field in the model: organisation.notes, staff.notes, contact.notes, vendor.notes, consultation.remarks, system_status.notes, step_status.note, engagement.notes, … (28 uses)</extracomment>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>氏名</source>
        <extracomment>Field in the model: staff.name, contact.name, expert.name</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>役割</source>
        <extracomment>Field in the model: staff.role</extracomment>
        <translation>Role</translation>
    </message>
    <message>
        <source>メール</source>
        <extracomment>Field in the model: staff.email, contact.email</extracomment>
        <translation>Email</translation>
    </message>
    <message>
        <source>電話</source>
        <extracomment>Field in the model: staff.phone, contact.phone</extracomment>
        <translation>Phone</translation>
    </message>
    <message>
        <source>実務経歴</source>
        <extracomment>Field in the model: staff.career</extracomment>
        <translation>Work experience</translation>
    </message>
    <message>
        <source>団体</source>
        <extracomment>Field in the model: contact.org_id, visit.org_id, issue.org_id, consultation.org_id, time.org_id, meeting.org_id, system_status.org_id, step_status.org_id, … (19 uses)</extracomment>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>所属</source>
        <extracomment>Field in the model: contact.department, expert.affiliation</extracomment>
        <translation>Affiliation</translation>
    </message>
    <message>
        <source>役職</source>
        <extracomment>Field in the model: contact.title</extracomment>
        <translation>Position</translation>
    </message>
    <message>
        <source>ベンダ名</source>
        <extracomment>Field in the model: vendor.name</extracomment>
        <translation>Vendor name</translation>
    </message>
    <message>
        <source>製品・パッケージ</source>
        <extracomment>Field in the model: vendor.products</extracomment>
        <translation>Products and packages</translation>
    </message>
    <message>
        <source>連絡先</source>
        <extracomment>Field in the model: vendor.contact, expert.contact, stakeholder.contact</extracomment>
        <translation>Contact details</translation>
    </message>
    <message>
        <source>グループ名</source>
        <extracomment>Field in the model: group.name</extracomment>
        <translation>Group name</translation>
    </message>
    <message>
        <source>種別</source>
        <extracomment>Field in the model: group.group_type, training.training_type, meeting.meeting_type, stakeholder.stakeholder_type, comm_event.event_type</extracomment>
        <translation>Type</translation>
    </message>
    <message>
        <source>構成団体（旧形式）</source>
        <extracomment>Field in the model: group.members</extracomment>
        <translation>Member organisations (old form)</translation>
    </message>
    <message>
        <source>説明</source>
        <extracomment>Field in the model: group.description, goal_progress.note</extracomment>
        <translation>Description</translation>
    </message>
    <message>
        <source>日付</source>
        <extracomment>Field in the model: visit.date, time.date, meeting.date, coordination.date, closed_day.date</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>開始</source>
        <extracomment>Field in the model: visit.start_time, training.start_time, meeting.start_time</extracomment>
        <translation>Start</translation>
    </message>
    <message>
        <source>終了</source>
        <extracomment>Field in the model: visit.end_time, training.end_time, meeting.end_time</extracomment>
        <translation>End</translation>
    </message>
    <message>
        <source>形態</source>
        <extracomment>Field in the model: visit.mode</extracomment>
        <translation>Mode</translation>
    </message>
    <message>
        <source>目的</source>
        <extracomment>Field in the model: visit.purpose, training.aims</extracomment>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>支援の種類</source>
        <extracomment>Field in the model: visit.support_kind, consultation.support_kind, proposal.support_kind</extracomment>
        <translation>Kind of support</translation>
    </message>
    <message>
        <source>件名</source>
        <extracomment>Field in the model: visit.title, consultation.topic, coordination.title, info_share.title, proposal.title</extracomment>
        <translation>Subject</translation>
    </message>
    <message>
        <source>場所</source>
        <extracomment>Field in the model: visit.place, meeting.place</extracomment>
        <translation>Place</translation>
    </message>
    <message>
        <source>担当者</source>
        <extracomment>Field in the model: visit.staff_id, issue.owner_id, time.staff_id, coordination.staff_id, info_share.staff_id, plan_item.owner_id</extracomment>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>関連業務システム</source>
        <extracomment>Field in the model: visit.systems</extracomment>
        <translation>Related business systems</translation>
    </message>
    <message>
        <source>出席者（団体）</source>
        <extracomment>Field in the model: visit.attendees_org, meeting.attendees_org</extracomment>
        <translation>Attendees (municipality)</translation>
    </message>
    <message>
        <source>出席者（ベンダ）</source>
        <extracomment>Field in the model: visit.attendees_vendor</extracomment>
        <translation>Attendees (vendor)</translation>
    </message>
    <message>
        <source>出席者（当方）</source>
        <extracomment>Field in the model: visit.attendees_ours, meeting.attendees_ours</extracomment>
        <translation>Attendees (our team)</translation>
    </message>
    <message>
        <source>議題</source>
        <extracomment>Field in the model: visit.agenda, meeting.agenda</extracomment>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>内容・記録</source>
        <extracomment>Field in the model: visit.notes</extracomment>
        <translation>Notes</translation>
    </message>
    <message>
        <source>把握した課題・所見</source>
        <extracomment>Field in the model: visit.findings</extracomment>
        <translation>Issues and findings</translation>
    </message>
    <message>
        <source>次回対応</source>
        <extracomment>Field in the model: visit.next_actions</extracomment>
        <translation>Next actions</translation>
    </message>
    <message>
        <source>時間</source>
        <extracomment>Field in the model: visit.hours, time.hours</extracomment>
        <translation>Hours</translation>
    </message>
    <message>
        <source>関係団体（旧形式）</source>
        <extracomment>Field in the model: issue.related_orgs</extracomment>
        <translation>Related organisations (old form)</translation>
    </message>
    <message>
        <source>課題</source>
        <extracomment>Field in the model: issue.title, related_org.issue_id</extracomment>
        <translation>Issue</translation>
    </message>
    <message>
        <source>業務システム</source>
        <extracomment>Field in the model: issue.system_code, consultation.system_code, system_status.system_code, step_status.system_code</extracomment>
        <translation>Business system</translation>
    </message>
    <message>
        <source>ベンダ</source>
        <extracomment>Field in the model: issue.vendor_id, system_status.vendor_id</extracomment>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>分類</source>
        <extracomment>Field in the model: issue.category, consultation.category, goal.category</extracomment>
        <translation>Category</translation>
    </message>
    <message>
        <source>優先度</source>
        <extracomment>Field in the model: issue.priority</extracomment>
        <translation>Priority</translation>
    </message>
    <message>
        <source>状態</source>
        <extracomment>Field in the model: issue.status, consultation.status, training.status, step_status.status, case_study.status, engagement_application.status, proposal.status</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>内容</source>
        <extracomment>Field in the model: issue.description, time.note, goal.description, comm_event.notes, info_share.content, meeting_item.text</extracomment>
        <translation>Details</translation>
    </message>
    <message>
        <source>対策</source>
        <extracomment>Field in the model: issue.countermeasure</extracomment>
        <translation>Countermeasures</translation>
    </message>
    <message>
        <source>対応状況</source>
        <extracomment>Field in the model: issue.response_status</extracomment>
        <translation>Progress</translation>
    </message>
    <message>
        <source>把握日</source>
        <extracomment>Field in the model: issue.raised_on</extracomment>
        <translation>Identified on</translation>
    </message>
    <message>
        <source>期限</source>
        <extracomment>Field in the model: issue.due_date, meeting_item.due_date</extracomment>
        <translation>Due date</translation>
    </message>
    <message>
        <source>県への共有日</source>
        <extracomment>Field in the model: issue.shared_on</extracomment>
        <translation>Shared with prefecture on</translation>
    </message>
    <message>
        <source>完了日</source>
        <extracomment>Field in the model: issue.closed_on, consultation.closed_on</extracomment>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>把握した訪問</source>
        <extracomment>Field in the model: issue.visit_id</extracomment>
        <translation>Identified at visit</translation>
    </message>
    <message>
        <source>把握した会議</source>
        <extracomment>Field in the model: issue.meeting_id</extracomment>
        <translation>Meeting where found</translation>
    </message>
    <message>
        <source>把握した研修</source>
        <extracomment>Field in the model: issue.training_id</extracomment>
        <translation>Training where found</translation>
    </message>
    <message>
        <source>受付日時</source>
        <extracomment>Field in the model: consultation.received_at</extracomment>
        <translation>Received at</translation>
    </message>
    <message>
        <source>受付方法</source>
        <extracomment>Field in the model: consultation.channel</extracomment>
        <translation>Channel</translation>
    </message>
    <message>
        <source>所属・相談者</source>
        <extracomment>Field in the model: consultation.requester</extracomment>
        <translation>Department and requester</translation>
    </message>
    <message>
        <source>相談内容</source>
        <extracomment>Field in the model: consultation.content</extracomment>
        <translation>Question</translation>
    </message>
    <message>
        <source>団体が希望した専門人材</source>
        <extracomment>Field in the model: consultation.requested_expert_id</extracomment>
        <translation>Expert requested by the municipality</translation>
    </message>
    <message>
        <source>対応者（専門人材）</source>
        <extracomment>Field in the model: consultation.expert_id</extracomment>
        <translation>Handled by (expert)</translation>
    </message>
    <message>
        <source>対応内容・回答</source>
        <extracomment>Field in the model: consultation.response</extracomment>
        <translation>Response and answer</translation>
    </message>
    <message>
        <source>回答日</source>
        <extracomment>Field in the model: consultation.answered_on</extracomment>
        <translation>Answered on</translation>
    </message>
    <message>
        <source>対応時間（分）</source>
        <extracomment>Field in the model: consultation.minutes_spent</extracomment>
        <translation>Time spent (min)</translation>
    </message>
    <message>
        <source>関連課題</source>
        <extracomment>Field in the model: consultation.issue_id</extracomment>
        <translation>Related issue</translation>
    </message>
    <message>
        <source>現地</source>
        <extracomment>Field in the model: time.on_site</extracomment>
        <translation>On site</translation>
    </message>
    <message>
        <source>作業区分</source>
        <extracomment>Field in the model: time.activity</extracomment>
        <translation>Activity</translation>
    </message>
    <message>
        <source>関連訪問</source>
        <extracomment>Field in the model: time.visit_id</extracomment>
        <translation>Related visit</translation>
    </message>
    <message>
        <source>訂正元</source>
        <extracomment>Field in the model: time.supersedes</extracomment>
        <translation>Corrects</translation>
    </message>
    <message>
        <source>名称</source>
        <extracomment>Field in the model: training.title, stakeholder.name, comm_event.title</extracomment>
        <translation>Title</translation>
    </message>
    <message>
        <source>実施日</source>
        <extracomment>Field in the model: training.date, comm_event.date</extracomment>
        <translation>Date held</translation>
    </message>
    <message>
        <source>会場・形式</source>
        <extracomment>Field in the model: training.place</extracomment>
        <translation>Venue and format</translation>
    </message>
    <message>
        <source>実施形式</source>
        <extracomment>Field in the model: training.format</extracomment>
        <translation>Format (on site / online)</translation>
    </message>
    <message>
        <source>対象者</source>
        <extracomment>Field in the model: training.audience</extracomment>
        <translation>Audience</translation>
    </message>
    <message>
        <source>参加団体（旧形式）</source>
        <extracomment>Field in the model: training.org_ids</extracomment>
        <translation>Participating organisations (old form)</translation>
    </message>
    <message>
        <source>講師</source>
        <extracomment>Field in the model: training.instructor</extracomment>
        <translation>Instructor</translation>
    </message>
    <message>
        <source>内容・プログラム</source>
        <extracomment>Field in the model: training.programme</extracomment>
        <translation>Program</translation>
    </message>
    <message>
        <source>予定人数</source>
        <extracomment>Field in the model: training.planned_participants</extracomment>
        <translation>Planned participants</translation>
    </message>
    <message>
        <source>参加人数</source>
        <extracomment>Field in the model: training.participants, training_participant.participants, comm_activity.members, comm_event.participants</extracomment>
        <translation>Participants</translation>
    </message>
    <message>
        <source>アンケート結果</source>
        <extracomment>Field in the model: training.survey_results</extracomment>
        <translation>Survey results</translation>
    </message>
    <message>
        <source>把握した課題</source>
        <extracomment>Field in the model: training.issues_found</extracomment>
        <translation>Issues identified</translation>
    </message>
    <message>
        <source>今後の提案</source>
        <extracomment>Field in the model: training.proposals</extracomment>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>提案のその後の対応</source>
        <extracomment>Field in the model: training.proposal_follow_up</extracomment>
        <translation>Follow-up of the proposals</translation>
    </message>
    <message>
        <source>分野</source>
        <extracomment>Field in the model: expert.fields</extracomment>
        <translation>Fields</translation>
    </message>
    <message>
        <source>専門・得意分野</source>
        <extracomment>Field in the model: expert.specialties</extracomment>
        <translation>Specialties</translation>
    </message>
    <message>
        <source>資格</source>
        <extracomment>Field in the model: expert.qualifications</extracomment>
        <translation>Qualifications</translation>
    </message>
    <message>
        <source>実績</source>
        <extracomment>Field in the model: expert.track_record</extracomment>
        <translation>Track record</translation>
    </message>
    <message>
        <source>対応可</source>
        <extracomment>Field in the model: expert.available</extracomment>
        <translation>Available</translation>
    </message>
    <message>
        <source>対応可能な時期・条件</source>
        <extracomment>Field in the model: expert.availability</extracomment>
        <translation>Availability (when, conditions)</translation>
    </message>
    <message>
        <source>県承認</source>
        <extracomment>Field in the model: expert.pref_approved</extracomment>
        <translation>Approved by the prefecture</translation>
    </message>
    <message>
        <source>県承認日</source>
        <extracomment>Field in the model: expert.approved_on</extracomment>
        <translation>Prefecture approval date</translation>
    </message>
    <message>
        <source>年度</source>
        <extracomment>Field in the model: goal.fy, engagement.fy, engagement_application.fy, plan_item.fy</extracomment>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>目標</source>
        <extracomment>Field in the model: goal.title, goal_progress.goal_id</extracomment>
        <translation>Goal</translation>
    </message>
    <message>
        <source>目標値</source>
        <extracomment>Field in the model: goal.target_value</extracomment>
        <translation>Target value</translation>
    </message>
    <message>
        <source>単位</source>
        <extracomment>Field in the model: goal.unit</extracomment>
        <translation>Unit</translation>
    </message>
    <message>
        <source>指標</source>
        <extracomment>Field in the model: goal.indicator</extracomment>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>基準値</source>
        <extracomment>Field in the model: goal.baseline</extracomment>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>合意日</source>
        <extracomment>Field in the model: goal.agreed_on</extracomment>
        <translation>Agreed on</translation>
    </message>
    <message>
        <source>合意版</source>
        <extracomment>Field in the model: goal.agreement_version</extracomment>
        <translation>Agreement version</translation>
    </message>
    <message>
        <source>年月</source>
        <extracomment>Field in the model: goal_progress.month, engagement_month.month, comm_activity.month</extracomment>
        <translation>Month</translation>
    </message>
    <message>
        <source>実績値</source>
        <extracomment>Field in the model: goal_progress.value</extracomment>
        <translation>Actual value</translation>
    </message>
    <message>
        <source>実施内容</source>
        <extracomment>Field in the model: goal_progress.actions, engagement_month.done</extracomment>
        <translation>Actions taken</translation>
    </message>
    <message>
        <source>達成状況</source>
        <extracomment>Field in the model: goal_progress.achievement</extracomment>
        <translation>Achievement</translation>
    </message>
    <message>
        <source>次月以降の取組</source>
        <extracomment>Field in the model: goal_progress.next_steps</extracomment>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>会議名</source>
        <extracomment>Field in the model: meeting.title</extracomment>
        <translation>Meeting name</translation>
    </message>
    <message>
        <source>形式</source>
        <extracomment>Field in the model: meeting.format</extracomment>
        <translation>Format</translation>
    </message>
    <message>
        <source>出席者（県）</source>
        <extracomment>Field in the model: meeting.attendees_pref</extracomment>
        <translation>Attendees (prefecture)</translation>
    </message>
    <message>
        <source>議事概要</source>
        <extracomment>Field in the model: meeting.minutes</extracomment>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>決定事項（旧形式）</source>
        <extracomment>Field in the model: meeting.decisions</extracomment>
        <translation>Decisions (old format)</translation>
    </message>
    <message>
        <source>宿題事項（旧形式）</source>
        <extracomment>Field in the model: meeting.action_items</extracomment>
        <translation>Action items (old format)</translation>
    </message>
    <message>
        <source>次回予定</source>
        <extracomment>Field in the model: meeting.next_meeting</extracomment>
        <translation>Next meeting</translation>
    </message>
    <message>
        <source>現行ベンダ</source>
        <extracomment>Field in the model: system_status.current_vendor_id</extracomment>
        <translation>Current vendor</translation>
    </message>
    <message>
        <source>現行システム</source>
        <extracomment>Field in the model: system_status.current_system</extracomment>
        <translation>Current system</translation>
    </message>
    <message>
        <source>製品名</source>
        <extracomment>Field in the model: system_status.package_name</extracomment>
        <translation>Product name</translation>
    </message>
    <message>
        <source>クラウド</source>
        <extracomment>Field in the model: system_status.cloud</extracomment>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>契約予定日</source>
        <extracomment>Field in the model: system_status.planned_contract</extracomment>
        <translation>Planned contract date</translation>
    </message>
    <message>
        <source>データ移行予定日</source>
        <extracomment>Field in the model: system_status.planned_migration</extracomment>
        <translation>Planned data migration date</translation>
    </message>
    <message>
        <source>テスト予定日</source>
        <extracomment>Field in the model: system_status.planned_test</extracomment>
        <translation>Planned testing date</translation>
    </message>
    <message>
        <source>移行予定日</source>
        <extracomment>Field in the model: system_status.planned_go_live</extracomment>
        <translation>Planned migration date</translation>
    </message>
    <message>
        <source>運用開始</source>
        <extracomment>Field in the model: system_status.live</extracomment>
        <translation>In operation</translation>
    </message>
    <message>
        <source>特定移行支援</source>
        <extracomment>Field in the model: system_status.special_support</extracomment>
        <translation>Special migration support</translation>
    </message>
    <message>
        <source>特定移行支援の理由</source>
        <extracomment>Field in the model: system_status.special_reason</extracomment>
        <translation>Reason for special migration support</translation>
    </message>
    <message>
        <source>移行目標時期</source>
        <extracomment>Field in the model: system_status.special_target</extracomment>
        <translation>Target migration date</translation>
    </message>
    <message>
        <source>リスク・懸念事項</source>
        <extracomment>Field in the model: system_status.risks</extracomment>
        <translation>Risks and concerns</translation>
    </message>
    <message>
        <source>運用経費の見通し</source>
        <extracomment>Field in the model: system_status.running_cost</extracomment>
        <translation>Running cost outlook</translation>
    </message>
    <message>
        <source>ステップ</source>
        <extracomment>Field in the model: step_status.step_no</extracomment>
        <translation>Step</translation>
    </message>
    <message>
        <source>更新日</source>
        <extracomment>Field in the model: step_status.updated_on</extracomment>
        <translation>Updated on</translation>
    </message>
    <message>
        <source>常時支援者（旧形式）</source>
        <extracomment>Field in the model: engagement.staff_id</extracomment>
        <translation>Dedicated supporter (old format)</translation>
    </message>
    <message>
        <source>開始日</source>
        <extracomment>Field in the model: engagement.start_date, plan_item.start_date</extracomment>
        <translation>Start date</translation>
    </message>
    <message>
        <source>終了日</source>
        <extracomment>Field in the model: engagement.end_date, plan_item.end_date</extracomment>
        <translation>End date</translation>
    </message>
    <message>
        <source>月間目標日数</source>
        <extracomment>Field in the model: engagement.target_days</extracomment>
        <translation>Target days per month</translation>
    </message>
    <message>
        <source>支援テーマ</source>
        <extracomment>Field in the model: engagement.theme</extracomment>
        <translation>Support theme</translation>
    </message>
    <message>
        <source>DXテーマ</source>
        <extracomment>Field in the model: engagement.dx_theme</extracomment>
        <translation>DX theme</translation>
    </message>
    <message>
        <source>支援メニュー</source>
        <extracomment>Field in the model: engagement.menu</extracomment>
        <translation>Support menu</translation>
    </message>
    <message>
        <source>計画・スケジュールの県合意日</source>
        <extracomment>Field in the model: engagement.plan_agreed_on</extracomment>
        <translation>Plan agreed with the prefecture on</translation>
    </message>
    <message>
        <source>成果</source>
        <extracomment>Field in the model: engagement.outcomes, case_study.results, case.results</extracomment>
        <translation>Results</translation>
    </message>
    <message>
        <source>申請した実証事業・補助事業</source>
        <extracomment>Field in the model: engagement.grant_scheme</extracomment>
        <translation>Pilot or subsidy programme applied to</translation>
    </message>
    <message>
        <source>申請日</source>
        <extracomment>Field in the model: engagement.grant_applied_on</extracomment>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>申請の結果</source>
        <extracomment>Field in the model: engagement.grant_result</extracomment>
        <translation>Result of the application</translation>
    </message>
    <message>
        <source>派遣した専門人材</source>
        <extracomment>Field in the model: engagement.experts_dispatched</extracomment>
        <translation>Experts dispatched</translation>
    </message>
    <message>
        <source>職員へ移転したノウハウ</source>
        <extracomment>Field in the model: engagement.knowledge_passed</extracomment>
        <translation>Know-how passed to staff</translation>
    </message>
    <message>
        <source>集中支援</source>
        <extracomment>Field in the model: case_study.engagement_id, engagement_supporter.engagement_id, engagement_milestone.engagement_id, engagement_stakeholder.engagement_id, engagement_month.engagement_id, engagement_case.engagement_id</extracomment>
        <translation>Intensive support</translation>
    </message>
    <message>
        <source>事例名</source>
        <extracomment>Field in the model: case_study.title, case.title</extracomment>
        <translation>Case title</translation>
    </message>
    <message>
        <source>背景・課題</source>
        <extracomment>Field in the model: case_study.background</extracomment>
        <translation>Background and issues</translation>
    </message>
    <message>
        <source>支援内容</source>
        <extracomment>Field in the model: case_study.approach</extracomment>
        <translation>Support provided</translation>
    </message>
    <message>
        <source>他団体への示唆</source>
        <extracomment>Field in the model: case_study.lessons</extracomment>
        <translation>Lessons for other municipalities</translation>
    </message>
    <message>
        <source>グループ</source>
        <extracomment>Field in the model: group_member.group_id, coordination.group_id</extracomment>
        <translation>Group</translation>
    </message>
    <message>
        <source>研修・ワークショップ</source>
        <extracomment>Field in the model: training_participant.training_id</extracomment>
        <translation>Training / workshop</translation>
    </message>
    <message>
        <source>受付日</source>
        <extracomment>Field in the model: engagement_application.received_on, training_wish.received_on</extracomment>
        <translation>Received on</translation>
    </message>
    <message>
        <source>申請内容・要望</source>
        <extracomment>Field in the model: engagement_application.request</extracomment>
        <translation>Request</translation>
    </message>
    <message>
        <source>決定日</source>
        <extracomment>Field in the model: engagement_application.decided_on</extracomment>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>選定・見送りの理由</source>
        <extracomment>Field in the model: engagement_application.reason</extracomment>
        <translation>Reason for selecting or declining</translation>
    </message>
    <message>
        <source>県と合意済み</source>
        <extracomment>Field in the model: engagement_application.agreed_with_pref, comm_tool.agreed_with_pref</extracomment>
        <translation>Agreed with the prefecture</translation>
    </message>
    <message>
        <source>選定後の集中支援</source>
        <extracomment>Field in the model: engagement_application.engagement_id</extracomment>
        <translation>Engagement that followed</translation>
    </message>
    <message>
        <source>移行元の集中支援（終了）</source>
        <extracomment>Field in the model: engagement_application.follows_id</extracomment>
        <translation>Ended engagement moved from</translation>
    </message>
    <message>
        <source>常時支援者</source>
        <extracomment>Field in the model: engagement_supporter.staff_id, engagement_month.staff_id</extracomment>
        <translation>Dedicated supporter</translation>
    </message>
    <message>
        <source>担当開始日</source>
        <extracomment>Field in the model: engagement_supporter.from_date</extracomment>
        <translation>Role from</translation>
    </message>
    <message>
        <source>担当終了日</source>
        <extracomment>Field in the model: engagement_supporter.to_date</extracomment>
        <translation>Role until</translation>
    </message>
    <message>
        <source>専任</source>
        <extracomment>Field in the model: engagement_supporter.dedicated</extracomment>
        <translation>Full-time</translation>
    </message>
    <message>
        <source>常駐</source>
        <extracomment>Field in the model: engagement_supporter.resident</extracomment>
        <translation>Resident on site</translation>
    </message>
    <message>
        <source>常駐場所</source>
        <extracomment>Field in the model: engagement_supporter.place</extracomment>
        <translation>Place of residence</translation>
    </message>
    <message>
        <source>常駐日程</source>
        <extracomment>Field in the model: engagement_supporter.schedule</extracomment>
        <translation>Resident schedule</translation>
    </message>
    <message>
        <source>相談</source>
        <extracomment>Field in the model: consultation_related_org.consultation_id, consultation_case.consultation_id</extracomment>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>マイルストーン</source>
        <extracomment>Field in the model: engagement_milestone.title, plan_item.milestone</extracomment>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>予定日</source>
        <extracomment>Field in the model: engagement_milestone.planned_on</extracomment>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>達成日</source>
        <extracomment>Field in the model: engagement_milestone.reached_on</extracomment>
        <translation>Reached on</translation>
    </message>
    <message>
        <source>所在の団体</source>
        <extracomment>Field in the model: stakeholder.org_id</extracomment>
        <translation>Located in</translation>
    </message>
    <message>
        <source>部署</source>
        <extracomment>Field in the model: stakeholder.department</extracomment>
        <translation>Department</translation>
    </message>
    <message>
        <source>ステークホルダー</source>
        <extracomment>Field in the model: engagement_stakeholder.stakeholder_id</extracomment>
        <translation>Stakeholder</translation>
    </message>
    <message>
        <source>役割・関わり</source>
        <extracomment>Field in the model: engagement_stakeholder.role</extracomment>
        <translation>Role</translation>
    </message>
    <message>
        <source>今後の予定・次の対応</source>
        <extracomment>Field in the model: engagement_month.next_steps</extracomment>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>団体（県内）</source>
        <extracomment>Field in the model: case.org_id</extracomment>
        <translation>Organisation (in the prefecture)</translation>
    </message>
    <message>
        <source>自治体名</source>
        <extracomment>Field in the model: case.municipality</extracomment>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>都道府県</source>
        <extracomment>Field in the model: case.prefecture</extracomment>
        <translation>Prefecture</translation>
    </message>
    <message>
        <source>人口</source>
        <extracomment>Field in the model: case.population</extracomment>
        <translation>Population</translation>
    </message>
    <message>
        <source>自治体の区分</source>
        <extracomment>Field in the model: case.municipality_type</extracomment>
        <translation>Type of municipality</translation>
    </message>
    <message>
        <source>テーマ</source>
        <extracomment>Field in the model: case.theme, training_wish.theme</extracomment>
        <translation>Theme</translation>
    </message>
    <message>
        <source>実施年度</source>
        <extracomment>Field in the model: case.year</extracomment>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>取組内容</source>
        <extracomment>Field in the model: case.summary</extracomment>
        <translation>What was done</translation>
    </message>
    <message>
        <source>教訓・示唆</source>
        <extracomment>Field in the model: case.lessons</extracomment>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>出典の種別</source>
        <extracomment>Field in the model: case.source</extracomment>
        <translation>Kind of source</translation>
    </message>
    <message>
        <source>出典</source>
        <extracomment>Field in the model: case.source_title</extracomment>
        <translation>Source</translation>
    </message>
    <message>
        <source>出典URL</source>
        <extracomment>Field in the model: case.source_url</extracomment>
        <translation>Source URL</translation>
    </message>
    <message>
        <source>事例</source>
        <extracomment>Field in the model: engagement_case.case_id, consultation_case.case_id</extracomment>
        <translation>Case</translation>
    </message>
    <message>
        <source>ツール名</source>
        <extracomment>Field in the model: comm_tool.name</extracomment>
        <translation>Tool</translation>
    </message>
    <message>
        <source>選定日</source>
        <extracomment>Field in the model: comm_tool.chosen_on</extracomment>
        <translation>Chosen on</translation>
    </message>
    <message>
        <source>選定理由</source>
        <extracomment>Field in the model: comm_tool.reason</extracomment>
        <translation>Why it was chosen</translation>
    </message>
    <message>
        <source>ツール</source>
        <extracomment>Field in the model: comm_group.tool_id, comm_account.tool_id, comm_event.tool_id</extracomment>
        <translation>Tool</translation>
    </message>
    <message>
        <source>グループ名（ツール上）</source>
        <extracomment>Field in the model: comm_group.name</extracomment>
        <translation>Group name (on the tool)</translation>
    </message>
    <message>
        <source>対応するグループ</source>
        <extracomment>Field in the model: comm_group.group_id</extracomment>
        <translation>dxdesk group</translation>
    </message>
    <message>
        <source>開設日</source>
        <extracomment>Field in the model: comm_group.opened_on</extracomment>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>発行数</source>
        <extracomment>Field in the model: comm_account.accounts</extracomment>
        <translation>Accounts issued</translation>
    </message>
    <message>
        <source>発行日</source>
        <extracomment>Field in the model: comm_account.issued_on</extracomment>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>ツールのグループ</source>
        <extracomment>Field in the model: comm_activity.comm_group_id</extracomment>
        <translation>Tool group</translation>
    </message>
    <message>
        <source>投稿数</source>
        <extracomment>Field in the model: comm_activity.posts</extracomment>
        <translation>Posts</translation>
    </message>
    <message>
        <source>アクティブ人数</source>
        <extracomment>Field in the model: comm_activity.active_members</extracomment>
        <translation>Active members</translation>
    </message>
    <message>
        <source>対象のグループ</source>
        <extracomment>Field in the model: comm_event.comm_group_id</extracomment>
        <translation>Group concerned</translation>
    </message>
    <message>
        <source>主な団体</source>
        <extracomment>Field in the model: coordination.org_id</extracomment>
        <translation>Main organisation</translation>
    </message>
    <message>
        <source>調整内容</source>
        <extracomment>Field in the model: coordination.content</extracomment>
        <translation>What was coordinated</translation>
    </message>
    <message>
        <source>次の対応</source>
        <extracomment>Field in the model: coordination.next_steps</extracomment>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>送付日</source>
        <extracomment>Field in the model: info_share.date</extracomment>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>送付先の団体</source>
        <extracomment>Field in the model: info_share.org_id</extracomment>
        <translation>Sent to</translation>
    </message>
    <message>
        <source>宛先（所属・氏名）</source>
        <extracomment>Field in the model: info_share.recipient</extracomment>
        <translation>Recipient (department, name)</translation>
    </message>
    <message>
        <source>方法</source>
        <extracomment>Field in the model: info_share.channel</extracomment>
        <translation>How</translation>
    </message>
    <message>
        <source>送付した資料</source>
        <extracomment>Field in the model: info_share.materials</extracomment>
        <translation>Materials sent</translation>
    </message>
    <message>
        <source>提案日</source>
        <extracomment>Field in the model: proposal.proposed_on</extracomment>
        <translation>Date proposed</translation>
    </message>
    <message>
        <source>提案内容</source>
        <extracomment>Field in the model: proposal.content</extracomment>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>提案者</source>
        <extracomment>Field in the model: proposal.staff_id</extracomment>
        <translation>Proposed by</translation>
    </message>
    <message>
        <source>提案した訪問</source>
        <extracomment>Field in the model: proposal.visit_id</extracomment>
        <translation>Visit proposed at</translation>
    </message>
    <message>
        <source>関連する相談</source>
        <extracomment>Field in the model: proposal.consultation_id</extracomment>
        <translation>Related consultation</translation>
    </message>
    <message>
        <source>対応状況・その後</source>
        <extracomment>Field in the model: proposal.follow_up</extracomment>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>その後の確認日</source>
        <extracomment>Field in the model: proposal.follow_up_on</extracomment>
        <translation>Follow-up checked on</translation>
    </message>
    <message>
        <source>帳票</source>
        <extracomment>Field in the model: document_form.doc_kind, report_template.document, report_section.document</extracomment>
        <translation>Document</translation>
    </message>
    <message>
        <source>宛先</source>
        <extracomment>Field in the model: document_form.addressee</extracomment>
        <translation>Addressee</translation>
    </message>
    <message>
        <source>受託者名</source>
        <extracomment>Field in the model: document_form.contractor_name</extracomment>
        <translation>Contractor</translation>
    </message>
    <message>
        <source>受託者の所在地</source>
        <extracomment>Field in the model: document_form.contractor_address</extracomment>
        <translation>Contractor's address</translation>
    </message>
    <message>
        <source>代表者</source>
        <extracomment>Field in the model: document_form.representative</extracomment>
        <translation>Representative</translation>
    </message>
    <message>
        <source>文書番号の形式</source>
        <extracomment>Field in the model: document_form.number_pattern</extracomment>
        <translation>Document number pattern</translation>
    </message>
    <message>
        <source>記・以上の様式</source>
        <extracomment>Field in the model: document_form.cover_letter</extracomment>
        <translation>Cover-letter form (with “Ki” and “Ijō”)</translation>
    </message>
    <message>
        <source>書類</source>
        <extracomment>Field in the model: submission.document</extracomment>
        <translation>Document</translation>
    </message>
    <message>
        <source>対象期間</source>
        <extracomment>Field in the model: submission.period</extracomment>
        <translation>Period</translation>
    </message>
    <message>
        <source>対象の会議</source>
        <extracomment>Field in the model: submission.meeting_id</extracomment>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>対象の研修</source>
        <extracomment>Field in the model: submission.training_id</extracomment>
        <translation>Training</translation>
    </message>
    <message>
        <source>版</source>
        <extracomment>Field in the model: submission.version</extracomment>
        <translation>Version</translation>
    </message>
    <message>
        <source>期限（指定）</source>
        <extracomment>Field in the model: submission.due_date</extracomment>
        <translation>Due date (set)</translation>
    </message>
    <message>
        <source>提出日</source>
        <extracomment>Field in the model: submission.submitted_on</extracomment>
        <translation>Submitted on</translation>
    </message>
    <message>
        <source>文書番号</source>
        <extracomment>Field in the model: submission.doc_number</extracomment>
        <translation>Document number</translation>
    </message>
    <message>
        <source>ファイル名</source>
        <extracomment>Field in the model: submission.file_name, bundle_export.file_name</extracomment>
        <translation>File name</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <extracomment>Field in the model: submission.fingerprint, bundle_export.sha256</extracomment>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>作業項目</source>
        <extracomment>Field in the model: plan_item.title</extracomment>
        <translation>Task</translation>
    </message>
    <message>
        <source>表示順</source>
        <extracomment>Field in the model: plan_item.sort_order, report_section.sort_order, meeting_item.sort_order</extracomment>
        <translation>Order</translation>
    </message>
    <message>
        <source>当月の記録がない団体</source>
        <extracomment>Field in the model: report_template.quiet_orgs</extracomment>
        <translation>Organisations without records this month</translation>
    </message>
    <message>
        <source>項目の識別名</source>
        <extracomment>Field in the model: report_section.section, report_note.section</extracomment>
        <translation>Section key</translation>
    </message>
    <message>
        <source>見出し</source>
        <extracomment>Field in the model: report_section.title</extracomment>
        <translation>Heading</translation>
    </message>
    <message>
        <source>記載する</source>
        <extracomment>Field in the model: report_section.included</extracomment>
        <translation>Include</translation>
    </message>
    <message>
        <source>自由記述</source>
        <extracomment>Field in the model: report_section.free_text</extracomment>
        <translation>Free text</translation>
    </message>
    <message>
        <source>対象月</source>
        <extracomment>Field in the model: report_note.month</extracomment>
        <translation>Month</translation>
    </message>
    <message>
        <source>本文</source>
        <extracomment>Field in the model: report_note.body</extracomment>
        <translation>Text</translation>
    </message>
    <message>
        <source>書出し日時</source>
        <extracomment>Field in the model: bundle_export.exported_at</extracomment>
        <translation>Exported at</translation>
    </message>
    <message>
        <source>書出し端末のID</source>
        <extracomment>Field in the model: bundle_export.device_id</extracomment>
        <translation>Exporting device ID</translation>
    </message>
    <message>
        <source>書出し端末</source>
        <extracomment>Field in the model: bundle_export.device</extracomment>
        <translation>Exporting device</translation>
    </message>
    <message>
        <source>書出した人</source>
        <extracomment>Field in the model: bundle_export.person</extracomment>
        <translation>Exported by</translation>
    </message>
    <message>
        <source>受取先のID</source>
        <extracomment>Field in the model: bundle_export.recipient_id</extracomment>
        <translation>Recipient ID</translation>
    </message>
    <message>
        <source>受取先</source>
        <extracomment>Field in the model: bundle_export.recipient</extracomment>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>受取先の使用者</source>
        <extracomment>Field in the model: bundle_export.recipient_owner</extracomment>
        <translation>Recipient's user</translation>
    </message>
    <message>
        <source>同期ファイルのID</source>
        <extracomment>Field in the model: bundle_export.bundle_id</extracomment>
        <translation>Bundle ID</translation>
    </message>
    <message>
        <source>変更件数</source>
        <extracomment>Field in the model: bundle_export.change_count</extracomment>
        <translation>Changes</translation>
    </message>
    <message>
        <source>媒体</source>
        <extracomment>Field in the model: bundle_export.medium</extracomment>
        <translation>Medium</translation>
    </message>
    <message>
        <source>理由</source>
        <extracomment>Field in the model: closed_day.reason</extracomment>
        <translation>Reason</translation>
    </message>
    <message>
        <source>会議</source>
        <extracomment>Field in the model: meeting_item.meeting_id</extracomment>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>担当</source>
        <extracomment>Field in the model: meeting_item.owner</extracomment>
        <translation>Owner</translation>
    </message>
    <message>
        <source>登録した課題</source>
        <extracomment>Field in the model: meeting_item.issue_id</extracomment>
        <translation>Issue recorded</translation>
    </message>
    <message>
        <source>希望形式</source>
        <extracomment>Field in the model: training_wish.preferred_format</extracomment>
        <translation>Preferred format</translation>
    </message>
    <message>
        <source>希望時期</source>
        <extracomment>Field in the model: training_wish.preferred_period</extracomment>
        <translation>Preferred period</translation>
    </message>
    <message>
        <source>対応する研修</source>
        <extracomment>Field in the model: training_wish.training_id</extracomment>
        <translation>Training answering it</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../gui/widgets.py" line="190"/>
        <source>例：%1</source>
        <translation>e.g. %1</translation>
    </message>
</context>
<context>
    <name>ForksView</name>
    <message>
        <location filename="../../gui/forks.py" line="40"/>
        <source>別の履歴（プロファイルの複製）</source>
        <translation>Other histories (copied profile)</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="44"/>
        <source>同じ端末の記録が、別の内容で2通り届きました。プロファイルのフォルダを複製して2台で使った可能性があります。後から届いた方は取り込まずに、ここに保管しています。内容を確認し、「取り込む」でこの端末の編集として反映するか、「見送る」を選んでください（見送っても保管した変更は消えません）。複製された端末は、新しいプロファイルとして登録し直してください。</source>
        <translation>Records of the same device arrived twice, with different content. The profile folder may have been copied and used on two computers. The one that arrived later was not imported; it is kept here. Check what it holds, then choose Adopt to apply it as edits of this device, or Set aside (its changes stay stored). Set up the copied computer again as a new profile and enrol it.</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="56"/>
        <source>端末</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="57"/>
        <source>内容</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="58"/>
        <source>連番</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="59"/>
        <source>検出日時</source>
        <translation>Detected</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="60"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="70"/>
        <source>取り込む(&amp;A)</source>
        <translation>&amp;Adopt</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="73"/>
        <source>見送る(&amp;D)</source>
        <translation>Set asi&amp;de</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="95"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="96"/>
        <source>%1 %2件</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="106"/>
        <source>未対応</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="119"/>
        <source>保管している別の履歴はありません。</source>
        <translation>No other histories are kept.</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="124"/>
        <source>対象を 1 行選んでください。</source>
        <translation>Please select one row.</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="141"/>
        <source>別の履歴を取り込みました（記録の変更 %1 件）。次のバンドルで他の端末にも届きます。</source>
        <translation>The other history was adopted (%1 record changes). The next bundle takes them to the other devices.</translation>
    </message>
    <message>
        <location filename="../../gui/forks.py" line="157"/>
        <source>別の履歴を見送りました（保管した変更は残しています）。</source>
        <translation>The other history was set aside (its changes stay stored).</translation>
    </message>
</context>
<context>
    <name>GoalProgressPanel</name>
    <message>
        <location filename="../../gui/registers.py" line="101"/>
        <location filename="../../gui/registers.py" line="135"/>
        <source>目標を選ぶと、月ごとの進捗が表示されます。</source>
        <translation>Choose a goal to see its progress month by month.</translation>
    </message>
    <message>
        <location filename="../../gui/registers.py" line="104"/>
        <source>月ごとの実績値と目標値</source>
        <translation>Monthly values against the target</translation>
    </message>
    <message>
        <location filename="../../gui/registers.py" line="108"/>
        <source>実績値</source>
        <translation>Actual value</translation>
    </message>
    <message>
        <location filename="../../gui/registers.py" line="108"/>
        <source>年月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../gui/registers.py" line="108"/>
        <source>達成状況</source>
        <translation>Achievement</translation>
    </message>
    <message>
        <location filename="../../gui/registers.py" line="114"/>
        <source>ダブルクリックまたは Enter でその月の進捗を入力します。</source>
        <translation>Double-click or press Enter to enter that month's progress.</translation>
    </message>
    <message>
        <location filename="../../gui/registers.py" line="133"/>
        <source>「%1」の月ごとの進捗</source>
        <translation>Monthly progress of “%1”</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../gui/helpmenu.py" line="38"/>
        <source>キーボード操作の一覧(&amp;K)…</source>
        <translation>&amp;Keyboard shortcuts…</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="44"/>
        <source>診断情報をコピー(&amp;D)</source>
        <translation>Copy &amp;diagnostic information</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="106"/>
        <source>入力画面</source>
        <translation>Record form</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="110"/>
        <source>記録を保存</source>
        <translation>Save the record</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="114"/>
        <source>カレンダーから選択（日付欄）</source>
        <translation>Pick from the calendar (date fields)</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="116"/>
        <source>入力画面を閉じる</source>
        <translation>Close the record form</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="137"/>
        <source>キーボード操作の一覧</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="143"/>
        <source>メニュー</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="144"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="145"/>
        <source>キー</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../gui/helpmenu.py" line="181"/>
        <source>診断情報をクリップボードにコピーしました。</source>
        <translation>The diagnostic information was copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../gui/history.py" line="28"/>
        <source>変更履歴</source>
        <translation>History of changes</translation>
    </message>
    <message>
        <location filename="../../gui/history.py" line="31"/>
        <source>作成</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../gui/history.py" line="32"/>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../gui/history.py" line="33"/>
        <source>削除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../gui/history.py" line="34"/>
        <source>復元</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../gui/history.py" line="35"/>
        <source>訂正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../gui/history.py" line="41"/>
        <source>内容</source>
        <translation>Values written</translation>
    </message>
    <message>
        <location filename="../../gui/history.py" line="41"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../gui/history.py" line="41"/>
        <source>日時</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../gui/history.py" line="41"/>
        <source>端末</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../gui/history.py" line="61"/>
        <source>%1 件の変更</source>
        <translation>Changes: %1</translation>
    </message>
</context>
<context>
    <name>Holiday</name>
    <message>
        <source>こどもの日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Children's Day</translation>
    </message>
    <message>
        <source>こどもの日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Children's Day (substitute holiday)</translation>
    </message>
    <message>
        <source>みどりの日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Greenery Day</translation>
    </message>
    <message>
        <source>みどりの日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Greenery Day (substitute holiday)</translation>
    </message>
    <message>
        <source>スポーツの日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Sports Day</translation>
    </message>
    <message>
        <source>体育の日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Health and Sports Day</translation>
    </message>
    <message>
        <source>元日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>New Year's Day</translation>
    </message>
    <message>
        <source>元日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>New Year's Day (substitute holiday)</translation>
    </message>
    <message>
        <source>勤労感謝の日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Labour Thanksgiving Day</translation>
    </message>
    <message>
        <source>勤労感謝の日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Labour Thanksgiving Day (substitute holiday)</translation>
    </message>
    <message>
        <source>即位礼正殿の儀</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Enthronement Ceremony</translation>
    </message>
    <message>
        <source>国民の休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Citizens' Holiday</translation>
    </message>
    <message>
        <source>天皇の即位の日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Emperor's Enthronement Day</translation>
    </message>
    <message>
        <source>天皇誕生日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Emperor's Birthday</translation>
    </message>
    <message>
        <source>天皇誕生日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Emperor's Birthday (substitute holiday)</translation>
    </message>
    <message>
        <source>山の日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Mountain Day</translation>
    </message>
    <message>
        <source>山の日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Mountain Day (substitute holiday)</translation>
    </message>
    <message>
        <source>建国記念の日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>National Foundation Day</translation>
    </message>
    <message>
        <source>建国記念の日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>National Foundation Day (substitute holiday)</translation>
    </message>
    <message>
        <source>憲法記念日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Constitution Memorial Day</translation>
    </message>
    <message>
        <source>憲法記念日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Constitution Memorial Day (substitute holiday)</translation>
    </message>
    <message>
        <source>成人の日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Coming of Age Day</translation>
    </message>
    <message>
        <source>敬老の日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Respect for the Aged Day</translation>
    </message>
    <message>
        <source>敬老の日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Respect for the Aged Day (substitute holiday)</translation>
    </message>
    <message>
        <source>文化の日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Culture Day</translation>
    </message>
    <message>
        <source>文化の日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Culture Day (substitute holiday)</translation>
    </message>
    <message>
        <source>春分の日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Vernal Equinox Day</translation>
    </message>
    <message>
        <source>春分の日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Vernal Equinox Day (substitute holiday)</translation>
    </message>
    <message>
        <source>昭和の日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Showa Day</translation>
    </message>
    <message>
        <source>昭和の日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Showa Day (substitute holiday)</translation>
    </message>
    <message>
        <source>海の日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Marine Day</translation>
    </message>
    <message>
        <source>秋分の日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Autumnal Equinox Day</translation>
    </message>
    <message>
        <source>秋分の日 振替休日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Autumnal Equinox Day (substitute holiday)</translation>
    </message>
    <message>
        <source>年末年始</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Year-end holidays</translation>
    </message>
    <message>
        <source>臨時閉庁日</source>
        <extracomment>Holiday in the model: jpholiday / core/calendar.py</extracomment>
        <translation>Extra closed day</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../gui/home.py" line="78"/>
        <source>担当者</source>
        <translation>Consultant</translation>
    </message>
    <message>
        <location filename="../../gui/home.py" line="78"/>
        <source>統括責任者</source>
        <translation>Lead manager</translation>
    </message>
    <message>
        <location filename="../../gui/home.py" line="80"/>
        <source>ホーム（%1）— %2</source>
        <translation>Home (%1) — %2</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../gui/wizard.py" line="200"/>
        <source>利用者と端末</source>
        <translation>User and device</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="202"/>
        <source>この端末を使う方のお名前と、端末の名前・役割を入力してください。</source>
        <translation>Enter the name of the person who uses this device, and the device's name and role.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="206"/>
        <source>例：宮崎 花子</source>
        <translation>e.g. Hanako Miyazaki</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="209"/>
        <source>例：花子のノートPC</source>
        <translation>e.g. Hanako's laptop</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="226"/>
        <source>氏名(&amp;N)：</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="227"/>
        <source>端末名(&amp;D)：</source>
        <translation>&amp;Device name:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="228"/>
        <source>役割：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="234"/>
        <source>氏名と端末名は暗号化されたデータベースの中に保存され、記録の作成者として表示されます。</source>
        <translation>The name and device name are stored in the encrypted database and shown as the author of records.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gui/progress_import.py" line="77"/>
        <source>進捗の取込</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="86"/>
        <source>ファイルが選ばれていません</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="88"/>
        <source>ファイルを選ぶ(&amp;F)…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="100"/>
        <source>シート</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="101"/>
        <source>見出し行</source>
        <translation>Header row</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="113"/>
        <source>値の例</source>
        <translation>Example values</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="113"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="113"/>
        <source>取り込む内容</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="113"/>
        <source>見出し</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="117"/>
        <source>列の対応</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="119"/>
        <source>変更される内容</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="121"/>
        <source>取り込めない行</source>
        <translation>Rows not imported</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="125"/>
        <source>列の対応を確認し、「プレビュー」で変更内容を確かめてから取り込んでください。</source>
        <translation>Check the column mapping, review the changes with Preview, then import.</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="132"/>
        <source>プレビュー(&amp;P)</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="137"/>
        <location filename="../../gui/sync.py" line="139"/>
        <source>取り込む(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="142"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="164"/>
        <source>取り込む進捗表</source>
        <translation>Progress sheet to import</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="166"/>
        <source>進捗表 (*.xlsx *.xlsm *.csv)</source>
        <translation>Progress sheets (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="175"/>
        <source>読み込めません</source>
        <translation>Cannot read the file</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="200"/>
        <source>取り込まない</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="201"/>
        <source>団体（コードまたは名称）</source>
        <translation>Organisation (code or name)</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="202"/>
        <location filename="../../gui/progress_import.py" line="284"/>
        <source>業務システム</source>
        <translation>Business system</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="203"/>
        <location filename="../../gui/progress_import.py" line="300"/>
        <source>ベンダ</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="208"/>
        <source>ステップ%1（%2）</source>
        <translation>Step %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="215"/>
        <source>業務「%1」の到達ステップ</source>
        <translation>Furthest step of %1</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="277"/>
        <source>プレビューできません</source>
        <translation>Cannot preview</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="283"/>
        <source>団体</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="285"/>
        <source>ステップ</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="286"/>
        <source>現在</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="287"/>
        <source>取込後</source>
        <translation>After import</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="306"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="306"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="306"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="311"/>
        <source>変更される内容（%1件）</source>
        <translation>Changes (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="316"/>
        <source>取り込めない行（%1行）</source>
        <translation>Rows not imported (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="320"/>
        <source>%1行を読み、%2件の団体・業務が一致しました。ステップ %3件・ベンダ %4件が変更されます。取り込めない行は %5行です（推測では取り込みません）。</source>
        <translation>Read %1 rows; %2 organisation/system cells matched. %3 steps and %4 vendors will change. %5 rows cannot be imported (nothing is guessed).</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="349"/>
        <source>取り込みの確認</source>
        <translation>Confirm import</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="350"/>
        <source>ステップ %1件・ベンダ %2件を記録します。よろしいですか。</source>
        <translation>Record %1 steps and %2 vendors?</translation>
    </message>
    <message>
        <location filename="../../gui/progress_import.py" line="364"/>
        <source>取り込めません</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="108"/>
        <location filename="../../gui/sync.py" line="294"/>
        <source>バンドルの取り込み</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="115"/>
        <source>バンドルファイル（.dxb）をここへドラッグするか、「ファイルを追加」で選んでください。取り込む前に、送信元・作成日時・件数を確認できます（この時点では何も書き込みません）。</source>
        <translation>Drag bundle files (.dxb) here, or choose them with "Add files". Before anything is imported you can check the sender, date and counts (nothing is written yet).</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="122"/>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="123"/>
        <source>送信元</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="124"/>
        <source>作成日時</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="125"/>
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="126"/>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="127"/>
        <source>削除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="128"/>
        <source>競合</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="129"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="137"/>
        <source>ファイルを追加(&amp;A)…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="170"/>
        <source>バンドルファイルを選択</source>
        <translation>Choose bundle files</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="215"/>
        <source>注意：%1 の変更 %2 件は、この端末の時計より1日以上先の日時で記録されています。送信元の端末の時計が狂っている可能性があります。</source>
        <translation>Note: changes from %1 (%2 of them) are dated more than a day after this computer's clock. The sending device's clock is probably wrong.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="222"/>
        <source>取り込めます</source>
        <translation>Ready to import</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="222"/>
        <source>取込み済み（変更なし）</source>
        <translation>Already imported (no change)</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="230"/>
        <source>読み込めません：%1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="239"/>
        <source>端末「%1」（%2）</source>
        <translation>device “%1” (%2)</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="241"/>
        <source>端末「%1」</source>
        <translation>device “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="247"/>
        <source>%1から%2まで</source>
        <translation>from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="249"/>
        <source>%1以降</source>
        <translation>since %1</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="251"/>
        <source>%1まで</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="253"/>
        <source>最初から</source>
        <translation>from the start</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="256"/>
        <source>注意：%1の%2の作業（変更 %3 件、連番 %4）がまだ届いていません。その端末で先に作成されたバンドルを一緒に選ぶか、送信元で「すべてを含める」で作り直してもらってください。</source>
        <translation>Note: the work of %1 — %2 — (changes: %3, numbers %4) has not arrived yet. Select the bundle that device made earlier as well, or ask the sender to make the bundle again with “Include everything”.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="270"/>
        <source>注意：変更履歴 %1 の変更 %2 件は、この端末にある同じ端末の履歴と食い違っています（プロファイルのフォルダを複製して2台で使った可能性があります）。取り込まずに別に保管しました。「dxdesk bundle forks」で確認・取り込みができます。</source>
        <translation>Note: changes of change log %1 (%2 of them) disagree with the history of the same device held here (the profile folder may have been copied and used on two computers). They were not imported but kept apart; see Sync → Other histories.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="283"/>
        <source>バンドルの確認</source>
        <translation>Checking a bundle</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="284"/>
        <source>%1 を確認しています（まだ何も書き込みません）…</source>
        <translation>Checking %1 (nothing is written yet)…</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="295"/>
        <source>%1 を取り込んでいます…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="323"/>
        <source>%1：既に取り込み済みでした。</source>
        <translation>%1: already imported.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="329"/>
        <source>%1：%2 件の変更を取り込みました（競合 %3 件）。</source>
        <translation>%1: changes imported: %2 (conflicts: %3).</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="337"/>
        <source>注意：%1 と同じ変更を持っているのに内容が一致しません。送信元に「すべてを含める」でのバンドル作成を依頼してください（この端末の未送信の記録は消えません）。</source>
        <translation>Note: this computer holds the same changes as %1 but the contents differ. Please ask the sender for a bundle with "Include everything" (nothing unsent on this computer is lost).</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>団体</source>
        <extracomment>Kind in the model: organisation</extracomment>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>担当者</source>
        <extracomment>Kind in the model: staff</extracomment>
        <translation>Staff</translation>
    </message>
    <message>
        <source>団体担当者</source>
        <extracomment>Kind in the model: contact</extracomment>
        <translation>Municipal contacts</translation>
    </message>
    <message>
        <source>ベンダ</source>
        <extracomment>Kind in the model: vendor</extracomment>
        <translation>Vendors</translation>
    </message>
    <message>
        <source>グループ</source>
        <extracomment>Kind in the model: group</extracomment>
        <translation>Groups</translation>
    </message>
    <message>
        <source>訪問・ヒアリング</source>
        <extracomment>Kind in the model: visit</extracomment>
        <translation>Visits and hearings</translation>
    </message>
    <message>
        <source>課題</source>
        <extracomment>Kind in the model: issue</extracomment>
        <translation>Issues</translation>
    </message>
    <message>
        <source>相談</source>
        <extracomment>Kind in the model: consultation</extracomment>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>工数</source>
        <extracomment>Kind in the model: time</extracomment>
        <translation>Hours</translation>
    </message>
    <message>
        <source>研修・ワークショップ</source>
        <extracomment>Kind in the model: training</extracomment>
        <translation>Training and workshops</translation>
    </message>
    <message>
        <source>専門人材</source>
        <extracomment>Kind in the model: expert</extracomment>
        <translation>Experts</translation>
    </message>
    <message>
        <source>目標</source>
        <extracomment>Kind in the model: goal</extracomment>
        <translation>Goals</translation>
    </message>
    <message>
        <source>目標の進捗</source>
        <extracomment>Kind in the model: goal_progress</extracomment>
        <translation>Goal progress</translation>
    </message>
    <message>
        <source>会議</source>
        <extracomment>Kind in the model: meeting</extracomment>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>標準化状況</source>
        <extracomment>Kind in the model: system_status</extracomment>
        <translation>Standardization status</translation>
    </message>
    <message>
        <source>手順書ステップ</source>
        <extracomment>Kind in the model: step_status</extracomment>
        <translation>Procedure steps</translation>
    </message>
    <message>
        <source>集中支援</source>
        <extracomment>Kind in the model: engagement</extracomment>
        <translation>Intensive support</translation>
    </message>
    <message>
        <source>支援事例</source>
        <extracomment>Kind in the model: case_study</extracomment>
        <translation>Case studies</translation>
    </message>
    <message>
        <source>グループ構成団体</source>
        <extracomment>Kind in the model: group_member</extracomment>
        <translation>Group member</translation>
    </message>
    <message>
        <source>研修参加団体</source>
        <extracomment>Kind in the model: training_participant</extracomment>
        <translation>Participating organisation</translation>
    </message>
    <message>
        <source>集中支援の申請</source>
        <extracomment>Kind in the model: engagement_application</extracomment>
        <translation>Intensive support application</translation>
    </message>
    <message>
        <source>常時支援者</source>
        <extracomment>Kind in the model: engagement_supporter</extracomment>
        <translation>Dedicated supporters</translation>
    </message>
    <message>
        <source>課題の関係団体</source>
        <extracomment>Kind in the model: related_org</extracomment>
        <translation>Related organisation of an issue</translation>
    </message>
    <message>
        <source>相談の関係団体</source>
        <extracomment>Kind in the model: consultation_related_org</extracomment>
        <translation>Related organisation of a consultation</translation>
    </message>
    <message>
        <source>集中支援のマイルストーン</source>
        <extracomment>Kind in the model: engagement_milestone</extracomment>
        <translation>Engagement milestone</translation>
    </message>
    <message>
        <source>ステークホルダー</source>
        <extracomment>Kind in the model: stakeholder</extracomment>
        <translation>Stakeholder</translation>
    </message>
    <message>
        <source>集中支援の関係者</source>
        <extracomment>Kind in the model: engagement_stakeholder</extracomment>
        <translation>Engagement stakeholder</translation>
    </message>
    <message>
        <source>管理表の記入</source>
        <extracomment>Kind in the model: engagement_month</extracomment>
        <translation>Management table note</translation>
    </message>
    <message>
        <source>事例</source>
        <extracomment>Kind in the model: case</extracomment>
        <translation>Case</translation>
    </message>
    <message>
        <source>集中支援で紹介した事例</source>
        <extracomment>Kind in the model: engagement_case</extracomment>
        <translation>Case introduced in an engagement</translation>
    </message>
    <message>
        <source>相談で紹介した事例</source>
        <extracomment>Kind in the model: consultation_case</extracomment>
        <translation>Case introduced in a consultation</translation>
    </message>
    <message>
        <source>コミュニケーションツール</source>
        <extracomment>Kind in the model: comm_tool</extracomment>
        <translation>Communication tool</translation>
    </message>
    <message>
        <source>ツールのグループ</source>
        <extracomment>Kind in the model: comm_group</extracomment>
        <translation>Tool group</translation>
    </message>
    <message>
        <source>ツールのアカウント</source>
        <extracomment>Kind in the model: comm_account</extracomment>
        <translation>Tool accounts</translation>
    </message>
    <message>
        <source>ツールの利用状況</source>
        <extracomment>Kind in the model: comm_activity</extracomment>
        <translation>Tool activity</translation>
    </message>
    <message>
        <source>利用促進の取組</source>
        <extracomment>Kind in the model: comm_event</extracomment>
        <translation>Promotion event</translation>
    </message>
    <message>
        <source>広域連携の調整記録</source>
        <extracomment>Kind in the model: coordination</extracomment>
        <translation>Wide-area coordination</translation>
    </message>
    <message>
        <source>情報共有</source>
        <extracomment>Kind in the model: info_share</extracomment>
        <translation>Information shared</translation>
    </message>
    <message>
        <source>提案</source>
        <extracomment>Kind in the model: proposal</extracomment>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>帳票の様式</source>
        <extracomment>Kind in the model: document_form</extracomment>
        <translation>Document form</translation>
    </message>
    <message>
        <source>提出記録</source>
        <extracomment>Kind in the model: submission</extracomment>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>実施工程</source>
        <extracomment>Kind in the model: plan_item</extracomment>
        <translation>Plan item</translation>
    </message>
    <message>
        <source>帳票の構成</source>
        <extracomment>Kind in the model: report_template</extracomment>
        <translation>Document layout</translation>
    </message>
    <message>
        <source>帳票の構成項目</source>
        <extracomment>Kind in the model: report_section</extracomment>
        <translation>Document section</translation>
    </message>
    <message>
        <source>帳票の記述</source>
        <extracomment>Kind in the model: report_note</extracomment>
        <translation>Document text</translation>
    </message>
    <message>
        <source>同期ファイルの書出し記録</source>
        <extracomment>Kind in the model: bundle_export</extracomment>
        <translation>Bundle export log</translation>
    </message>
    <message>
        <source>臨時閉庁日</source>
        <extracomment>Kind in the model: closed_day</extracomment>
        <translation>Special closed days</translation>
    </message>
    <message>
        <source>決定・課題事項</source>
        <extracomment>Kind in the model: meeting_item</extracomment>
        <translation>Decisions and open points</translation>
    </message>
    <message>
        <source>研修要望</source>
        <extracomment>Kind in the model: training_wish</extracomment>
        <translation>Training wishes</translation>
    </message>
</context>
<context>
    <name>ListEdit</name>
    <message>
        <location filename="../../gui/widgets.py" line="207"/>
        <source>「、」で区切って入力</source>
        <translation>Separate entries with commas</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../gui/unlock.py" line="303"/>
        <source>ロック中</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="307"/>
        <source>パスフレーズを入力すると、ロックする前の画面に戻ります。</source>
        <translation>Enter your passphrase to return to where you left off.</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="312"/>
        <source>パスフレーズ</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="318"/>
        <source>解錠(&amp;U)</source>
        <translation>&amp;Unlock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/app.py" line="147"/>
        <source>バックアップから復元</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="148"/>
        <source>バックアップから復元しています…</source>
        <translation>Restoring from the backup…</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="149"/>
        <source>データベースを開いています…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="189"/>
        <source>バックアップから復元しました。置き換え前のデータベースは %1 に保管しました。</source>
        <translation>Restored from the backup. The database it replaced is kept in %1.</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="212"/>
        <source>保存されていない入力</source>
        <translation>Unsaved input</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="213"/>
        <source>前回保存されなかった入力が %1 件あります。復元しますか？</source>
        <translation>%1 form(s) from the previous session were not saved. Restore them?</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="55"/>
        <source>ホーム</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="56"/>
        <source>課題一覧</source>
        <translation>Issue list</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="57"/>
        <source>相談管理表</source>
        <translation>Consultation log</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="58"/>
        <location filename="../../gui/mainwindow.py" line="69"/>
        <source>工数</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="59"/>
        <source>週間工数</source>
        <translation>Weekly hours</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="60"/>
        <source>標準化の進捗</source>
        <translation>Standardisation progress</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="61"/>
        <source>期限・提出物</source>
        <translation>Deadlines and submissions</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="62"/>
        <source>台帳</source>
        <translation>Registers</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="65"/>
        <source>訪問・ヒアリング</source>
        <translation>Visits and hearings</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="66"/>
        <source>課題</source>
        <translation>Issues</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="67"/>
        <source>相談</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="68"/>
        <source>提案</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="118"/>
        <source>dxdesk — 自治体DXサポート業務</source>
        <translation>dxdesk — Municipal DX support</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="124"/>
        <source>%1（%2）— %3</source>
        <translation>%1 (%2) — %3</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="129"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="164"/>
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="172"/>
        <source>新しい訪問(&amp;V)…</source>
        <translation>New &amp;visit…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="175"/>
        <source>新しい課題(&amp;I)…</source>
        <translation>New &amp;issue…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="178"/>
        <source>新しい相談(&amp;C)…</source>
        <translation>New &amp;consultation…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="181"/>
        <source>工数の入力(&amp;H)…</source>
        <translation>Enter &amp;hours…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="184"/>
        <source>新しい提案(&amp;P)…</source>
        <translation>New &amp;proposal…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="194"/>
        <source> 対象月 </source>
        <translation> Month </translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="201"/>
        <source>すべての記録を検索</source>
        <translation>Search all records</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="206"/>
        <source>検索(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="211"/>
        <source>ロック(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="262"/>
        <source>圏域別</source>
        <translation>By area</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="263"/>
        <source>区分別（市・町・村）</source>
        <translation>By type (city, town, village)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="265"/>
        <source>生活圏グループ別</source>
        <translation>By living-area group</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="266"/>
        <source>ベンダ別グループ</source>
        <translation>By vendor group</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="281"/>
        <source>概要</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="498"/>
        <location filename="../../gui/mainwindow.py" line="943"/>
        <source>%1を作成…</source>
        <translation>Create %1…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="531"/>
        <location filename="../../gui/selftest.py" line="50"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="532"/>
        <source>バックアップを作成(&amp;B)</source>
        <translation>Make a &amp;backup</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="534"/>
        <source>バックアップから復元(&amp;R)…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="538"/>
        <source>設定(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="543"/>
        <source>終了(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="546"/>
        <source>記録(&amp;R)</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="557"/>
        <source>同期(&amp;Y)</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="559"/>
        <source>バンドルを作成(&amp;E)…</source>
        <translation>Create a bundle (&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="560"/>
        <source>バンドルを取り込む(&amp;I)…</source>
        <translation>&amp;Import bundles…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="561"/>
        <source>競合の記録(&amp;C)…</source>
        <translation>&amp;Conflict log…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="562"/>
        <source>別の履歴（複製の検出）(&amp;F)…</source>
        <translation>Other &amp;histories (copied profile)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="563"/>
        <source>端末とチーム(&amp;D)…</source>
        <translation>&amp;Devices and team…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="567"/>
        <source>帳票(&amp;P)</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="569"/>
        <source>帳票の作成(&amp;P)…</source>
        <translation>Create a &amp;document…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="572"/>
        <source>成果品一式の作成(&amp;K)…</source>
        <translation>Deliverables pac&amp;kage…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="574"/>
        <source>月次作業報告書の構成(&amp;T)…</source>
        <translation>Monthly report &amp;layout…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="581"/>
        <source>台帳(&amp;G)</source>
        <translation>Re&amp;gisters</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="583"/>
        <source>期限・提出物(&amp;D)</source>
        <translation>&amp;Deadlines and submissions</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="593"/>
        <source>進捗(&amp;S)</source>
        <translation>&amp;Standardisation</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="595"/>
        <source>取込(&amp;I)…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="598"/>
        <source>Excel に書き出す(&amp;X)…</source>
        <translation>E&amp;xport to Excel…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="601"/>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="605"/>
        <source>%1(&amp;%2)</source>
        <translation>&amp;%2 %1</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="709"/>
        <source>「%1」の検索結果：%2件</source>
        <translation>Search results for “%1”: %2</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="756"/>
        <source>削除できません</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="760"/>
        <source>%1件を削除しました。</source>
        <translation>Deleted %1 record(s).</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="775"/>
        <source>削除を取り消しました。</source>
        <translation>Deletion undone.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="806"/>
        <source>警告：%1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="817"/>
        <location filename="../../gui/mainwindow.py" line="1069"/>
        <source>自動バックアップ</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="818"/>
        <source>自動バックアップを作成しています…</source>
        <translation>Creating the automatic backup…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="863"/>
        <source>競合の記録</source>
        <translation>Conflict log</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="871"/>
        <source>別の履歴</source>
        <translation>Other histories</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="988"/>
        <source>バックアップを作成</source>
        <translation>Create backup</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="989"/>
        <source>バックアップを作成しています…</source>
        <translation>Creating a backup…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="994"/>
        <source>バックアップできません</source>
        <translation>Cannot create a backup</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="999"/>
        <source>バックアップを作成しました：%1</source>
        <translation>Backup created: %1</translation>
    </message>
</context>
<context>
    <name>ManagementTable</name>
    <message>
        <location filename="../../gui/engagement_table.py" line="46"/>
        <source>年月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="47"/>
        <source>常時支援者</source>
        <translation>Dedicated supporter</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="48"/>
        <source>現地日数</source>
        <translation>Days on site</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="49"/>
        <source>時間</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="50"/>
        <source>実施内容</source>
        <translation>Actions taken</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="51"/>
        <source>次の対応</source>
        <translation>Next steps</translation>
    </message>
</context>
<context>
    <name>ManagementTableView</name>
    <message>
        <location filename="../../gui/engagement_table.py" line="79"/>
        <source>管理表 — %1</source>
        <translation>Management table — %1</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="86"/>
        <source>表示する月</source>
        <translation>Month shown</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="87"/>
        <source>今月までの全期間</source>
        <translation>The whole period up to this month</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="91"/>
        <source>Excel に書き出す…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="96"/>
        <source>表示する月：</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="111"/>
        <source>ダブルクリックまたは Enter で、その月の実施内容と次の対応を記入します。</source>
        <translation>Double-click or press Enter to write the month's work done and next steps.</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="146"/>
        <source>合計：現地 %1 日、%2 時間</source>
        <translation>Total: %1 days on site, %2 hours</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="181"/>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="181"/>
        <source>管理表を書き出す</source>
        <translation>Export the management table</translation>
    </message>
    <message>
        <location filename="../../gui/engagement_table.py" line="190"/>
        <source>書き出しました：%1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>MembersEditor</name>
    <message>
        <location filename="../../gui/members.py" line="54"/>
        <source>団体名・よみの一部で絞り込み</source>
        <translation>Filter by part of a name or reading</translation>
    </message>
    <message>
        <location filename="../../gui/members.py" line="105"/>
        <source>%1 団体を選択</source>
        <translation>Organisations selected: %1</translation>
    </message>
</context>
<context>
    <name>Month</name>
    <message>
        <location filename="../../gui/dates.py" line="52"/>
        <source>1月</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="53"/>
        <source>2月</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="54"/>
        <source>3月</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="55"/>
        <source>4月</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="56"/>
        <source>5月</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="57"/>
        <source>6月</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="58"/>
        <source>7月</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="59"/>
        <source>8月</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="60"/>
        <source>9月</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="61"/>
        <source>10月</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="62"/>
        <source>11月</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="63"/>
        <source>12月</source>
        <translation>Dec</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="70"/>
        <source>%1年%2</source>
        <translation>%2 %1</translation>
    </message>
</context>
<context>
    <name>MonthGridModel</name>
    <message>
        <location filename="../../gui/overview.py" line="186"/>
        <source>工数計（時間）</source>
        <translation>Total hours</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="186"/>
        <source>現地日数計</source>
        <translation>Days on site</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="186"/>
        <source>目標日数</source>
        <translation>Target days</translation>
    </message>
</context>
<context>
    <name>MonthGridView</name>
    <message>
        <location filename="../../gui/overview.py" line="228"/>
        <source>現地日数は工数の「現地」記録から数えます。集中支援の団体で目標日数に届かない月は赤で示します。</source>
        <translation>Days on site are counted from hours entries marked “On site”. Months in which an intensive-support municipality falls short of its target days are shown in red.</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="237"/>
        <source>%1年%2月の工数（担当者 × 団体）</source>
        <translation>Hours for %2/%1 (staff × municipality)</translation>
    </message>
</context>
<context>
    <name>OrgCombo</name>
    <message>
        <location filename="../../gui/widgets.py" line="714"/>
        <source>団体名を入力または選択</source>
        <translation>Type or choose a municipality</translation>
    </message>
</context>
<context>
    <name>OrgTree</name>
    <message>
        <location filename="../../gui/orgtree.py" line="43"/>
        <source>団体</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../gui/orgtree.py" line="43"/>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/orgtree.py" line="60"/>
        <source>県（所管課）</source>
        <translation>Prefecture (responsible division)</translation>
    </message>
    <message>
        <location filename="../../gui/orgtree.py" line="61"/>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../gui/orgtree.py" line="62"/>
        <source>グループ未設定</source>
        <translation>In no group</translation>
    </message>
    <message>
        <location filename="../../gui/orgtree.py" line="63"/>
        <source>課題%1</source>
        <translation>Issues %1</translation>
    </message>
    <message>
        <location filename="../../gui/orgtree.py" line="64"/>
        <source>現地%1/%2日</source>
        <translation>On site %1/%2 d</translation>
    </message>
    <message>
        <location filename="../../gui/orgtree.py" line="65"/>
        <source>現地%1日</source>
        <translation>On site %1 d</translation>
    </message>
    <message>
        <location filename="../../gui/orgtree.py" line="66"/>
        <source>%1日前</source>
        <translation>%1 d ago</translation>
    </message>
    <message>
        <location filename="../../gui/orgtree.py" line="67"/>
        <source>● 伴走支援対象</source>
        <translation>● Hands-on support target</translation>
    </message>
    <message>
        <location filename="../../gui/orgtree.py" line="68"/>
        <source>◆ 集中支援（月%1日目標）</source>
        <translation>◆ Intensive support (target: %1 days a month)</translation>
    </message>
    <message>
        <location filename="../../gui/orgtree.py" line="87"/>
        <source>全体</source>
        <translation>Overall</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <location filename="../../gui/overview.py" line="67"/>
        <source>月別の工数（時間）</source>
        <translation>Hours by month</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="72"/>
        <source>最近の訪問・ヒアリング</source>
        <translation>Recent visits and hearings</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="77"/>
        <source>未完了の課題</source>
        <translation>Open issues</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="86"/>
        <source>団体の担当者</source>
        <translation>Municipal contacts</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="98"/>
        <source>伴走支援対象</source>
        <translation>Hands-on support target</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="100"/>
        <source>集中支援（月%1日目標）</source>
        <translation>Intensive support (target: %1 days a month)</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="105"/>
        <source>%1年%2月 現地 %3%4 日</source>
        <translation>%2/%1: %3%4 days on site</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="116"/>
        <source>工数 %1 時間</source>
        <translation>Hours: %1</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="117"/>
        <source>未完了の課題 %1 件</source>
        <translation>Open issues: %1</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="119"/>
        <source>時間</source>
        <translation>h</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="126"/>
        <source>訪問の記録はありません</source>
        <translation>No visits recorded</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="137"/>
        <source>未完了の課題はありません</source>
        <translation>No open issues</translation>
    </message>
    <message>
        <location filename="../../gui/overview.py" line="147"/>
        <source>登録されていません</source>
        <translation>None registered</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/overview.py" line="155"/>
        <source>共有：%1ほか%n団体</source>
        <translation>
            <numerusform>Shared: %1 and %n other</numerusform>
            <numerusform>Shared: %1 and %n others</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <location filename="../../gui/package.py" line="30"/>
        <location filename="../../gui/package.py" line="38"/>
        <location filename="../../gui/package.py" line="49"/>
        <location filename="../../gui/package.py" line="82"/>
        <source>成果品一式の作成</source>
        <translation>Deliverables package</translation>
    </message>
    <message>
        <location filename="../../gui/package.py" line="31"/>
        <source>成果品一式を作成しています…</source>
        <translation>Making the deliverables package…</translation>
    </message>
    <message>
        <location filename="../../gui/package.py" line="50"/>
        <source>年度（例：2025 は令和7年度）</source>
        <translation>Fiscal year (e.g. 2025 for FY Reiwa 7)</translation>
    </message>
    <message>
        <location filename="../../gui/package.py" line="60"/>
        <source>成果品一式の保存</source>
        <translation>Save the deliverables package</translation>
    </message>
    <message>
        <location filename="../../gui/package.py" line="62"/>
        <source>ZIP ファイル (*.zip)</source>
        <translation>ZIP file (*.zip)</translation>
    </message>
    <message>
        <location filename="../../gui/package.py" line="70"/>
        <source>成果品一式を作成しました：%1（書類 %2件）</source>
        <translation>The deliverables package has been made: %1 (documents: %2)</translation>
    </message>
    <message>
        <location filename="../../gui/package.py" line="76"/>
        <source>記録がないため作成していない書類：</source>
        <translation>Not made, as there are no records: </translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../gui/wizard.py" line="278"/>
        <source>パスフレーズ</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="281"/>
        <source>データを開くためのパスフレーズを決めてください。単語を組み合わせた長い文がお勧めです。</source>
        <translation>Choose the passphrase that opens your data. A long phrase of several words is recommended.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="286"/>
        <source>この端末に記憶する（OS の資格情報ストア）</source>
        <translation>Remember on this device (OS credential store)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="303"/>
        <source>次回から、この端末のログイン中はパスフレーズなしで開けます。</source>
        <translation>From next time, your data opens without the passphrase while you are signed in to this device.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="307"/>
        <source>記憶すると、この端末にあなたのアカウントでログインできる人は、パスフレーズなしでデータを開けます。共用の端末では記憶しないでください。</source>
        <translation>If remembered, anyone who can sign in to this device with your account can open the data without the passphrase. Do not use this on a shared device.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="314"/>
        <source>この端末では利用できません：</source>
        <translation>Not available on this device: </translation>
    </message>
</context>
<context>
    <name>PassphrasePair</name>
    <message>
        <location filename="../../gui/wizard.py" line="148"/>
        <source>入力内容を表示する</source>
        <translation>Show characters</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="153"/>
        <source>パスフレーズ(&amp;P)：</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="155"/>
        <source>確認のため再入力(&amp;C)：</source>
        <translation>&amp;Confirm passphrase:</translation>
    </message>
</context>
<context>
    <name>Phrase</name>
    <message numerus="yes">
        <source>{n}日前</source>
        <extracomment>Phrase in the model: days_ago</extracomment>
        <translation>
            <numerusform>{n} day ago</numerusform>
            <numerusform>{n} days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n}件の変更</source>
        <extracomment>Phrase in the model: changes</extracomment>
        <translation>
            <numerusform>{n} change</numerusform>
            <numerusform>{n} changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n}日</source>
        <extracomment>Phrase in the model: n_days</extracomment>
        <translation>
            <numerusform>{n} day</numerusform>
            <numerusform>{n} days</numerusform>
        </translation>
    </message>
    <message>
        <source>{start}〜{end}</source>
        <extracomment>Phrase in the model: span</extracomment>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>{title}（{count}件）</source>
        <extracomment>Phrase in the model: home.section</extracomment>
        <translation>{title} ({count})</translation>
    </message>
    <message>
        <source>期限が近い・過ぎた提出物（3週間以内）</source>
        <extracomment>Phrase in the model: home.deadlines</extracomment>
        <translation>Deliverables due soon or overdue (next 3 weeks)</translation>
    </message>
    <message>
        <source>{month}の現地支援日数（集中支援）</source>
        <extracomment>Phrase in the model: home.site_days</extracomment>
        <translation>On-site days in {month} (intensive support)</translation>
    </message>
    <message>
        <source>標準化の要注意（点数の高い順）</source>
        <extracomment>Phrase in the model: home.attention</extracomment>
        <translation>Standardisation needing attention (highest score first)</translation>
    </message>
    <message>
        <source>集中支援の注意事項</source>
        <extracomment>Phrase in the model: home.engagements</extracomment>
        <translation>Intensive support warnings</translation>
    </message>
    <message>
        <source>県へ未共有の課題</source>
        <extracomment>Phrase in the model: home.unshared</extracomment>
        <translation>Issues not yet shared with the prefecture</translation>
    </message>
    <message>
        <source>期限を過ぎた課題</source>
        <extracomment>Phrase in the model: home.overdue_issues</extracomment>
        <translation>Overdue issues</translation>
    </message>
    <message>
        <source>最近の取り込み</source>
        <extracomment>Phrase in the model: home.imports</extracomment>
        <translation>Recent imports</translation>
    </message>
    <message>
        <source>確認が必要な競合</source>
        <extracomment>Phrase in the model: home.conflicts</extracomment>
        <translation>Conflicts to review</translation>
    </message>
    <message>
        <source>今週の訪問</source>
        <extracomment>Phrase in the model: home.week_visits</extracomment>
        <translation>Visits this week</translation>
    </message>
    <message>
        <source>担当の未完了の{kind}</source>
        <extracomment>Phrase in the model: home.own</extracomment>
        <translation>Open in your charge: {kind}</translation>
    </message>
    <message>
        <source>今週の工数</source>
        <extracomment>Phrase in the model: home.week_hours</extracomment>
        <translation>Hours this week</translation>
    </message>
    <message>
        <source>最後に送ったバンドル</source>
        <extracomment>Phrase in the model: home.last_bundle</extracomment>
        <translation>Last bundle sent</translation>
    </message>
    <message>
        <source>ありません。</source>
        <extracomment>Phrase in the model: home.none</extracomment>
        <translation>None.</translation>
    </message>
    <message>
        <source>集計しています…</source>
        <extracomment>Phrase in the model: home.pending</extracomment>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>今年度の集中支援の記録がありません。</source>
        <extracomment>Phrase in the model: home.no_engagement</extracomment>
        <translation>No intensive support is recorded for this fiscal year.</translation>
    </message>
    <message>
        <source>注意が必要な団体・業務はありません。</source>
        <extracomment>Phrase in the model: home.no_attention</extracomment>
        <translation>No municipality or system needs attention.</translation>
    </message>
    <message>
        <source>取り込みはまだありません。</source>
        <extracomment>Phrase in the model: home.no_import</extracomment>
        <translation>Nothing has been imported yet.</translation>
    </message>
    <message>
        <source>まだバンドルを送っていません。</source>
        <extracomment>Phrase in the model: home.no_bundle</extracomment>
        <translation>No bundle has been sent yet.</translation>
    </message>
    <message>
        <source>{due} {title}（{status}）</source>
        <extracomment>Phrase in the model: home.deadline</extracomment>
        <translation>{due} {title} ({status})</translation>
    </message>
    <message>
        <source>{due} 期限超過 {title}（{status}）</source>
        <extracomment>Phrase in the model: home.deadline_overdue</extracomment>
        <translation>{due} Overdue: {title} ({status})</translation>
    </message>
    <message numerus="yes">
        <source>{org} 現地 {done}日 ／ 目標 {target}日</source>
        <extracomment>Phrase in the model: home.site_day</extracomment>
        <translation>
            <numerusform>{org}: {done} of {target} day on site</numerusform>
            <numerusform>{org}: {done} of {target} days on site</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{org} {system}（{score}点）：{headline}</source>
        <extracomment>Phrase in the model: home.attention_cell</extracomment>
        <translation>
            <numerusform>{org} {system} ({score} point): {headline}</numerusform>
            <numerusform>{org} {system} ({score} points): {headline}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{org}（{score}点）：{headline}</source>
        <extracomment>Phrase in the model: home.attention_org</extracomment>
        <translation>
            <numerusform>{org} ({score} point): {headline}</numerusform>
            <numerusform>{org} ({score} points): {headline}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{org} {title}（把握から{days}日）</source>
        <extracomment>Phrase in the model: home.unshared_issue</extracomment>
        <translation>
            <numerusform>{org} {title} (known for {days} day)</numerusform>
            <numerusform>{org} {title} (known for {days} days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{org} {title}（期限 {due}、{days}日超過）</source>
        <extracomment>Phrase in the model: home.overdue_issue</extracomment>
        <translation>
            <numerusform>{org} {title} (due {due}, {days} day overdue)</numerusform>
            <numerusform>{org} {title} (due {due}, {days} days overdue)</numerusform>
        </translation>
    </message>
    <message>
        <source>{at} {sender} から取り込み</source>
        <extracomment>Phrase in the model: home.import</extracomment>
        <translation>{at} imported from {sender}</translation>
    </message>
    <message>
        <source>{at} {sender} から取り込み（{changes}）</source>
        <extracomment>Phrase in the model: home.import_changes</extracomment>
        <translation>{at} imported from {sender} ({changes})</translation>
    </message>
    <message>
        <source>削除</source>
        <extracomment>Phrase in the model: conflict.delete</extracomment>
        <translation>Deletion</translation>
    </message>
    <message>
        <source>{kind}「{title}」の{field}（{on}）</source>
        <extracomment>Phrase in the model: home.conflict</extracomment>
        <translation>{kind} “{title}”: {field} ({on})</translation>
    </message>
    <message>
        <source>{org}　{kind}「{title}」の{field}（{on}）</source>
        <extracomment>Phrase in the model: home.conflict_org</extracomment>
        <translation>{org}: {kind} “{title}”: {field} ({on})</translation>
    </message>
    <message>
        <source>{day} {org} {title}</source>
        <extracomment>Phrase in the model: home.visit</extracomment>
        <translation>{day} {org} {title}</translation>
    </message>
    <message>
        <source>{day} {time} {org} {title}</source>
        <extracomment>Phrase in the model: home.visit_at</extracomment>
        <translation>{day} {time} {org} {title}</translation>
    </message>
    <message>
        <source>{org} {title}（{status}）</source>
        <extracomment>Phrase in the model: home.own_item</extracomment>
        <translation>{org} {title} ({status})</translation>
    </message>
    <message numerus="yes">
        <source>今週の入力：{hours}時間（{days}日分）</source>
        <extracomment>Phrase in the model: home.hours_total</extracomment>
        <translation>
            <numerusform>Entered this week: {hours} h on {days} day</numerusform>
            <numerusform>Entered this week: {hours} h on {days} days</numerusform>
        </translation>
    </message>
    <message>
        <source>{day} 工数が未入力です</source>
        <extracomment>Phrase in the model: home.hours_missing</extracomment>
        <translation>{day} No hours entered</translation>
    </message>
    <message>
        <source>{at} {name} へ {changes}（{ago}）</source>
        <extracomment>Phrase in the model: home.bundle</extracomment>
        <translation>{at} to {name}: {changes} ({ago})</translation>
    </message>
    <message>
        <source>{document}</source>
        <extracomment>Phrase in the model: deadline.document</extracomment>
        <translation>{document}</translation>
    </message>
    <message>
        <source>{document}（{month}分）</source>
        <extracomment>Phrase in the model: deadline.monthly</extracomment>
        <translation>{document} ({month})</translation>
    </message>
    <message>
        <source>{document}：{title}（{day}）</source>
        <extracomment>Phrase in the model: deadline.for_record</extracomment>
        <translation>{document}: {title} ({day})</translation>
    </message>
    <message>
        <source>月次報告会（{month}）が開催されていません</source>
        <extracomment>Phrase in the model: deadline.no_meeting</extracomment>
        <translation>No monthly report meeting was held for {month}</translation>
    </message>
    <message>
        <source>課題：{title}</source>
        <extracomment>Phrase in the model: deadline.issue</extracomment>
        <translation>Issue: {title}</translation>
    </message>
    <message>
        <source>提出済み</source>
        <extracomment>Phrase in the model: deadline.submitted</extracomment>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>未開催</source>
        <extracomment>Phrase in the model: deadline.not_held</extracomment>
        <translation>Not held</translation>
    </message>
    <message>
        <source>期限を設定済み</source>
        <extracomment>Phrase in the model: deadline.basis.set</extracomment>
        <translation>Due date set</translation>
    </message>
    <message>
        <source>契約締結後速やかに（期限は未設定）</source>
        <extracomment>Phrase in the model: deadline.basis.start</extracomment>
        <translation>Promptly after signing (no due date set)</translation>
    </message>
    <message>
        <source>翌月{day}日</source>
        <extracomment>Phrase in the model: deadline.basis.monthly</extracomment>
        <translation>Day {day} of the next month</translation>
    </message>
    <message>
        <source>翌月{day}日（{reason}のため{rule}）</source>
        <extracomment>Phrase in the model: deadline.basis.monthly_moved</extracomment>
        <translation>Day {day} of the next month ({reason}, so {rule})</translation>
    </message>
    <message>
        <source>会議の前の開庁日</source>
        <extracomment>Phrase in the model: deadline.basis.materials</extracomment>
        <translation>The open day before the meeting</translation>
    </message>
    <message>
        <source>会議の翌日から数えて3開庁日目</source>
        <extracomment>Phrase in the model: deadline.basis.minutes</extracomment>
        <translation>The 3rd open day after the meeting</translation>
    </message>
    <message>
        <source>実施日の前の開庁日（内容・日程の確定後）</source>
        <extracomment>Phrase in the model: deadline.basis.training_plan</extracomment>
        <translation>The open day before the training (once its content and date are fixed)</translation>
    </message>
    <message numerus="yes">
        <source>実施日の翌日から数えて{n}開庁日目</source>
        <extracomment>Phrase in the model: deadline.basis.training_result</extracomment>
        <translation>
            <numerusform>{n} open day after the training</numerusform>
            <numerusform>{n} open days after the training</numerusform>
        </translation>
    </message>
    <message>
        <source>履行期限（年度末。閉庁日の場合は直前の開庁日）</source>
        <extracomment>Phrase in the model: deadline.basis.completion</extracomment>
        <translation>End of the contract (the fiscal year's end; the open day before if closed)</translation>
    </message>
    <message>
        <source>7(4) 月次報告会は毎月開催</source>
        <extracomment>Phrase in the model: deadline.basis.no_meeting</extracomment>
        <translation>7(4) A monthly report meeting every month</translation>
    </message>
    <message>
        <source>課題の期限</source>
        <extracomment>Phrase in the model: deadline.basis.issue</extracomment>
        <translation>The issue's due date</translation>
    </message>
    <message>
        <source>{weekday}曜日</source>
        <extracomment>Phrase in the model: closed.weekend</extracomment>
        <translation>{weekday}</translation>
    </message>
    <message>
        <source>年末年始</source>
        <extracomment>Phrase in the model: closed.year_end</extracomment>
        <translation>year-end holidays</translation>
    </message>
    <message>
        <source>臨時閉庁</source>
        <extracomment>Phrase in the model: closed.extra</extracomment>
        <translation>special closure</translation>
    </message>
    <message>
        <source>移行予定日（{due}）を過ぎても運用開始していません</source>
        <extracomment>Phrase in the model: behind.passed</extracomment>
        <translation>not live although the planned go-live ({due}) has passed</translation>
    </message>
    <message numerus="yes">
        <source>{phase}の手順が{due}（移行の{months}か月前）までに完了していません</source>
        <extracomment>Phrase in the model: behind.phase</extracomment>
        <translation>
            <numerusform>the {phase} steps were not complete by {due} ({months} month before go-live)</numerusform>
            <numerusform>the {phase} steps were not complete by {due} ({months} months before go-live)</numerusform>
        </translation>
    </message>
    <message>
        <source>計画より遅れています（{why}）。</source>
        <extracomment>Phrase in the model: attention.behind</extracomment>
        <translation>Behind plan ({why}).</translation>
    </message>
    <message>
        <source>移行予定日（{planned}）が移行期限（{deadline}）の後ですが、特定移行支援システムの登録がありません。</source>
        <extracomment>Phrase in the model: attention.deadline_risk</extracomment>
        <translation>The planned go-live ({planned}) is after the deadline ({deadline}), but no special migration support is recorded.</translation>
    </message>
    <message>
        <source>特定移行支援システムですが、理由の区分が登録されていません。</source>
        <extracomment>Phrase in the model: attention.special_reason</extracomment>
        <translation>Special migration support system, but no reason category is recorded.</translation>
    </message>
    <message>
        <source>特定移行支援システムですが、移行目標時期が登録されていません。</source>
        <extracomment>Phrase in the model: attention.special_target</extracomment>
        <translation>Special migration support system, but no target date is recorded.</translation>
    </message>
    <message numerus="yes">
        <source>ステップの更新が{months}か月ありません（最終更新 {last}）。</source>
        <extracomment>Phrase in the model: attention.stalled</extracomment>
        <translation>
            <numerusform>No step has changed for {months} month (last change {last}).</numerusform>
            <numerusform>No step has changed for {months} months (last change {last}).</numerusform>
        </translation>
    </message>
    <message>
        <source>{milestone}の予定日（{planned}）を過ぎましたが、手順{item}（{step}）が完了していません。</source>
        <extracomment>Phrase in the model: attention.milestone</extracomment>
        <translation>The planned date of {milestone} ({planned}) has passed, but step {item} ({step}) is not complete.</translation>
    </message>
    <message>
        <source>完了率が1か月前の{before}%から{now}%に下がっています。</source>
        <extracomment>Phrase in the model: attention.rate_drop</extracomment>
        <translation>The completion rate fell from {before}% a month ago to {now}%.</translation>
    </message>
    <message numerus="yes">
        <source>未完了の優先度「{priority}」の課題が{n}件あります（最も古いもの：「{title}」）。</source>
        <extracomment>Phrase in the model: attention.high_issues</extracomment>
        <translation>
            <numerusform>{n} open issue of priority "{priority}" (the oldest: "{title}").</numerusform>
            <numerusform>{n} open issues of priority "{priority}" (the oldest: "{title}").</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>未完了の優先度「{priority}」の課題が{n}件あります（最も古いもの：「{title}」、把握日 {raised}）。</source>
        <extracomment>Phrase in the model: attention.high_issues_on</extracomment>
        <translation>
            <numerusform>{n} open issue of priority "{priority}" (the oldest: "{title}", found {raised}).</numerusform>
            <numerusform>{n} open issues of priority "{priority}" (the oldest: "{title}", found {raised}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>訪問・ヒアリングの記録が{weeks}週間ありません（最終 {since}）。</source>
        <extracomment>Phrase in the model: attention.no_visit</extracomment>
        <translation>
            <numerusform>No visit or hearing for {weeks} week (last {since}).</numerusform>
            <numerusform>No visit or hearing for {weeks} weeks (last {since}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>訪問・ヒアリングの記録がありません（記録の始まった{since}から{weeks}週間）。</source>
        <extracomment>Phrase in the model: attention.no_visit_ever</extracomment>
        <translation>
            <numerusform>No visit or hearing recorded ({weeks} week since records began on {since}).</numerusform>
            <numerusform>No visit or hearing recorded ({weeks} weeks since records began on {since}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{first}（ほか{more}件）</source>
        <extracomment>Phrase in the model: attention.more</extracomment>
        <translation>
            <numerusform>{first} (and {more} more)</numerusform>
            <numerusform>{first} (and {more} more)</numerusform>
        </translation>
    </message>
    <message>
        <source>{org}の集中支援の計画・スケジュールの県との合意（{agreed}）は、開始から2か月の期限（{due}）を過ぎています。</source>
        <extracomment>Phrase in the model: engagement.plan_late</extracomment>
        <translation>{org}: the intensive support plan and schedule were agreed with the prefecture on {agreed}, after the deadline of two months from the start ({due}).</translation>
    </message>
    <message>
        <source>{org}の集中支援の計画・スケジュールが、開始から2か月の期限（{due}）を過ぎても県と合意されていません。</source>
        <extracomment>Phrase in the model: engagement.plan_missing</extracomment>
        <translation>{org}: the intensive support plan and schedule are not agreed with the prefecture, although the deadline of two months from the start ({due}) has passed.</translation>
    </message>
    <message>
        <source>{org}の集中支援で、常時支援者のいない期間があります（{span}）。</source>
        <extracomment>Phrase in the model: engagement.gap</extracomment>
        <translation>{org}: the intensive support has a period without a full-time supporter ({span}).</translation>
    </message>
    <message>
        <source>{name}さんは{span}に{org}と{other}の集中支援を兼ねていますが、専任として配置されています。</source>
        <extracomment>Phrase in the model: engagement.double_dedicated</extracomment>
        <translation>{name} supports both {org} and {other} ({span}) but is assigned as dedicated.</translation>
    </message>
    <message>
        <source>{org}の{month}の現地支援日数は{done}で、残りの開庁日{remaining}をすべて現地支援としても目標の{target}に届きません。</source>
        <extracomment>Phrase in the model: engagement.short_month</extracomment>
        <translation>{org}: {done} on site in {month}. Even with every remaining open day on site ({remaining}), the target of {target} cannot be reached.</translation>
    </message>
</context>
<context>
    <name>PickListEdit</name>
    <message>
        <location filename="../../gui/widgets.py" line="228"/>
        <source>「選択」で一覧から選ぶか、「、」で区切って入力</source>
        <translation>Choose from the list with “Choose”, or type names separated by 「、」</translation>
    </message>
    <message>
        <location filename="../../gui/widgets.py" line="230"/>
        <source>選択…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets.py" line="232"/>
        <source>一覧から選択（F4）</source>
        <translation>Choose from the list (F4)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets.py" line="266"/>
        <source>名前・よみ・コードの一部で絞り込み</source>
        <translation>Filter by part of a name, reading or code</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../gui/documents.py" line="148"/>
        <source>プレビュー — %1</source>
        <translation>Preview — %1</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="163"/>
        <source>%1 / %2 ページ</source>
        <translation>Page %1 / %2</translation>
    </message>
    <message>
        <location filename="../../gui/documents.py" line="172"/>
        <source>全 %1 ページ</source>
        <translation>Pages: %1</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../gui/messages.py" line="60"/>
        <source>「{label}」（{field}）：{reason}</source>
        <translation>{label} ({field}): {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/messages.py" line="61"/>
        <source>／</source>
        <translation> / </translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../../gui/progress.py" line="145"/>
        <location filename="../../gui/progress.py" line="674"/>
        <source>運用開始</source>
        <translation>In operation</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="146"/>
        <source>移行作業中</source>
        <translation>Migrating</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="147"/>
        <source>未着手</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="148"/>
        <location filename="../../gui/progress.py" line="672"/>
        <source>特定移行支援</source>
        <translation>Special migration support</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="149"/>
        <location filename="../../gui/progress.py" line="230"/>
        <source>未登録</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="150"/>
        <source>対象外</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="157"/>
        <source>計画立案</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="158"/>
        <source>システム選定・調達</source>
        <translation>Procurement</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="159"/>
        <source>移行</source>
        <translation>Migration</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="180"/>
        <source>この団体では実施しない業務です（県が実施）。集計に含めません。</source>
        <translation>This organisation does not run this system (the prefecture does). It is not counted.</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="187"/>
        <source>記録がありますが、規則上は対象外です。団体の福祉事務所設置をご確認ください。</source>
        <translation>Records exist, but by rule this system does not apply. Please check whether the organisation runs a welfare office.</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="193"/>
        <source>完了率 %1（完了済み %2・対象外 %3 ／ 40）</source>
        <translation>Completion %1 (completed %2, not applicable %3, of 40)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="199"/>
        <source>作業中 %1・未着手 %2</source>
        <translation>In progress %1, not started %2</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="206"/>
        <source>到達ステップ：%1 %2</source>
        <translation>Furthest step: %1 %2</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="212"/>
        <source>移行予定日：%1</source>
        <translation>Planned go-live: %1</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="217"/>
        <source>標準準拠システムで運用開始済み</source>
        <translation>Running on the standard-compliant system</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="221"/>
        <source>特定移行支援システム（%1、移行目標時期 %2）</source>
        <translation>Special migration support system (%1, target date %2)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="224"/>
        <source>理由未登録</source>
        <translation>reason not recorded</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="236"/>
        <source>移行予定が期限（令和7年度末）後で、特定移行支援の登録がありません</source>
        <translation>Planned go-live is after the deadline (end of FY2025) and no special migration support is recorded</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="241"/>
        <location filename="../../gui/progress.py" line="1326"/>
        <source>計画より遅れ：%1</source>
        <translation>Behind plan: %1</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="254"/>
        <source>%1 業務　完了率 %2・作業中率 %3・未着手率 %4</source>
        <translation>Systems: %1 — completed %2, in progress %3, not started %4</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="261"/>
        <source>運用開始 %1・特定移行支援 %2・計画より遅れ %3・期限後の移行予定 %4</source>
        <translation>In operation %1, special support %2, behind plan %3, go-live after the deadline %4</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="342"/>
        <source>合計</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="375"/>
        <source>未</source>
        <translation>NR</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="409"/>
        <source>団体計</source>
        <translation>Org.</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="411"/>
        <source>団体ごとの完了率（対象業務の合計）</source>
        <translation>Completion per organisation (over the systems it runs)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="419"/>
        <source>業務計</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="421"/>
        <source>業務ごとの完了率（表示中の団体の合計）</source>
        <translation>Completion per system (over the organisations shown)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="509"/>
        <location filename="../../gui/progress.py" line="729"/>
        <source>標準化の進捗　完了率＝（完了済み＋対象外）÷40（手順書ステップの件数の割合）</source>
        <translation>Standardisation progress — completion rate = (completed + N/A) ÷ 40 steps</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="523"/>
        <source>生活圏・ベンダのグループで団体を絞り込みます</source>
        <translation>Show only the organisations of a living-area or vendor group</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="526"/>
        <source>全団体</source>
        <translation>All organisations</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="527"/>
        <source>伴走支援の対象</source>
        <translation>Hands-on support</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="528"/>
        <source>調査・情報共有のみ</source>
        <translation>Surveys, info sharing</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="529"/>
        <source>伴走支援の対象かどうかで団体を絞り込みます</source>
        <translation>Show only the organisations with (or without) hands-on support</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="532"/>
        <source>すべての状況</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="535"/>
        <location filename="../../gui/progress.py" line="671"/>
        <source>計画より遅れ</source>
        <translation>Behind plan</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="536"/>
        <location filename="../../gui/progress.py" line="1323"/>
        <source>期限後の移行予定（特定移行支援なし）</source>
        <translation>Go-live after the deadline (no special support)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="546"/>
        <source>グループ</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="547"/>
        <source>支援</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="548"/>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="560"/>
        <source>過去の月末時点の進捗を変更履歴から再現して表示します（閲覧のみ）</source>
        <translation>Shows the progress as it stood at the end of a past month, rebuilt from the change history (read only)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="562"/>
        <source>現在</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="566"/>
        <source>%1年%2月末</source>
        <translation>End of %2/%1</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="568"/>
        <source>時点</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="575"/>
        <source>取込(&amp;I)…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="578"/>
        <source>全国の手順書ステップ進捗表や団体の進捗表（.xlsx・.csv）を取り込みます</source>
        <translation>Imports the national step-progress workbooks or a team's own sheet (.xlsx, .csv)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="582"/>
        <source>Excel に書き出す(&amp;X)…</source>
        <translation>E&amp;xport to Excel…</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="586"/>
        <source>表示中の団体の進捗表（完了率・到達ステップ・印、集計、凡例）を .xlsx に保存します</source>
        <translation>Saves the progress table of the organisations shown (rates, furthest steps, marks, summaries, legend) as .xlsx</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="640"/>
        <source>凡例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="660"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="661"/>
        <source>90%以上</source>
        <translation>90% or more</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="662"/>
        <source>75%以上</source>
        <translation>75% or more</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="663"/>
        <source>50%以上</source>
        <translation>50% or more</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="664"/>
        <source>50%未満</source>
        <translation>Under 50%</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="668"/>
        <source>－ 対象外（県が実施）</source>
        <translation>－ N/A (run by the prefecture)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="669"/>
        <source>未 未登録</source>
        <translation>NR Not recorded</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="673"/>
        <source>期限後の移行予定</source>
        <translation>Go-live after the deadline</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="683"/>
        <source>セルの文字は到達ステップ（完了済みの最も進んだステップ）</source>
        <translation>Cell text: the furthest step completed</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="733"/>
        <source>%1　［%2年%3月末時点・閲覧のみ］</source>
        <translation>%1  [end of %3/%2, read only]</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="754"/>
        <source>要注意（%1件、点数の高い順）</source>
        <translation>Needs attention (%1, highest score first)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="761"/>
        <source>%1（%2点）：%3</source>
        <translation>%1 (points: %2): %3</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="767"/>
        <source>%1（%2点）</source>
        <translation>%1 (points: %2)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="769"/>
        <source>・%1（%2点）</source>
        <translation>• %1 (score %2)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="777"/>
        <source>注意が必要な団体・業務はありません。</source>
        <translation>No organisation or system needs attention.</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="821"/>
        <source>進捗表の保存</source>
        <translation>Save the progress table</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="823"/>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="834"/>
        <source>書き出せません</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="837"/>
        <source>書き出しました：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="844"/>
        <source>すべてのグループ</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="845"/>
        <source>ベンダ</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="845"/>
        <source>生活圏</source>
        <translation>Living area</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="859"/>
        <source>担当ベンダ：%1</source>
        <translation>Vendor: %1</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="931"/>
        <source>工程別の完了率：%1　｜　%2 団体・%3 業務、運用開始 %4、特定移行支援 %5、計画より遅れ %6、期限後の移行予定 %7</source>
        <translation>By phase: %1  |  organisations %2, systems %3: live %4, special support %5, behind plan %6, late go-live %7</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1307"/>
        <source>この団体では実施しない業務です（県が実施）。</source>
        <translation>This organisation does not run this system (the prefecture does).</translation>
    </message>
    <message>
        <location filename="../../gui/progress.py" line="1313"/>
        <source>完了率 %1（完了済み %2・作業中 %3・未着手 %4・対象外 %5）</source>
        <translation>Completion %1 (completed %2, in progress %3, not started %4, not applicable %5)</translation>
    </message>
</context>
<context>
    <name>QuickAddBar</name>
    <message>
        <location filename="../../gui/timegrid.py" line="283"/>
        <source>時間（1.5 / 1:30）</source>
        <translation>Hours (1.5 / 1:30)</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="290"/>
        <source>現地</source>
        <translation>On site</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="292"/>
        <source>内容（任意）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="293"/>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="295"/>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="296"/>
        <source>団体</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="298"/>
        <source>作業区分</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="327"/>
        <source>担当者が登録されていません。</source>
        <translation>No staff member is registered.</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>不明な型です</source>
        <extracomment>Reason in the model: core/model.py:478</extracomment>
        <translation>unknown type</translation>
    </message>
    <message>
        <source>文字として読み取れない部分（UTF-8 ではないバイトや単独のサロゲート）が含まれています</source>
        <extracomment>Reason in the model: core/model.py:376</extracomment>
        <translation>contains something that is not readable text (bytes that are not UTF-8, or a lone surrogate)</translation>
    </message>
    <message>
        <source>はい／いいえ（1／0）で入力してください</source>
        <extracomment>Reason in the model: core/model.py:446</extracomment>
        <translation>enter yes or no (1 or 0)</translation>
    </message>
    <message>
        <source>次のいずれかを入力してください：{choices}</source>
        <extracomment>Reason in the model: core/model.py:452</extracomment>
        <translation>enter one of: {choices}</translation>
    </message>
    <message>
        <source>選定・見送りの理由を入力してください</source>
        <extracomment>Reason in the model: core/model.py:504</extracomment>
        <translation>Enter the reason for selecting or declining</translation>
    </message>
    <message>
        <source>支援メニューは次の中から選んでください：{choices}</source>
        <extracomment>Reason in the model: core/model.py:515</extracomment>
        <translation>choose the support menu items from: {choices}</translation>
    </message>
    <message>
        <source>団体を選ぶか、自治体名を入力してください</source>
        <extracomment>Reason in the model: core/model.py:527</extracomment>
        <translation>choose an organisation or enter a municipality's name</translation>
    </message>
    <message>
        <source>必須項目です</source>
        <extracomment>Reason in the model: core/model.py:381, core/model.py:476</extracomment>
        <translation>this field is required</translation>
    </message>
    <message>
        <source>文字列で入力してください</source>
        <extracomment>Reason in the model: core/model.py:386</extracomment>
        <translation>enter text</translation>
    </message>
    <message>
        <source>改行は入力できません</source>
        <extracomment>Reason in the model: core/model.py:389</extracomment>
        <translation>line breaks are not allowed here</translation>
    </message>
    <message>
        <source>{limit}文字以内で入力してください</source>
        <extracomment>Reason in the model: core/model.py:392</extracomment>
        <translation>enter at most {limit} characters</translation>
    </message>
    <message>
        <source>時刻は HH:MM の形式で入力してください（例：13:30）</source>
        <extracomment>Reason in the model: core/model.py:402</extracomment>
        <translation>enter the time as HH:MM (e.g. 13:30)</translation>
    </message>
    <message>
        <source>時刻は HH:MM の形式で入力してください（例：2025-11-25 13:30）</source>
        <extracomment>Reason in the model: core/model.py:415</extracomment>
        <translation>enter the time as HH:MM (e.g. 2025-11-25 13:30)</translation>
    </message>
    <message>
        <source>数値で入力してください</source>
        <extracomment>Reason in the model: core/model.py:424, core/model.py:432, core/model.py:428</extracomment>
        <translation>enter a number</translation>
    </message>
    <message>
        <source>{minimum}以上で入力してください</source>
        <extracomment>Reason in the model: core/model.py:434</extracomment>
        <translation>enter {minimum} or more</translation>
    </message>
    <message>
        <source>{maximum}以下で入力してください</source>
        <extracomment>Reason in the model: core/model.py:436</extracomment>
        <translation>enter {maximum} or less</translation>
    </message>
    <message>
        <source>標準化対象事務のコード（01〜20）または名称で入力してください</source>
        <extracomment>Reason in the model: core/model.py:456</extracomment>
        <translation>enter the business system's code (01-20) or name</translation>
    </message>
    <message>
        <source>終了時刻は開始時刻より後にしてください</source>
        <extracomment>Reason in the model: core/model.py:495</extracomment>
        <translation>the end must be after the start</translation>
    </message>
    <message>
        <source>開始日・受付日より前の日付は指定できません</source>
        <extracomment>Reason in the model: core/model.py:537</extracomment>
        <translation>this date cannot be before the start or received date</translation>
    </message>
    <message>
        <source>日付として読み取れません（例：2025-11-25、令和7年11月25日）</source>
        <extracomment>Reason in the model: core/model.py:398</extracomment>
        <translation>not a date (e.g. 2025-11-25 or 令和7年11月25日)</translation>
    </message>
    <message>
        <source>日時として読み取れません（例：2025-11-25 13:30）</source>
        <extracomment>Reason in the model: core/model.py:410</extracomment>
        <translation>not a date and time (e.g. 2025-11-25 13:30)</translation>
    </message>
    <message>
        <source>年月は 2025-11 や 令和7年11月 の形式で入力してください</source>
        <extracomment>Reason in the model: core/model.py:421</extracomment>
        <translation>enter the month as 2025-11 or R7.11</translation>
    </message>
    <message>
        <source>整数で入力してください</source>
        <extracomment>Reason in the model: core/model.py:428</extracomment>
        <translation>enter a whole number</translation>
    </message>
    <message>
        <source>一覧として読み取れません</source>
        <extracomment>Reason in the model: core/model.py:470</extracomment>
        <translation>not a list</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../gui/forms.py" line="200"/>
        <source>＊は必須項目です。</source>
        <translation>＊ marks a required field.</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="298"/>
        <source>%1 件を選択</source>
        <translation>%1 selected</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="301"/>
        <source>この記録が対応するものにチェックを付けます。</source>
        <translation>Tick the ones this record answers.</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="339"/>
        <source>管理表を開く…</source>
        <translation>Open the management table…</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="342"/>
        <source>月ごと・常時支援者ごとの現地日数、時間、実施内容、次の対応を表示します。</source>
        <translation>Shows, per month and supporter, the days on site, hours, work done and next steps.</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="346"/>
        <source>成果から支援事例の下書きを作成…</source>
        <translation>Draft a case study from the outcomes…</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="374"/>
        <source>・</source>
        <translation> and </translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="377"/>
        <source>%1から計算</source>
        <translation>Calculated from %1</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="385"/>
        <location filename="../../gui/forms.py" line="1071"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="387"/>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="388"/>
        <location filename="../../gui/forms.py" line="1073"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="390"/>
        <source>閉じる（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="393"/>
        <source>変更履歴…</source>
        <translation>History…</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="481"/>
        <location filename="../../gui/forms.py" line="509"/>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="496"/>
        <source>（削除済み）</source>
        <translation> (deleted)</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="561"/>
        <source>未保存の変更があります</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="598"/>
        <source>保存すると、%1を追加できます。</source>
        <translation>Save first to add %1.</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="627"/>
        <source>保存すると追加できます。</source>
        <translation>Save the record to add these.</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="687"/>
        <source>（%1登録済み）</source>
        <translation> (recorded as %1)</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="952"/>
        <source>保存しました</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="963"/>
        <location filename="../../gui/forms.py" line="1000"/>
        <source>入力内容をご確認ください（%1件）。</source>
        <translation>Please check your input (%1 problem(s)).</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="1033"/>
        <source>下書きを保存しました</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="1064"/>
        <source>保存していない変更があります。破棄しますか？</source>
        <translation>You have unsaved changes. Discard them?</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="1072"/>
        <source>破棄</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="1110"/>
        <source>%1の登録</source>
        <translation>%1 — new entry</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="1112"/>
        <source>%1の編集</source>
        <translation>%1 — edit entry</translation>
    </message>
    <message>
        <location filename="../../gui/forms.py" line="1133"/>
        <source>%1を入力してください</source>
        <translation>Enter %1</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../gui/models.py" line="399"/>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="400"/>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="430"/>
        <source>主担当団体：%1
関係団体：%2</source>
        <translation>Lead organisation: %1
Related organisations: %2</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="179"/>
        <source>団体</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="181"/>
        <source>すべての団体</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="190"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="192"/>
        <source>すべての状態</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="197"/>
        <source>未完了</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="205"/>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="209"/>
        <source>期間（開始日）</source>
        <translation>Period (start date)</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="209"/>
        <source>開始日</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="210"/>
        <source>期間（終了日）</source>
        <translation>Period (end date)</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="210"/>
        <source>終了日</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="214"/>
        <source>例：2025-11-25、令和7年11月25日、R7.11.25</source>
        <translation>e.g. 2025-11-25, 令和7年11月25日, R7.11.25</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="224"/>
        <source>キーワード</source>
        <translation>Keyword</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="225"/>
        <source>キーワードで絞り込み</source>
        <translation>Filter by keyword</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="430"/>
        <source>日付を読み取れません。2025-11-25 や 令和7年11月25日 の形で入力してください。</source>
        <translation>Cannot read the date. Enter it as 2025-11-25 or 令和7年11月25日.</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="434"/>
        <source>期間の終了日が開始日より前になっています。</source>
        <translation>The end date of the period is before its start date.</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="457"/>
        <source>全 %1 件</source>
        <translation>%1 total</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="531"/>
        <source>表示する列</source>
        <translation>Columns to show</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="542"/>
        <source>既定の列に戻す</source>
        <translation>Restore default columns</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="555"/>
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="559"/>
        <source>コピー（TSV）</source>
        <translation>Copy (TSV)</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="564"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message numerus="yes">
        <location filename="../../gui/models.py" line="428"/>
        <source>共有：%1ほか%n団体</source>
        <translation>
            <numerusform>Shared: %1 and %n other</numerusform>
            <numerusform>Shared: %1 and %n others</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../gui/wizard.py" line="398"/>
        <source>回復キー</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="401"/>
        <source>パスフレーズを忘れたときは、この回復キーでデータを開けます。この回復キーは今回しか表示されません。</source>
        <translation>If you forget your passphrase, this recovery key opens your data. It is shown only this once.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="412"/>
        <source>テキストとして保存…</source>
        <translation>Save as text…</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="414"/>
        <source>印刷…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="419"/>
        <source>回復キーを書き留めました</source>
        <translation>I have written down the recovery key</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="431"/>
        <source>印刷するか書き写して、パソコンとは別の安全な場所に保管してください。回復キーを知っている人は、パスフレーズなしでデータを開けます。</source>
        <translation>Print it or copy it down, and keep it somewhere safe away from the computer. Anyone who knows the recovery key can open the data without the passphrase.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="461"/>
        <source>回復キーをテキストとして保存</source>
        <translation>Save recovery key as text</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="463"/>
        <source>テキスト ファイル (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="478"/>
        <source>保存しました：</source>
        <translation>Saved: </translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="481"/>
        <source>印刷または書き写しが済んだら、このファイルは削除することをお勧めします。</source>
        <translation>Once you have printed or copied it, we recommend deleting this file.</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="488"/>
        <source>回復キーを印刷</source>
        <translation>Print recovery key</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="492"/>
        <source>印刷を指示しました。印刷された用紙をご確認ください。</source>
        <translation>Sent to the printer. Please check the printed page.</translation>
    </message>
</context>
<context>
    <name>RefCombo</name>
    <message>
        <location filename="../../gui/widgets.py" line="722"/>
        <source>一覧から選択</source>
        <translation>Choose from the list</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../gui/registers.py" line="208"/>
        <source>新規登録（%1）</source>
        <translation>New (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/registers.py" line="213"/>
        <source>担当者の統合(&amp;J)…</source>
        <translation>&amp;Merge staff…</translation>
    </message>
    <message>
        <location filename="../../gui/registers.py" line="216"/>
        <source>同じ人が二重に登録されているとき、記録を一人にまとめます。</source>
        <translation>When one person is registered twice, brings their records together under one.</translation>
    </message>
    <message>
        <location filename="../../gui/registers.py" line="268"/>
        <source>集中支援の注意事項</source>
        <translation>Intensive support warnings</translation>
    </message>
    <message>
        <location filename="../../gui/registers.py" line="272"/>
        <source>ダブルクリックまたは Enter でその集中支援を開きます。</source>
        <translation>Double-click or press Enter to open the engagement.</translation>
    </message>
    <message>
        <location filename="../../gui/registers.py" line="333"/>
        <source>注意事項はありません。</source>
        <translation>No warnings.</translation>
    </message>
    <message>
        <location filename="../../gui/registers.py" line="343"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ReportTemplateDialog</name>
    <message>
        <location filename="../../gui/report_template.py" line="39"/>
        <location filename="../../gui/report_template.py" line="55"/>
        <source>月次作業報告書の構成</source>
        <translation>Monthly report layout</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="63"/>
        <source>報告書に記載する項目と順序を選びます（仕様書 6(1)イ(イ)：報告項目は県と協議し決定）。見出しはダブルクリックで変更できます。</source>
        <translation>Choose the sections of the report and their order (specification 6(1)(i)(a): report items are agreed with the prefecture). Double-click a heading to change it.</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="68"/>
        <source>構成は統括（ハブ）の端末で変更します。この端末では、自由記述の項目の本文を入力できます。</source>
        <translation>The layout is changed on the supervisor's (hub) device. On this device you can write the text of the free-text sections.</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="82"/>
        <source>上へ(&amp;U)</source>
        <translation>&amp;Up</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="84"/>
        <source>下へ(&amp;D)</source>
        <translation>&amp;Down</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="86"/>
        <source>自由記述の項目を追加(&amp;A)…</source>
        <translation>&amp;Add free-text section…</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="105"/>
        <source>当月の記録がない団体</source>
        <translation>Organisations without records this month</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="109"/>
        <location filename="../../gui/report_template.py" line="198"/>
        <source>空欄の場合は「特になし。」と記載されます。</source>
        <translation>If left empty, the report says "Nothing to report."</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="135"/>
        <source>自由記述：本文を月ごとに入力します。</source>
        <translation>Free text: the text is written for each month.</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="174"/>
        <source>自由記述の項目を追加</source>
        <translation>Add free-text section</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="175"/>
        <source>見出し（例：来月の予定、県への相談事項）</source>
        <translation>Heading (e.g. plans for next month, questions for the prefecture)</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="193"/>
        <source>本文</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="195"/>
        <source>自動で作成する項目です。</source>
        <translation>This section is produced automatically.</translation>
    </message>
    <message>
        <location filename="../../gui/report_template.py" line="197"/>
        <source>本文（%1）</source>
        <translation>Text (%1)</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../gui/restore.py" line="59"/>
        <source>バックアップから復元</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="63"/>
        <source>選択したバックアップの時点の内容に、この端末のデータベースを戻します。現在のデータベースは「復元前」のバックアップとして保管されるため、後から元の状態に戻すこともできます。</source>
        <translation>This computer's database is put back as it was when the chosen backup was made. The current database is kept as a "before restore" backup, so you can go back to it later.</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="75"/>
        <source>作成日時</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="75"/>
        <source>大きさ</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="75"/>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="79"/>
        <source>ほかのファイルを選択(&amp;O)…</source>
        <translation>&amp;Other file…</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="91"/>
        <source>パスフレーズ（確認のため）</source>
        <translation>Passphrase (to confirm)</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="102"/>
        <source>復元する(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="105"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="118"/>
        <source>このプロファイルにはバックアップがありません。「ほかのファイルを選択」から復元するファイルを選んでください。</source>
        <translation>This profile has no backups. Choose the file to restore with "Other file".</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="129"/>
        <source>自動</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="130"/>
        <source>手動</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="131"/>
        <source>取込前</source>
        <translation>Before import</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="132"/>
        <source>復元前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="133"/>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="136"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="158"/>
        <source>復元するバックアップを選択</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="160"/>
        <source>dxdesk のバックアップ (*.db);;すべてのファイル (*)</source>
        <translation>dxdesk backups (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/restore.py" line="191"/>
        <source>バックアップを確認しています…</source>
        <translation>Checking the backup…</translation>
    </message>
</context>
<context>
    <name>ScopeDialog</name>
    <message>
        <location filename="../../gui/sync.py" line="925"/>
        <source>送る団体 — %1</source>
        <translation>Organisations sent — %1</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="928"/>
        <source>すべての団体（既定）</source>
        <translation>All organisations (default)</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="970"/>
        <source>団体を 1 つ以上選ぶか、「すべての団体」にしてください。</source>
        <translation>Please tick at least one organisation, or choose "All organisations".</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="978"/>
        <source>%1 に送る団体を設定しました。</source>
        <translation>The organisations sent to %1 have been set.</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../gui/search.py" line="117"/>
        <source>種類</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../gui/search.py" line="118"/>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/search.py" line="119"/>
        <source>団体</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../gui/search.py" line="120"/>
        <source>件名</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../gui/search.py" line="121"/>
        <source>該当箇所</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../../gui/search.py" line="191"/>
        <source>「%1」を含む記録は見つかりませんでした。</source>
        <translation>No records contain “%1”.</translation>
    </message>
    <message>
        <location filename="../../gui/search.py" line="193"/>
        <source>「%1」の検索結果：%2件</source>
        <translation>Search results for “%1”: %2</translation>
    </message>
    <message>
        <location filename="../../gui/search.py" line="195"/>
        <source>「%1」の検索結果：%2件（新しい順に %3件を表示）</source>
        <translation>Search results for “%1”: %2 (newest %3 shown)</translation>
    </message>
    <message>
        <location filename="../../gui/search.py" line="205"/>
        <source>さらに表示（残り %1件）(&amp;M)</source>
        <translation>Show &amp;more (%1 left)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/settings_dialog.py" line="48"/>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="60"/>
        <source>和暦（R7.11.25）</source>
        <translation>Japanese era (R7.11.25)</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="61"/>
        <source>西暦（2025-11-25）</source>
        <translation>Western (2025-11-25)</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="64"/>
        <source> 分</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="74"/>
        <source> 世代</source>
        <translation> copies</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="87"/>
        <source>自動（推奨）</source>
        <translation>Automatic (recommended)</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="95"/>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="102"/>
        <source>表示言語(&amp;L)：</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="103"/>
        <source>日付の表示(&amp;D)：</source>
        <translation>&amp;Date style:</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="104"/>
        <source>自動ロックまでの時間(&amp;I)：</source>
        <translation>Lock after &amp;idle time:</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="105"/>
        <source>月次報告書の期限（10日が閉庁日のとき）(&amp;R)：</source>
        <translation>Monthly &amp;report due (when the 10th is a closed day):</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="106"/>
        <source>自動バックアップの保存数(&amp;B)：</source>
        <translation>Automatic &amp;backups kept:</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="108"/>
        <source>自動バックアップの間隔（変更があったとき）(&amp;N)：</source>
        <translation>Automatic backup i&amp;nterval (when something changed):</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="110"/>
        <source>自動バックアップの容量の上限(&amp;M)：</source>
        <translation>&amp;Maximum space for automatic backups:</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="111"/>
        <source>PDF のフォント(&amp;F)：</source>
        <translation>PDF &amp;font:</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="117"/>
        <source> か月</source>
        <translation> mo.</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="125"/>
        <source> ポイント</source>
        <translation> points</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="130"/>
        <source> 週</source>
        <translation> weeks</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="133"/>
        <source>標準化の要注意の基準</source>
        <translation>Standardisation “Needs attention” thresholds</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="136"/>
        <source>ステップの更新がない期間（停滞とみなす）(&amp;S)：</source>
        <translation>&amp;Stalled when no step changed for:</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="139"/>
        <source>前月末からの完了率の低下（要注意とする幅）(&amp;P)：</source>
        <translation>Completion rate dro&amp;p since last month-end, flagged from:</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="142"/>
        <source>訪問・ヒアリングがない期間（伴走支援の対象団体）(&amp;V)：</source>
        <translation>&amp;Visit due when none (hands-on support targets) for:</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="146"/>
        <source>表示言語は、保存するとすぐに切り替わります（開いている入力画面は閉じます）。</source>
        <translation>The language changes as soon as you save (open record forms are closed).</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="170"/>
        <source>TrueType フォント (*.ttf *.ttc)</source>
        <translation>TrueType fonts (*.ttf *.ttc)</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="170"/>
        <source>フォントファイルを選択</source>
        <translation>Choose a font file</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../gui/wizard.py" line="544"/>
        <source>dxdesk の初期設定</source>
        <translation>dxdesk setup</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="550"/>
        <source>&lt; 戻る(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="551"/>
        <source>次へ(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="552"/>
        <source>完了(&amp;F)</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="553"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="554"/>
        <source>作成する(&amp;C)</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="575"/>
        <source>データは作成済みです。回復キーを保存または書き留め、「回復キーを書き留めました」にチェックを入れてから「完了」を押してください。</source>
        <translation>Your data has been created. Save or write down the recovery key, tick “I have written down the recovery key”, then click “Finish”.</translation>
    </message>
</context>
<context>
    <name>StaffLinkDialog</name>
    <message>
        <location filename="../../gui/sync.py" line="840"/>
        <source>端末の利用者の確認</source>
        <translation>Who uses this device</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="846"/>
        <source>端末「%1」の利用者は「%2」です。担当者の記録が二重にならないよう、登録済みの担当者と結び付けてください。</source>
        <translation>Device “%1” is used by “%2”. Link it to the registered staff member so that the person is not recorded twice.</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="855"/>
        <source>別の担当者を選ぶ(&amp;O)：</source>
        <translation>Choose an&amp;other staff member:</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="862"/>
        <source>新しい担当者として登録する(&amp;N)</source>
        <translation>Register as a &amp;new staff member</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="866"/>
        <source>登録済みの「%1」と同じ人です(&amp;S)</source>
        <translation>The &amp;same person as the registered “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="879"/>
        <source>結び付けると、その端末での記録はこの担当者の記録になります（工数表の列も一つです）。</source>
        <translation>Once linked, what is recorded on that device is recorded for this staff member (one column in the hours table).</translation>
    </message>
    <message>
        <location filename="../../gui/sync.py" line="884"/>
        <source>登録する</source>
        <translation>Enrol</translation>
    </message>
</context>
<context>
    <name>StaffMergeDialog</name>
    <message>
        <location filename="../../gui/staff.py" line="31"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../gui/staff.py" line="45"/>
        <location filename="../../gui/staff.py" line="128"/>
        <source>担当者の統合</source>
        <translation>Merge staff</translation>
    </message>
    <message>
        <location filename="../../gui/staff.py" line="49"/>
        <source>同じ人が二重に登録されているときに、一つにまとめます。統合元を担当者とする記録（訪問・工数・課題の担当者・常時支援者など）はすべて統合先に移り、統合元は削除されます。この変更は次のバンドルで他の端末にも届きます。</source>
        <translation>Brings one person registered twice together. Every record naming the person to merge (visits, hours, issue owners, supporters and so on) moves to the person kept, and the merged record is deleted. The next bundle carries this change to the other devices.</translation>
    </message>
    <message>
        <location filename="../../gui/staff.py" line="69"/>
        <source>統合元（削除する記録）(&amp;F)：</source>
        <translation>Merge &amp;from (deleted):</translation>
    </message>
    <message>
        <location filename="../../gui/staff.py" line="70"/>
        <source>統合先（残す記録）(&amp;T)：</source>
        <translation>Merge in&amp;to (kept):</translation>
    </message>
    <message>
        <location filename="../../gui/staff.py" line="73"/>
        <source>統合する(&amp;M)</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <location filename="../../gui/staff.py" line="106"/>
        <source>統合元と統合先に別の担当者を選んでください。</source>
        <translation>Choose two different staff members to merge.</translation>
    </message>
    <message>
        <location filename="../../gui/staff.py" line="110"/>
        <source>%1 %2件</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/staff.py" line="116"/>
        <source>なし</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../gui/staff.py" line="116"/>
        <source>統合先に移る記録：%1</source>
        <translation>Records that move: %1</translation>
    </message>
    <message>
        <location filename="../../gui/staff.py" line="124"/>
        <source>「%1」を「%2」に統合します。よろしいですか。</source>
        <translation>Merge “%1” into “%2”?</translation>
    </message>
    <message>
        <location filename="../../gui/staff.py" line="147"/>
        <source>「%1」を「%2」に統合しました（移した記録 %3件）。</source>
        <translation>Merged “%1” into “%2” (%3 records moved).</translation>
    </message>
</context>
<context>
    <name>StrengthBar</name>
    <message>
        <location filename="../../gui/wizard.py" line="119"/>
        <source>強さ：—</source>
        <translation>Strength: —</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="126"/>
        <source>強さ：</source>
        <translation>Strength: </translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../gui/deadlines.py" line="47"/>
        <source>提出済みにする — %1</source>
        <translation>Mark submitted — %1</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="52"/>
        <source>提出したファイル（任意）</source>
        <translation>The file submitted (optional)</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="53"/>
        <source>選択…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="58"/>
        <source>例：DX第12号</source>
        <translation>e.g. DX No. 12</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="63"/>
        <source>提出日</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="64"/>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="65"/>
        <source>文書番号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines.py" line="78"/>
        <source>提出したファイル</source>
        <translation>The file submitted</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../gui/worker.py" line="151"/>
        <source>中止(&amp;C)</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/worker.py" line="213"/>
        <source>中止しています…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../gui/app.py" line="54"/>
        <source>この端末に記憶できませんでした</source>
        <translation>Could not remember on this computer</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="78"/>
        <source>dxdesk を開く</source>
        <translation>Open dxdesk</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="91"/>
        <source>パスフレーズを入力してください</source>
        <translation>Enter your passphrase</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="93"/>
        <source>プロファイル：</source>
        <translation>Profile: </translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="97"/>
        <source>入力内容を表示する</source>
        <translation>Show characters</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="102"/>
        <source>この端末に記憶する（OS の資格情報ストア）</source>
        <translation>Remember on this device (OS credential store)</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="106"/>
        <source>次回から、この端末のログイン中はパスフレーズなしで開けます。共用の端末では記憶しないでください。</source>
        <translation>From next time, the data opens without the passphrase while you are logged in on this computer. Do not use this on a shared computer.</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="112"/>
        <source>回復キーで解錠…</source>
        <translation>Unlock with recovery key…</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="114"/>
        <source>開く(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="117"/>
        <location filename="../../gui/unlock.py" line="162"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="143"/>
        <source>回復キーで解錠</source>
        <translation>Unlock with recovery key</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="147"/>
        <source>印刷・保存した回復キーを入力し、新しいパスフレーズを設定してください。大文字・小文字、空白やハイフンの有無は問いません。</source>
        <translation>Enter the recovery key you printed or saved, then set a new passphrase. Case, spaces and hyphens do not matter.</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="155"/>
        <source>新しいパスフレーズ(&amp;P)：</source>
        <translation>New &amp;passphrase:</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="157"/>
        <source>回復キー(&amp;R)：</source>
        <translation>&amp;Recovery key:</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="160"/>
        <source>&lt; 戻る</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="164"/>
        <source>解錠して設定(&amp;U)</source>
        <translation>&amp;Unlock and set</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="208"/>
        <source>この端末には記憶できません（%1）。</source>
        <translation>This computer cannot remember it (%1).</translation>
    </message>
    <message>
        <location filename="../../gui/unlock.py" line="254"/>
        <source>回復キーを入力してください。</source>
        <translation>Enter the recovery key.</translation>
    </message>
</context>
<context>
    <name>Urgency</name>
    <message>
        <source>期限超過</source>
        <extracomment>Urgency in the model: services/query.py:overdue</extracomment>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>優先度 高</source>
        <extracomment>Urgency in the model: services/query.py:high</extracomment>
        <translation>Priority high</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>パスフレーズが正しくありません。入力内容をご確認ください。</source>
        <extracomment>UserError in the model: wrong_passphrase</extracomment>
        <translation>The passphrase is not correct. Please check what you typed.</translation>
    </message>
    <message>
        <source>回復キーが正しくありません。印刷・保存した回復キーをご確認ください。</source>
        <extracomment>UserError in the model: wrong_recovery_key</extracomment>
        <translation>The recovery key is not correct. Please check the recovery key you printed or saved.</translation>
    </message>
    <message>
        <source>確認用に入力されたパスフレーズが一致しません。</source>
        <extracomment>UserError in the model: passphrase_mismatch</extracomment>
        <translation>The two passphrases do not match.</translation>
    </message>
    <message>
        <source>パスフレーズは{min}文字以上で設定してください。</source>
        <extracomment>UserError in the model: passphrase_too_short</extracomment>
        <translation>Please choose a passphrase of at least {min} characters.</translation>
    </message>
    <message>
        <source>パスフレーズが入力されていません。</source>
        <extracomment>UserError in the model: passphrase_required</extracomment>
        <translation>No passphrase was entered.</translation>
    </message>
    <message>
        <source>次の入力まで、あと {seconds} 秒お待ちください。</source>
        <extracomment>UserError in the model: unlock_wait</extracomment>
        <translation>Please wait {seconds} more seconds before trying again.</translation>
    </message>
    <message>
        <source>鍵ファイル（{path}）が見つかりません。プロファイルのフォルダをご確認ください。</source>
        <extracomment>UserError in the model: keyfile_missing</extracomment>
        <translation>The key file ({path}) was not found. Please check the profile folder.</translation>
    </message>
    <message>
        <source>鍵ファイル（{path}）が破損しているか、改ざんされています。</source>
        <extracomment>UserError in the model: keyfile_corrupt</extracomment>
        <translation>The key file ({path}) is damaged or has been tampered with.</translation>
    </message>
    <message>
        <source>データベース（{path}）が見つかりません。</source>
        <extracomment>UserError in the model: database_missing</extracomment>
        <translation>The database ({path}) was not found.</translation>
    </message>
    <message>
        <source>データベースが破損しているか、鍵と一致しません（{detail}）。</source>
        <extracomment>UserError in the model: database_corrupt</extracomment>
        <translation>The database is damaged or does not match the key ({detail}).</translation>
    </message>
    <message>
        <source>データベース（{path}）は空か途中で切れているため開けません（{size} バイト）。ファイルには手を加えていません。「dxdesk restore」でバックアップから復元してください。</source>
        <extracomment>UserError in the model: database_truncated</extracomment>
        <translation>The database ({path}) is empty or cut short and cannot be opened ({size} bytes). The file was left as it is. Please restore a backup with “dxdesk restore”.</translation>
    </message>
    <message>
        <source>データベースに破損が見つかりました（問題 {problems} 件、読み取れない表 {unreadable} 件）。「dxdesk restore」で最新のバックアップから復元してください。</source>
        <extracomment>UserError in the model: database_damaged</extracomment>
        <translation>The database is damaged ({problems} problems, {unreadable} tables that cannot be read). Please restore the latest backup with “dxdesk restore”.</translation>
    </message>
    <message>
        <source>このプロファイルは別の dxdesk で使用中です。他の画面を閉じてから再度お試しください。</source>
        <extracomment>UserError in the model: database_locked</extracomment>
        <translation>This profile is in use by another dxdesk. Please close it and try again.</translation>
    </message>
    <message>
        <source>このデータベースは新しい版の dxdesk（スキーマ版 {found}）で作成されています。この版（スキーマ版 {supported}）では開けませんので、dxdesk を更新してください。</source>
        <extracomment>UserError in the model: schema_too_new</extracomment>
        <translation>This database was made by a newer dxdesk (schema {found}); this version (schema {supported}) cannot open it. Please update dxdesk.</translation>
    </message>
    <message>
        <source>このデータベースは dxdesk {needed} で更新されています（スキーマ版 {found}）。この dxdesk {current}（スキーマ版 {supported}）では開けませんので、dxdesk を {needed} 以降に更新してください。データには手を加えていません。</source>
        <extracomment>UserError in the model: schema_needs_version</extracomment>
        <translation>This database was updated by dxdesk {needed} (schema version {found}). This dxdesk {current} (schema version {supported}) cannot open it: please update dxdesk to {needed} or later. The data has not been changed.</translation>
    </message>
    <message>
        <source>暗号化ライブラリ SQLCipher {found} は古いため使用できません（4 以上が必要です）。</source>
        <extracomment>UserError in the model: sqlcipher_too_old</extracomment>
        <translation>The encryption library SQLCipher {found} is too old (version 4 or later is needed).</translation>
    </message>
    <message>
        <source>プロファイル（{path}）は既に存在します。別の場所を指定してください。</source>
        <extracomment>UserError in the model: profile_exists</extracomment>
        <translation>A profile already exists at {path}. Please choose another place.</translation>
    </message>
    <message>
        <source>プロファイル（{path}）が見つかりません。先に「dxdesk init」または「dxdesk demo」を実行してください。</source>
        <extracomment>UserError in the model: profile_missing</extracomment>
        <translation>No profile was found at {path}. Please run "dxdesk init" or "dxdesk demo" first.</translation>
    </message>
    <message>
        <source>この端末では安全な資格情報ストアを利用できません（{reason}）。</source>
        <extracomment>UserError in the model: keyring_unavailable</extracomment>
        <translation>No secure credential store is available on this computer ({reason}).</translation>
    </message>
    <message>
        <source>この端末には鍵が記憶されていません。</source>
        <extracomment>UserError in the model: keyring_not_remembered</extracomment>
        <translation>No key is remembered on this computer.</translation>
    </message>
    <message>
        <source>ディスクの空き容量が不足しているため、保存できませんでした。</source>
        <extracomment>UserError in the model: disk_full</extracomment>
        <translation>The disk is full, so nothing was saved.</translation>
    </message>
    <message>
        <source>ファイルの読み書きに失敗しました（{path}）。</source>
        <extracomment>UserError in the model: io_error</extracomment>
        <translation>A file could not be read or written ({path}).</translation>
    </message>
    <message>
        <source>利用者マニュアルがこのインストールに含まれていません。dxdesk をインストールし直してください。</source>
        <extracomment>UserError in the model: manual_missing</extracomment>
        <translation>The user manual is not part of this installation. Please reinstall dxdesk.</translation>
    </message>
    <message>
        <source>{path} は既にあります。成果品一式は、まだない新しいフォルダーまたは .zip ファイルに作成してください。</source>
        <extracomment>UserError in the model: package_exists</extracomment>
        <translation>{path} already exists. Please make the deliverables package in a new folder or .zip file.</translation>
    </message>
    <message>
        <source>成果品一式の作成を中止しました。ファイルは作成していません。</source>
        <extracomment>UserError in the model: package_cancelled</extracomment>
        <translation>Making the deliverables package was stopped. No file was written.</translation>
    </message>
    <message>
        <source>バンドルの取り込みを中止しました。記録は何も変更していません。</source>
        <extracomment>UserError in the model: bundle_import_cancelled</extracomment>
        <translation>The bundle import was cancelled. No records were changed.</translation>
    </message>
    <message>
        <source>バンドルの作成を中止しました。ファイルは作成していません。</source>
        <extracomment>UserError in the model: bundle_export_cancelled</extracomment>
        <translation>Creating the bundle was cancelled. No file was written.</translation>
    </message>
    <message>
        <source>バックアップを中止しました。ファイルは作成していません。</source>
        <extracomment>UserError in the model: backup_cancelled</extracomment>
        <translation>The backup was cancelled. No file was written.</translation>
    </message>
    <message>
        <source>処理を中止しました。結果は保存も表示もしていません。</source>
        <extracomment>UserError in the model: task_cancelled</extracomment>
        <translation>Cancelled. The result was neither saved nor shown.</translation>
    </message>
    <message>
        <source>入力に文字として読み取れない部分（UTF-8 ではないバイトや単独のサロゲート）が含まれているため、処理できません。</source>
        <extracomment>UserError in the model: unreadable_text</extracomment>
        <translation>The input contains something that is not readable text (bytes that are not UTF-8, or a lone surrogate), so it cannot be processed.</translation>
    </message>
    <message>
        <source>「{label}」（{field}）の値が正しくありません：{reason}。</source>
        <extracomment>UserError in the model: invalid_value</extracomment>
        <translation>The value of "{label}" ({field}) is not valid: {reason}.</translation>
    </message>
    <message>
        <source>入力内容に{count}件の問題があります（{problems}）。</source>
        <extracomment>UserError in the model: invalid_values</extracomment>
        <translation>The input has {count} problems ({problems}).</translation>
    </message>
    <message>
        <source>「{kind}」に「{field}」という項目はありません。使用できる項目：{fields}。</source>
        <extracomment>UserError in the model: unknown_field</extracomment>
        <translation>"{kind}" has no field "{field}". Fields: {fields}.</translation>
    </message>
    <message>
        <source>「{kind}」という記録の種類はありません。使用できる種類：{kinds}。</source>
        <extracomment>UserError in the model: unknown_kind</extracomment>
        <translation>There is no record kind "{kind}". Kinds: {kinds}.</translation>
    </message>
    <message>
        <source>団体「{value}」が見つかりません。団体名または団体コードをご確認ください。</source>
        <extracomment>UserError in the model: unknown_organisation</extracomment>
        <translation>No organisation "{value}" was found. Please check the name or code.</translation>
    </message>
    <message>
        <source>{label}（ID：{id}）が見つかりません。</source>
        <extracomment>UserError in the model: unknown_record</extracomment>
        <translation>{label} (ID {id}) was not found.</translation>
    </message>
    <message>
        <source>「{text}」という{label}が{count}件あります。ID で指定してください（dxdesk list で確認できます）。</source>
        <extracomment>UserError in the model: ambiguous_record</extracomment>
        <translation>There are {count} records of {label} named “{text}”. Please give the ID (see dxdesk list).</translation>
    </message>
    <message>
        <source>{label}（ID：{id}）は削除済みです。</source>
        <extracomment>UserError in the model: record_deleted</extracomment>
        <translation>{label} (ID {id}) has been deleted.</translation>
    </message>
    <message>
        <source>{label}「{key}」は既に登録されています（ID：{id}）。内容を変更するには「dxdesk edit {kind} {id}」で編集してください。</source>
        <extracomment>UserError in the model: record_key_exists</extracomment>
        <translation>{label} "{key}" is already recorded (ID: {id}). To change it, edit it with "dxdesk edit {kind} {id}".</translation>
    </message>
    <message>
        <source>{label}「{key}」は削除済みの記録として残っています（ID：{id}）。「dxdesk undelete {kind} {id}」で元に戻してから編集してください。</source>
        <extracomment>UserError in the model: record_key_deleted</extracomment>
        <translation>{label} "{key}" is kept as a deleted record (ID: {id}). Bring it back with "dxdesk undelete {kind} {id}", then edit it.</translation>
    </message>
    <message>
        <source>「{field}」は記録ごとに登録する形式に変わりました。{child}として登録してください（dxdesk add {kind} …）。</source>
        <extracomment>UserError in the model: field_replaced</extracomment>
        <translation>"{field}" is now recorded one record per organisation. Please record it as {child} (dxdesk add {kind} …).</translation>
    </message>
    <message>
        <source>{label}の{fields}は記録を特定する項目のため変更できません。別の組み合わせは新しい記録として登録してください。</source>
        <extracomment>UserError in the model: key_field_fixed</extracomment>
        <translation>The {fields} of a {label} identify the record and cannot be changed. Record another combination as a new record.</translation>
    </message>
    <message>
        <source>記録は保存しましたが、自動バックアップを作成できませんでした（{detail}）。空き容量などをご確認のうえ「dxdesk backup」で作成してください。</source>
        <extracomment>UserError in the model: backup_failed</extracomment>
        <translation>The record was saved, but the automatic backup could not be made ({detail}). Please check the free space and make one with “dxdesk backup”.</translation>
    </message>
    <message>
        <source>バックアップファイル（{path}）を検証できませんでした：{detail}。</source>
        <extracomment>UserError in the model: backup_invalid</extracomment>
        <translation>The backup file ({path}) could not be verified: {detail}.</translation>
    </message>
    <message>
        <source>{detail}</source>
        <extracomment>UserError in the model: bad_argument</extracomment>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>「{value}」に当たる集中支援が見つかりません（{fy}年度）。集中支援の ID か団体名を指定してください。</source>
        <extracomment>UserError in the model: engagement_not_found</extracomment>
        <translation>No engagement matches “{value}” (fiscal year {fy}). Give the engagement's id or its organisation's name.</translation>
    </message>
    <message>
        <source>「{value}」の集中支援は{count}件あります。集中支援の ID で指定してください。</source>
        <extracomment>UserError in the model: engagement_ambiguous</extracomment>
        <translation>“{value}” has {count} engagements. Give the engagement's id.</translation>
    </message>
    <message>
        <source>{month}は集中支援の期間（{start}〜{end}）の外です。期間内の年月を指定してください。</source>
        <extracomment>UserError in the model: month_outside_engagement</extracomment>
        <translation>{month} is outside the engagement's period ({start} to {end}). Give a month within it.</translation>
    </message>
    <message>
        <source>{org}の人口が登録されていないため、同規模の事例を絞り込めません。団体の「人口（国勢調査）」を入力するか、人口の分かる団体を指定するか、テーマだけで絞り込んでください。</source>
        <extracomment>UserError in the model: no_population</extracomment>
        <translation>The population of {org} is not recorded, so cases of a similar size cannot be found. Please enter the organisation's "Population (census)", choose an organisation whose population is known, or filter by theme only.</translation>
    </message>
    <message>
        <source>利用状況の CSV（{path}）を読み込めませんでした：{detail}。UTF-8 または Shift_JIS（CP932）の CSV を指定してください。</source>
        <extracomment>UserError in the model: activity_csv_unreadable</extracomment>
        <translation>The activity CSV ({path}) could not be read: {detail}. Give a CSV in UTF-8 or Shift_JIS (CP932).</translation>
    </message>
    <message>
        <source>利用状況の CSV に必要な列（{missing}）がありません。見出し行に「年月」「グループ」「投稿数」「アクティブ人数」を含めてください。</source>
        <extracomment>UserError in the model: activity_csv_columns</extracomment>
        <translation>The activity CSV lacks the columns {missing}. Its header row must name the month, group, posts and active members (in Japanese or English).</translation>
    </message>
    <message>
        <source>利用状況の CSV の{line}行目のグループ「{group}」がツール「{tool}」に登録されていません。先にツールのグループを登録してください。何も取り込んでいません。</source>
        <extracomment>UserError in the model: activity_csv_group</extracomment>
        <translation>Line {line} of the activity CSV names the group “{group}”, which is not a group of “{tool}”. Register the group first. Nothing was imported.</translation>
    </message>
    <message>
        <source>利用状況の CSV の{line}行目の値が正しくありません（{detail}）。何も取り込んでいません。</source>
        <extracomment>UserError in the model: activity_csv_value</extracomment>
        <translation>Line {line} of the activity CSV has a wrong value ({detail}). Nothing was imported.</translation>
    </message>
    <message>
        <source>パスフレーズファイル（{path}）を読み込めませんでした。</source>
        <extracomment>UserError in the model: passphrase_source</extracomment>
        <translation>The passphrase file ({path}) could not be read.</translation>
    </message>
    <message>
        <source>自己診断で問題が見つかりました。{detail}。インストールし直しても解消しない場合は、この表示を添えて担当者にご連絡ください。</source>
        <extracomment>UserError in the model: self_test_failed</extracomment>
        <translation>The self-test found a problem. {detail}. If reinstalling does not solve it, please contact the person in charge with this message.</translation>
    </message>
    <message>
        <source>印刷を開始できませんでした。プリンターの設定をご確認ください。</source>
        <extracomment>UserError in the model: print_failed</extracomment>
        <translation>Printing could not start. Please check the printer settings.</translation>
    </message>
    <message>
        <source>印刷を中止しました。</source>
        <extracomment>UserError in the model: print_cancelled</extracomment>
        <translation>Printing was stopped.</translation>
    </message>
    <message>
        <source>PDF に埋め込める日本語フォント（TrueType）が見つかりません。{install}をインストールするか、設定でフォントファイルを指定してください。</source>
        <extracomment>UserError in the model: font_missing</extracomment>
        <translation>No Japanese TrueType font that can be embedded in a PDF was found. Please install {install} or choose a font file in the settings.</translation>
    </message>
    <message>
        <source>フォント（{path}）は PDF に埋め込めない形式です。TrueType 形式のフォントを指定してください。</source>
        <extracomment>UserError in the model: font_unusable</extracomment>
        <translation>The font ({path}) cannot be embedded in a PDF. Please choose a TrueType font.</translation>
    </message>
    <message>
        <source>「{kind}」という帳票はありません。使用できる帳票：{kinds}。</source>
        <extracomment>UserError in the model: report_unknown_kind</extracomment>
        <translation>There is no document "{kind}". Documents: {kinds}.</translation>
    </message>
    <message>
        <source>この帳票には{label}（{option}）の指定が必要です。</source>
        <extracomment>UserError in the model: report_param_missing</extracomment>
        <translation>This document needs {label} ({option}).</translation>
    </message>
    <message>
        <source>{title}は団体を指定して出力する帳票ではないため、--org を外して実行してください。</source>
        <extracomment>UserError in the model: report_org_not_taken</extracomment>
        <translation>{title} is not printed per organisation: please run it again without --org.</translation>
    </message>
    <message>
        <source>「{kind}」は {suffix} 形式では出力できません。出力できる形式：{formats}。</source>
        <extracomment>UserError in the model: report_bad_format</extracomment>
        <translation>"{kind}" cannot be written as {suffix}. Formats: {formats}.</translation>
    </message>
    <message>
        <source>{what}について、{title}に記載できるデータがありません。</source>
        <extracomment>UserError in the model: report_no_data</extracomment>
        <translation>There is nothing to put in {title} for {what}.</translation>
    </message>
    <message>
        <source>年月「{value}」を読み取れません。2025-11 や 令和7年11月 の形式で指定してください。</source>
        <extracomment>UserError in the model: bad_month</extracomment>
        <translation>The month “{value}” cannot be read. Please give it as 2025-11 or R7.11 (Reiwa 7, November).</translation>
    </message>
    <message>
        <source>質問項目のテンプレート（{path}）を読み込めませんでした：{detail}。</source>
        <extracomment>UserError in the model: report_template_invalid</extracomment>
        <translation>The question template ({path}) could not be read: {detail}.</translation>
    </message>
    <message>
        <source>文書のひな形（{path}）を読み込めませんでした：{detail}。</source>
        <extracomment>UserError in the model: document_template_invalid</extracomment>
        <translation>The document template ({path}) could not be read: {detail}.</translation>
    </message>
    <message>
        <source>月次作業報告書の構成は県と協議して決める項目のため、統括（ハブ）の端末で変更してください。</source>
        <extracomment>UserError in the model: report_template_hub_only</extracomment>
        <translation>The monthly report's layout is agreed with the prefecture; please change it on the supervisor's (hub) device.</translation>
    </message>
    <message>
        <source>月次作業報告書に「{section}」という項目はありません。「dxdesk report-template show」で一覧をご確認ください。</source>
        <extracomment>UserError in the model: report_section_unknown</extracomment>
        <translation>The monthly report has no section "{section}". See the list with "dxdesk report-template show".</translation>
    </message>
    <message>
        <source>月次作業報告書には既に「{section}」という項目があります。別の見出しを指定してください。</source>
        <extracomment>UserError in the model: report_section_exists</extracomment>
        <translation>The monthly report already has a section "{section}". Please choose another heading.</translation>
    </message>
    <message>
        <source>「{section}」は自動で作成する項目のため、月ごとの本文は入力できません。自由記述の項目を指定してください。</source>
        <extracomment>UserError in the model: report_section_not_free</extracomment>
        <translation>"{section}" is produced automatically, so no monthly text can be written for it. Please name a free-text section.</translation>
    </message>
    <message>
        <source>研修「{title}」は{status}のため、実施結果報告書はまだ作成できません。実施後に状態を「実施済み」にしてください。</source>
        <extracomment>UserError in the model: training_not_held</extracomment>
        <translation>The training "{title}" is {status}, so its result report cannot be made yet. Set its status to "held" once it has taken place.</translation>
    </message>
    <message>
        <source>バンドルファイルが破損しているか、改ざんされています（{detail}）。</source>
        <extracomment>UserError in the model: bundle_damaged</extracomment>
        <translation>The bundle file is damaged or has been tampered with ({detail}).</translation>
    </message>
    <message>
        <source>dxdesk のバンドルファイルではありません。</source>
        <extracomment>UserError in the model: bundle_not_bundle</extracomment>
        <translation>This is not a dxdesk bundle file.</translation>
    </message>
    <message>
        <source>このバンドルは新しい形式（第 {found} 版）のため、この版の dxdesk では読み込めません。dxdesk を更新してください。</source>
        <extracomment>UserError in the model: bundle_version_unsupported</extracomment>
        <translation>This bundle uses a newer format (version {found}) that this dxdesk cannot read. Please update dxdesk.</translation>
    </message>
    <message>
        <source>このバンドルはこの版の dxdesk が対応していない機能（{feature}）を必要とするため、dxdesk を更新してから読み込んでください。</source>
        <extracomment>UserError in the model: bundle_unsupported_feature</extracomment>
        <translation>This bundle needs a feature this dxdesk does not support ({feature}). Please update dxdesk, then read it again.</translation>
    </message>
    <message>
        <source>このバンドルはこの端末宛てではないため開けません（別の端末宛てか、ファイルが破損しています）。</source>
        <extracomment>UserError in the model: bundle_wrong_recipient</extracomment>
        <translation>This bundle is not addressed to this computer (it is for another device, or the file is damaged).</translation>
    </message>
    <message>
        <source>送信元の端末（{sender}）は登録されていないため、このバンドルは読み込めません。</source>
        <extracomment>UserError in the model: bundle_unknown_sender</extracomment>
        <translation>The sending device ({sender}) is not enrolled, so this bundle was not read.</translation>
    </message>
    <message>
        <source>送信元の端末（{sender}）は登録が取り消されているため、このバンドルは読み込めません。</source>
        <extracomment>UserError in the model: bundle_revoked_sender</extracomment>
        <translation>The sending device ({sender}) has been revoked, so this bundle was not read.</translation>
    </message>
    <message>
        <source>バンドルの署名が送信元端末の登録済みの鍵と一致しません。改ざんのおそれがあるため読み込みません。</source>
        <extracomment>UserError in the model: bundle_bad_signature</extracomment>
        <translation>The bundle's signature does not match the sending device's enrolled key. It may have been tampered with, so it was not read.</translation>
    </message>
    <message>
        <source>同じバンドル ID（{bundle_id}）で内容の異なるバンドルが既に取り込まれています。改ざんのおそれがあるため読み込みません。</source>
        <extracomment>UserError in the model: bundle_id_reused</extracomment>
        <translation>A different bundle with the same ID ({bundle_id}) was already imported. It may have been tampered with, so it was not read.</translation>
    </message>
    <message>
        <source>バンドルが上限（{limit}）を超えているため読み込みません。</source>
        <extracomment>UserError in the model: bundle_too_large</extracomment>
        <translation>The bundle exceeds the limit ({limit}), so it was not read.</translation>
    </message>
    <message>
        <source>この端末の担当は統括で設定された団体に限られているため、{org}の記録は登録・変更できません。担当の追加は統括にご依頼ください。</source>
        <extracomment>UserError in the model: org_out_of_own_scope</extracomment>
        <translation>This device covers only the organisations its supervisor assigned, so records of {org} cannot be added or changed here. Please ask the supervisor to add it.</translation>
    </message>
    <message>
        <source>同じ端末の別の履歴に当たる変更 {count} 件は取り込まずに別に保管しました。「dxdesk bundle forks」で確認してください。</source>
        <extracomment>UserError in the model: bundle_forks_kept</extracomment>
        <translation>{count} changes belonging to another history of the same device were not imported but kept apart. Please check them with “dxdesk bundle forks”.</translation>
    </message>
    <message>
        <source>別の履歴（ID：{id}）が見つかりません。「dxdesk bundle forks」で一覧をご確認ください。</source>
        <extracomment>UserError in the model: unknown_fork</extracomment>
        <translation>No other history with ID {id} was found. Please check the list with “dxdesk bundle forks”.</translation>
    </message>
    <message>
        <source>バンドルに含まれる変更の出所を確認できません（{detail}）。改ざんのおそれがあるため、何も取り込んでいません。</source>
        <extracomment>UserError in the model: bundle_origin_forged</extracomment>
        <translation>The origin of changes in this bundle cannot be confirmed ({detail}). It may have been tampered with, so nothing was imported.</translation>
    </message>
    <message>
        <source>バンドルに、この端末が鍵を知らない端末（{device}）の変更が含まれているため、何も取り込んでいません。先にハブからのバンドルを取り込んでください。</source>
        <extracomment>UserError in the model: bundle_origin_unknown</extracomment>
        <translation>The bundle holds changes of a device whose key this device does not know ({device}), so nothing was imported. Please import a bundle from the hub first.</translation>
    </message>
    <message>
        <source>このバンドルは古い版の dxdesk で作成されており、送信元以外の端末の変更に出所の署名がないため、何も取り込んでいません。送信元の dxdesk を更新してから、改めてバンドルを作成してください。</source>
        <extracomment>UserError in the model: bundle_origin_unsigned</extracomment>
        <translation>This bundle was made by an older dxdesk and carries changes of other devices without their origin signatures, so nothing was imported. Please update dxdesk on the sending device and make the bundle again.</translation>
    </message>
    <message>
        <source>送信元の端末が担当外の団体（{org}）の記録を変更しているため、何も取り込んでいません。担当団体の設定（dxdesk enrol scope）をご確認ください。</source>
        <extracomment>UserError in the model: bundle_out_of_scope</extracomment>
        <translation>The sending device changed records of an organisation outside its scope ({org}), so nothing was imported. Please check its assigned organisations (dxdesk enrol scope).</translation>
    </message>
    <message>
        <source>{detail}の形式が正しくありません。</source>
        <extracomment>UserError in the model: bundle_bad_key</extracomment>
        <translation>{detail} is not in the right format.</translation>
    </message>
    <message>
        <source>この端末はまだチームに登録されていません。先に「dxdesk enrol request」と「dxdesk enrol join」を行ってください。</source>
        <extracomment>UserError in the model: bundle_not_enrolled</extracomment>
        <translation>This computer is not enrolled in a team yet. Please run "dxdesk enrol request" and "dxdesk enrol join" first.</translation>
    </message>
    <message>
        <source>送信先の端末（{device}）は登録が取り消されているため、バンドルを作成できません。</source>
        <extracomment>UserError in the model: bundle_recipient_revoked</extracomment>
        <translation>The receiving device ({device}) has been revoked, so no bundle can be made for it.</translation>
    </message>
    <message>
        <source>登録用のファイル（{path}）を読み込めませんでした（{detail}）。</source>
        <extracomment>UserError in the model: enrol_bad_file</extracomment>
        <translation>The enrolment file ({path}) could not be read ({detail}).</translation>
    </message>
    <message>
        <source>この操作は{role}の端末でのみ行えます。</source>
        <extracomment>UserError in the model: enrol_wrong_role</extracomment>
        <translation>Only a {role} device can do this.</translation>
    </message>
    <message>
        <source>チームファイルにこの端末が含まれていません。この端末の登録申請から作成されたファイルかご確認ください。</source>
        <extracomment>UserError in the model: enrol_not_in_team</extracomment>
        <translation>The team file does not include this computer. Please check that it was made from this computer's enrolment request.</translation>
    </message>
    <message>
        <source>端末（{device}）は既に別の鍵で登録されています。取り消してから登録し直してください。</source>
        <extracomment>UserError in the model: enrol_key_mismatch</extracomment>
        <translation>The device ({device}) is already enrolled with another key. Please revoke it and enrol it again.</translation>
    </message>
    <message>
        <source>担当者「{name}」が見つかりません。氏名か ID で指定してください（「dxdesk list staff」で一覧を確認できます）。</source>
        <extracomment>UserError in the model: staff_unknown</extracomment>
        <translation>Staff member “{name}” was not found. Give a name or an id (“dxdesk list staff” lists them).</translation>
    </message>
    <message>
        <source>「{name}」という担当者が複数います。ID で指定してください（「dxdesk list staff」で確認できます）。</source>
        <extracomment>UserError in the model: staff_ambiguous</extracomment>
        <translation>There is more than one staff member named “{name}”. Give the id (“dxdesk list staff” lists them).</translation>
    </message>
    <message>
        <source>統合元と統合先が同じ担当者（{name}）です。別の担当者を指定してください。</source>
        <extracomment>UserError in the model: staff_merge_same</extracomment>
        <translation>The staff member to merge and the one to keep are the same ({name}). Choose two different ones.</translation>
    </message>
    <message>
        <source>端末「{device}」が見つかりません。「dxdesk devices」で一覧をご確認ください。</source>
        <extracomment>UserError in the model: unknown_device</extracomment>
        <translation>No device "{device}" was found. Please see "dxdesk devices".</translation>
    </message>
    <message>
        <source>{total} 件中 {count} 件のバンドルは読み込みませんでした（理由は上に表示しています）。</source>
        <extracomment>UserError in the model: bundle_some_refused</extracomment>
        <translation>{count} of {total} bundles were not imported (the reasons are shown above).</translation>
    </message>
    <message>
        <source>ステップ「{steps}」を読み取れません。1〜40 の番号か範囲で指定してください（例：12、1-12、1-3,7）。</source>
        <extracomment>UserError in the model: progress_bad_steps</extracomment>
        <translation>The steps “{steps}” cannot be read. Please give a number or range from 1 to 40 (e.g. 12, 1-12, 1-3,7).</translation>
    </message>
    <message>
        <source>状態「{status}」は指定できません。次のいずれかを指定してください：{statuses}。</source>
        <extracomment>UserError in the model: progress_bad_status</extracomment>
        <translation>The status “{status}” cannot be used. Please give one of: {statuses}.</translation>
    </message>
    <message>
        <source>業務システム「{system}」が見つかりません。01〜20 のコードか名称（例：住民記録）で指定してください。</source>
        <extracomment>UserError in the model: progress_unknown_system</extracomment>
        <translation>The business system “{system}” was not found. Please give its code 01-20 or its name (e.g. the short name used in the national data).</translation>
    </message>
    <message>
        <source>{month} はまだ終わっていない先の月のため、進捗を表示できません（今日は {today} です）。</source>
        <extracomment>UserError in the model: progress_future_month</extracomment>
        <translation>{month} has not ended yet, so its progress cannot be shown (today is {today}).</translation>
    </message>
    <message>
        <source>比較の開始月（{start}）は終了月（{end}）より前の月を指定してください。</source>
        <extracomment>UserError in the model: progress_diff_order</extracomment>
        <translation>The start month ({start}) must be before the end month ({end}).</translation>
    </message>
    <message>
        <source>ファイルの文字コードを読み取れません。UTF-8 または Shift_JIS の CSV で保存してください。</source>
        <extracomment>UserError in the model: progress_import_encoding</extracomment>
        <translation>The file's character encoding cannot be read. Save the CSV in UTF-8 or Shift_JIS.</translation>
    </message>
    <message>
        <source>「{path}」は取り込めない形式です。.xlsx または .csv のファイルを指定してください。</source>
        <extracomment>UserError in the model: progress_import_format</extracomment>
        <translation>"{path}" is not a format that can be imported. Choose an .xlsx or .csv file.</translation>
    </message>
    <message>
        <source>「{path}」を Excel ファイルとして読み取れません。破損していないかご確認ください。</source>
        <extracomment>UserError in the model: progress_import_unreadable</extracomment>
        <translation>"{path}" cannot be read as an Excel file. Please check that it is not damaged.</translation>
    </message>
    <message>
        <source>シート「{sheet}」が見つかりません。次のいずれかを指定してください：{sheets}。</source>
        <extracomment>UserError in the model: progress_import_sheet</extracomment>
        <translation>Sheet "{sheet}" was not found. Choose one of: {sheets}.</translation>
    </message>
    <message>
        <source>団体の列と業務システムの列（またはステップの列）が見つかりません。列の対応を指定してください。</source>
        <extracomment>UserError in the model: progress_import_columns</extracomment>
        <translation>No organisation column and business system (or step) column found. Please set the column mapping.</translation>
    </message>
    <message>
        <source>「{field}」は標準化状況を特定する項目のため、ここでは変更できません。</source>
        <extracomment>UserError in the model: progress_key_field</extracomment>
        <translation>“{field}” identifies the standardisation record and cannot be changed here.</translation>
    </message>
</context>
<context>
    <name>WeekGridModel</name>
    <message>
        <location filename="../../gui/timegrid.py" line="125"/>
        <source>月</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="126"/>
        <source>火</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="127"/>
        <source>水</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="128"/>
        <source>木</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="129"/>
        <source>金</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="130"/>
        <source>土</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="131"/>
        <source>日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="142"/>
        <source>作業区分</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="142"/>
        <source>団体</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="142"/>
        <location filename="../../gui/timegrid.py" line="149"/>
        <location filename="../../gui/timegrid.py" line="210"/>
        <source>現地</source>
        <translation>On site</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="144"/>
        <source>計</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="147"/>
        <source>未入力</source>
        <translation>No hours</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="155"/>
        <source>（%1・閉庁日）</source>
        <translation> (%1, offices closed)</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="157"/>
        <source>開庁日ですが、工数が入力されていません。</source>
        <translation>An office day with no hours entered.</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="201"/>
        <source>日計</source>
        <translation>Day total</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="206"/>
        <source>（団体なし）</source>
        <translation>(no organisation)</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <location filename="../../gui/timegrid.py" line="373"/>
        <source>担当者</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="381"/>
        <source>◀ 前の週</source>
        <translation>◀ Previous week</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="382"/>
        <source>今週</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="383"/>
        <source>次の週 ▶</source>
        <translation>Next week ▶</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="431"/>
        <source>セルに 1.5 や 1:30 の形式で時間を入力します（空欄または 0 で取り消し）。修正は訂正記録として追加され、元の記録は残ります。緑のセルは現地での作業です。灰色の列は閉庁日（土日・祝日・年末年始・臨時閉庁日）、「未入力」は工数のない開庁日です。</source>
        <translation>Type hours into a cell as 1.5 or 1:30 (empty or 0 clears it). A change is added as a correcting entry; the original entry is kept. Green cells are work on site. Grey columns are days the offices are closed (weekends, holidays, the year-end break, extra closed days); "No hours" marks an office day without hours.</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="484"/>
        <source>%1 〜 %2　合計 %3 時間</source>
        <translation>%1 – %2   total %3 h</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="497"/>
        <source>%1：同じ工数が複数の端末で訂正されています（%2 時間）。集計には %3 時間を用いています。セルに正しい値を入力すると確定します。</source>
        <translation>%1: the same entry was corrected on several devices (%2 h). Totals use %3 h. Type the right value into the cell to settle it.</translation>
    </message>
    <message>
        <location filename="../../gui/timegrid.py" line="507"/>
        <source>%1：1日の合計が %2 時間です。</source>
        <translation>%1: the day adds up to %2 hours.</translation>
    </message>
</context>
<context>
    <name>Weekday</name>
    <message>
        <location filename="../../gui/dates.py" line="39"/>
        <source>月</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="40"/>
        <source>火</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="41"/>
        <source>水</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="42"/>
        <source>木</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="43"/>
        <source>金</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="44"/>
        <source>土</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../gui/dates.py" line="45"/>
        <source>日</source>
        <translation>Sun</translation>
    </message>
</context>
</TS>
