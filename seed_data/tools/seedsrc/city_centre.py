"""City centre listings (fictional)."""
from .common import S

TT = {"valid_from": "2026-09-14", "valid_to": "2026-12-11", "notes": "Term time only"}
SUMMER = {"valid_from": "2026-05-13", "valid_to": "2026-09-09", "notes": "May to September"}

LISTINGS = [
S("cc-jubilee-gathering", "cc-jubilee", "street-gathering festivals", "en",
  "Jubilee Square Summer Gathering",
  "On the second Wednesday of the month in summer, community groups from across the city set up stalls "
  "on Jubilee Square with tea, music and taster sessions of chair exercise, garba and tai chi. It's an "
  "easy way to find out what is on without committing to anything. Community connectors are there to "
  "chat and can walk you to the bus afterwards.",
  tr={"gu": ("જ્યુબિલી સ્ક્વેર ઉનાળુ મેળાવડો",
             "ઉનાળામાં મહિનાના બીજા બુધવારે શહેરભરનાં જૂથો જ્યુબિલી સ્ક્વેરમાં સ્ટૉલ લગાવે છે — ચા, સંગીત, "
             "ખુરશી કસરત, ગરબા અને તાઈ ચીનો નમૂનો. કોઈ બંધન વગર શું ચાલે છે એ જાણવાની સહેલી રીત."),
      "zh_Hans": ("禧年广场夏日聚会",
                  "夏季每月第二个星期三，全市各社区团体在禧年广场摆摊，有茶水、音乐，还可以试试椅子操、"
                  "加尔巴舞和太极。不用报名，随便逛逛就能了解有哪些活动。")},
  langs="en gu pa zh pl", sched=[("M 2WE 11:00-14:00", SUMMER)], cost="free", org="lat", min_age=None,
  elig="Everyone welcome", verified="2026-09-10"),

S("cc-jubilee-bench", "cc-jubilee", "listening-bench", "en",
  "Listening Bench on Jubilee Square",
  "Saturday mornings on the long bench facing the cathedral gardens. Our volunteer listeners are easy "
  "to spot in their orange lanyards. Many people who come into town on their own on a Saturday stop "
  "for a chat on the way back from the market.",
  langs="en pl", sched=["W SA 10:00-12:00"], cost="free", org="lat", verified="2026-10-24"),

S("cc-market-pop-in", "cc-market", "pop-in-cafe", "en",
  "Market Place Pop-in Café",
  "A small café tucked behind the market stalls, open every weekday morning, with cheap tea, toast and "
  "a warm seat. Volunteers keep a folder of local groups and are happy to ring one for you. It is "
  "particularly busy on cold days, when it doubles as a warm space.",
  tr={"pl": ("Kawiarenka przy rynku",
             "Mała kawiarnia za straganami, otwarta w każdy dzień powszedni rano: tania herbata, grzanki "
             "i ciepłe miejsce. Wolontariusze mają listę lokalnych grup i chętnie zadzwonią za ciebie.")},
  langs="en", sched=["W MO,TU,WE,TH,FR 09:30-13:00"], cost=0.8, fees="Tea 80p, toast 50p",
  org=("Market Place Pop-in", "Volunteer-run café and warm space.", "marketpopin"), min_age=None,
  elig="Everyone welcome", verified="2026-11-21"),

S("cc-advice-hub-drop-in", "cc-advice", "benefits-advice housing-advice social-care-advice", "en",
  "City Advice Hub Drop-in",
  "Free advice on benefits, housing, council tax, care costs and bills, two days a week without an "
  "appointment. If your question needs longer, the adviser will book you a follow-up. The building is "
  "step-free with a hearing loop; ask for a private room if you need one.",
  tr={"gu": ("સિટી ઍડવાઇસ હબ – ડ્રૉપ-ઇન",
             "સરકારી લાભો, ઘર, કાઉન્સિલ ટૅક્સ, સંભાળનો ખર્ચ અને બિલ અંગે મફત સલાહ, અઠવાડિયે બે દિવસ, "
             "એપોઇન્ટમેન્ટ વગર. વધુ સમય જોઈએ તો સલાહકાર બીજી મુલાકાત નક્કી કરી આપશે."),
      "pl": ("Punkt porad w centrum – bez zapisów",
             "Bezpłatne porady w sprawie zasiłków, mieszkania, council tax, kosztów opieki i rachunków – "
             "dwa dni w tygodniu, bez umawiania. Jeśli sprawa wymaga więcej czasu, doradca umówi "
             "kolejne spotkanie."),
      "zh_Hans": ("市中心咨询中心（无需预约）",
                  "每周两天免费提供福利、住房、市政税、护理费用和账单方面的咨询，无需预约。"
                  "问题比较复杂的，顾问会再约时间跟进。"),
      "zh_Hant": ("市中心諮詢中心（毋須預約）",
                  "每星期兩日免費提供福利、住屋、市政稅、護理費用同賬單方面嘅諮詢，毋須預約。"
                  "問題比較複雜嘅，顧問會另約時間跟進。")},
  langs="en pa ur", sched=["W TU,TH 10:00-15:00"], cost="free", org="cah", min_age=None,
  elig="Anyone living in Leicester", verified="2026-11-06"),

S("cc-digital-drop-in", "cc-lib", "computer-help smartphone-help", "en",
  "Digital Drop-in at Central Library",
  "Volunteers help with anything from switching on a tablet to applying for a blue badge online. "
  "There are library computers and free wi-fi, and large-print step-by-step guides to take home.",
  langs="en", sched=["W WE 14:00-16:00"], cost="free", org="digital", min_age=None, elig="Anyone",
  verified="2026-08-20"),

S("cc-shared-reading", "cc-lib", "learning mental-health-support", "en",
  "Shared Reading Group",
  "A short story and a poem are read aloud by the group leader, with pauses to talk about what they "
  "bring to mind. Nobody has to read aloud or have read anything beforehand. People say it's the most "
  "restful hour of their week.",
  langs="en", sched=["W FR 11:00-12:30"], cost="free", min_age=18,
  org=("Leicester Libraries", "City council library service.", "libraries"), verified="2026-05-29"),

S("cc-singing-for-the-brain", "cc-methodist", "singing-and-choir dementia-cafe", "en",
  "Singing for the Brain",
  "A singing session for people living with dementia and their carers, with warm-up games, familiar "
  "songs from the 1950s to the 1980s and tea together. Singing helps many people remember words and "
  "feel more like themselves. Carers join in free.",
  langs="en", sched=["F MO 14:00-15:30"], cost="donation", faith="church", org="memory",
  verified="2026-09-22"),

S("cc-lunchtime-concerts", "cc-cathedral", "music", "en",
  "Lunchtime Concerts",
  "Forty-five minutes of live music every Tuesday: string quartets, local choirs, jazz and sitar. "
  "Seats near the front are kept free for people who need to sit close to hear. Free entry with a "
  "retiring collection.",
  langs="en", sched=["W TU 13:00-13:45"], cost="donation", faith="church", min_age=None,
  elig="Everyone welcome", org=("Cathedral Music", "Music programme at the cathedral.", "cathedralmusic"),
  verified="2026-10-07"),

S("cc-riverside-walk", "cc-castle", "walking-group", "en",
  "Riverside Walk from Castle Gardens",
  "A flat one-mile walk along the river and back, with a stop at the halfway bench. Led by a volunteer "
  "walk leader; meet at the Castle Gardens gate. Good for people getting back on their feet after an "
  "illness.",
  langs="en", sched=["W FR 10:30-11:30"], cost="free", org="llln", verified="2026-07-31"),

S("cc-aqua-fit", "cc-pool", "swimming exercise-general", "en",
  "Aqua Fit 55+",
  "Exercise to music in the shallow end; the water supports your joints, so it suits people with "
  "arthritis or back pain. There's a hoist and a ramp into the pool. You don't need to be able to swim.",
  langs="en", sched=["W MO,WE 11:00-12:00"], cost=(4.0, 2.5), min_age=55,
  org=("St Margaret's Pool", "Council swimming pool.", "stmargaretspool"), verified="2026-06-03"),

S("cc-library-welcomers", "cc-lib", "volunteering", "en",
  "Volunteer Welcomers at the Library",
  "Retired? Good with people? Library welcomers greet visitors, show them the large-print books and "
  "talking books and help them find their way around. Two hours a week, with training and a lunch "
  "voucher. Speaking another language is a big plus.",
  langs="en", sched=["W MO,TU,WE,TH,FR 10:00-16:00"], cost="free", join="ring_first", min_age=18,
  elig="Anyone aged 18 or over", org=("Leicester Libraries", "City council library service.", "libraries"),
  verified="2026-09-01"),

S("cc-rainbow-elders", "cc-granby", "social-club mental-health-support", "en",
  "Rainbow Elders",
  "A monthly afternoon for lesbian, gay, bisexual and trans people over 50 and their friends: tea, "
  "conversation, the odd film and an annual Pride picnic. Many members came out later in life. The "
  "venue is discreet and the door is staffed.",
  langs="en", sched=["M 1TH 14:00-16:00"], cost="free",
  org=("Rainbow Elders Leicester", "Social group for older LGBT+ people.", "rainbowelders"),
  verified="2026-08-14"),

S("cc-life-drawing", "cc-studio", "painting-and-drawing", "en",
  "Life Drawing for Beginners",
  "A relaxed evening drawing class with a clothed model and short poses, led by a local artist. "
  "Materials are included in the price. The class is full for this term; ask to go on the list for "
  "January.",
  langs="en", sched=["F WE 18:00-20:00"], cost=6.0, join="waiting_list", status="full", min_age=18,
  org=("Haymarket Community Studio", "Arts studio for community classes.", "studio"), verified="2026-10-29"),

S("cc-then-and-now", "cc-cathedral", "history-group", "en",
  "Leicester Then and Now",
  "Illustrated talks on the city's past: the hosiery trade, the arrival of families from East Africa and "
  "South Asia, the old market and the King under the car park. Plenty of time for your own memories.",
  langs="en", sched=["M 4TH 14:00-15:30"], cost=2.0, org=("Leicester Heritage Volunteers", "Volunteer heritage group.", "heritagevols"),
  verified="2025-08-18"),

S("cc-migrant-elders-advice", "cc-advice", "immigration-advice", "en",
  "Migrant Elders' Advice Session",
  "Regulated immigration advice for older people and their families: settled status, visitor visas for "
  "relatives, citizenship and lost documents. The session is paused while the service recruits a new "
  "adviser; ring the City Advice Hub for other help in the meantime.",
  langs="en", sched=["M 3MO 10:00-13:00"], cost="free", join="ring_first", status="paused", org="cah",
  min_age=None, elig="Anyone", verified="2026-09-30"),

S("cc-free-room-new-groups", "cc-granby", "meeting-room", "en",
  "Free Room for New Groups",
  "Want to start a group for older people but have nowhere to meet? The community rooms offer a free "
  "room for your first three months, then a reduced rate. Kettle, chairs for 25 and a hearing loop are "
  "included.",
  langs="en", sched=["W MO,TU,WE,TH,FR 10:00-16:00"], join="ring_first", min_age=None,
  elig="New community groups", cost=[("First three months", 0.0, "Free"),
                                     ("Per hour afterwards", 8.0, "Reduced rate for older people's groups")],
  org=("Granby Street Community Rooms", "Community meeting rooms in the city centre.", "granbyrooms"),
  verified="2026-04-28"),

S("cc-confidence-steps", "cc-ytheatre", "peer-mentoring mental-health-support", "en",
  "Confidence Steps Peer Mentoring",
  "Up to ten one-to-one sessions with a peer mentor who has been through loneliness, illness or loss "
  "themselves. Together you set small goals, like catching the bus into town, trying a group or ringing "
  "an old friend, and the mentor goes with you the first time. Mentors cover the whole of east Leicester.",
  tr={"gu": ("આત્મવિશ્વાસનાં પગલાં – સાથી માર્ગદર્શન",
             "એકલતા, બીમારી કે શોકમાંથી પસાર થયેલા સાથી માર્ગદર્શક સાથે વધુમાં વધુ દસ મુલાકાત. સાથે મળીને "
             "નાનાં લક્ષ્ય નક્કી કરો — બસમાં શહેર જવું, કોઈ જૂથમાં જોડાવું — અને પહેલી વાર માર્ગદર્શક સાથે આવશે."),
      "pl": ("Krok po kroku – mentoring",
             "Do dziesięciu indywidualnych spotkań z mentorem, który sam przeżył samotność, chorobę albo "
             "stratę. Razem ustalacie małe cele, a mentor za pierwszym razem idzie z tobą.")},
  langs="en gu pl", area="east-leicester", cost="free", join="referral", org="mindful",
  apply="Self-referral or referral by a GP, social prescriber or community connector",
  verified="2026-10-11"),

S("cc-diwali-milan", "cc-ytheatre", "festivals", "gu",
  "દિવાળી મિલન – વડીલો માટે",
  "દિવાળીના દિવસે શહેરમાં લાઇટો જોવા આવો ત્યારે ઈસ્ટ સ્ટ્રીટ હૉલમાં વડીલો માટે ગરમ ચા, મીઠાઈ અને બેસવાની જગ્યા તૈયાર હોય છે. "
  "ભીડમાં ઊભા રહેવાનું ફાવતું ન હોય તો અહીંથી બારીમાંથી આતશબાજી દેખાય છે. "
  "સાંજે ભજન અને રંગોળી સ્પર્ધા પણ થાય છે.",
  tr={"en": ("Diwali Gathering for Elders",
             "When you come into town to see the Diwali lights, East Street Hall has hot tea, sweets and a "
             "seat ready for older people. If standing in the crowds is too much, you can watch the "
             "fireworks from the window here. In the evening there are bhajans and a rangoli competition.")},
  langs="gu hi pa en", cost="free", food=["vegetarian"],
  sched=[("MD 8 16:00-21:00", {"valid_from": "2026-11-08", "valid_to": "2026-11-08",
                               "description": "Diwali day, Sunday 8 November 2026, 16:00 to 21:00",
                               "notes": "Once a year on Diwali"})],
  org="bgsa", verified="2026-10-25"),

S("cc-sathe-shaher-fariye", "cc-market", "walking-group social-and-befriending", "gu",
  "ચાલો સાથે શહેરમાં ફરીએ",
  "ઘણા વડીલો વર્ષોથી એકલા શહેરમાં આવ્યા નથી. મહિનાના પહેલા મંગળવારે કનેક્ટર બહેન બેલગ્રેવથી બસમાં સાથે આવે છે; "
  "બજારમાં ફરીએ, લાઇબ્રેરી જોઈએ અને પૉપ-ઇન કૅફેમાં ચા પીએ. "
  "બસ પાસ કેવી રીતે વાપરવો એ પણ શીખવીએ છીએ.",
  tr={"en": ("Let's Go into Town Together",
             "Many older people haven't been into the city centre on their own for years. On the first "
             "Tuesday of the month a community connector takes the bus in with the group from Belgrave; "
             "we walk round the market, visit the library and have tea at the pop-in café. We also show "
             "you how to use your bus pass.")},
  langs="gu hi", sched=["M 1TU 10:30-13:00"], cost="free", join="ring_first", org="lat",
  verified="2026-10-03"),

S("cc-potancowka", "cc-granby", "dance social-club", "pl",
  "Potańcówka dla seniorów",
  "W pierwszą sobotę miesiąca tańczymy do polskich przebojów z lat sześćdziesiątych i siedemdziesiątych, "
  "są też walce i tanga. Kto nie tańczy, może posłuchać muzyki przy kawie i cieście. Przyjść można "
  "samemu – zawsze znajdzie się partner do tańca.",
  tr={"en": ("Tea Dance for Polish Seniors",
             "On the first Saturday of the month we dance to Polish hits from the sixties and seventies, with "
             "waltzes and tangos too. If you don't dance you can listen to the music over coffee and cake. "
             "You can come on your own; there's always a dance partner.")},
  langs="pl", sched=["M 1SA 15:00-18:00"], cost=5.0, org="psl", verified="2026-09-06"),

S("cc-samotnosc-wsparcie", "cc-granby", "mental-health-support peer-support-and-wellbeing", "pl",
  "Grupa wsparcia: samotność i smutek",
  "Spotkania dla osób, które czują się samotne, przygnębione albo tęsknią za bliskimi w Polsce. "
  "Prowadzi psycholożka mówiąca po polsku; rozmawiamy w małym gronie, bez oceniania. Można przyjść i "
  "tylko posłuchać. Spotkania co dwa tygodnie w środy.",
  tr={"en": ("Support group: loneliness and low mood",
             "Meetings for people who feel lonely, low or miss their family in Poland. Led by a "
             "Polish-speaking psychologist; we talk in a small group, without judging. You can come and just "
             "listen. Every other Wednesday.")},
  langs="pl", sched=["F WE 17:30-19:00"], cost="free", min_age=18, org="mindful", verified="2026-08-25"),

S("cc-historia-polakow", "cc-lib", "history-group", "pl",
  "Historia Polaków w Leicester – wspomnienia",
  "Spotykamy się w bibliotece, żeby opowiadać i nagrywać historie: lotników z czasów wojny, rodzin, "
  "które przyjechały w latach pięćdziesiątych, i tych, którzy przyjechali po 2004 roku. Przynieś stare "
  "zdjęcia, listy albo po prostu swoje wspomnienia.",
  tr={"en": ("Polish History in Leicester – memories",
             "We meet at the library to tell and record stories: wartime airmen, families who came in the "
             "fifties and people who arrived after 2004. Bring old photos, letters or just your memories.")},
  langs="pl en", sched=["M 2TH 14:00-16:00"], cost="free", org="psl", verified="2025-10-09"),

S("cc-changzhe-wucan", "cc-pagoda", "lunch-club", "zh_Hans",
  "长者午餐会",
  "每周三中午在宝塔楼社区活动室吃一顿热腾腾的中式午餐，有两菜一汤和水果。"
  "饭后可以打牌、下象棋，或者听志愿者读报纸上的新闻。第一次来的长者请提前一天打电话，我们会留位子。",
  tr={"en": ("Chinese Elders' Lunch",
             "A hot Chinese lunch every Wednesday in the Pagoda House community room: two dishes, soup and "
             "fruit. After the meal you can play cards or Chinese chess, or listen to a volunteer read out "
             "the news. If it's your first time, please ring the day before and we'll save you a seat.")},
  langs="zh yue", sched=["W WE 12:00-14:00"], cost=3.0, org="lcea", verified="2026-10-14"),

S("cc-huaren-fuli-zixun", "cc-pagoda", "benefits-advice social-care-advice", "zh_Hans",
  "华人福利咨询",
  "每月第一个星期五，会讲普通话和粤语的顾问帮助长者申请养老金补助、护理津贴、市政税减免，"
  "也可以帮忙看看政府或医院寄来的英文信件。请带上相关信件和身份证件，最好提前电话预约。",
  tr={"en": ("Benefits Advice for Chinese Elders",
             "On the first Friday of each month an adviser who speaks Mandarin and Cantonese helps older "
             "people apply for Pension Credit, Attendance Allowance and council tax reduction, and can go "
             "through English letters from the council or hospital with you. Bring the letters and some ID; "
             "it's best to ring ahead for an appointment.")},
  langs="zh yue en", sched=["M 1FR 10:00-13:00"], cost="free", join="ring_first", org="lcea",
  verified="2026-09-04"),

S("cc-xiyanghong-hechang", "cc-pagoda", "singing-and-choir", "zh_Hans",
  "夕阳红合唱团",
  "每周一下午排练，唱的大多是大家年轻时熟悉的老歌，也学一些英文歌。"
  "不需要识谱，歌词都印成大字。每年春节和中秋在社区演出。",
  tr={"en": ("Golden Years Chinese Choir",
             "Rehearsals on Monday afternoons, mostly old songs everyone knew when they were young, plus "
             "a few English songs. You don't need to read music, and the words are printed in large type. "
             "We perform in the community at Chinese New Year and the Mid-Autumn Festival.")},
  langs="zh", sched=["W MO 14:00-16:00"], cost=1.0, org="lcea", verified="2026-07-20"),

S("cc-chunjie-lianhuan", "cc-ytheatre", "festivals community-meal", "zh_Hans",
  "春节联欢会",
  "农历新年期间为长者举办的联欢会，有饺子、年糕、舞狮和大家自己准备的节目。"
  "独居的长者特别欢迎，行动不便的可以安排志愿者接送。请在一月底之前报名。",
  tr={"en": ("Chinese New Year Party",
             "A New Year party for older people, with dumplings, rice cake, a lion dance and performances "
             "by members. People who live alone are especially welcome, and volunteers can give lifts to "
             "anyone with mobility problems. Please sign up by the end of January.")},
  langs="zh yue en", cost=2.0, join="ring_first", transport=True, org="lcea",
  sched=[("MD 6 12:00-16:00", {"valid_from": "2027-02-06", "valid_to": "2027-02-06",
                               "description": "Saturday 6 February 2027, 12:00 to 16:00",
                               "notes": "Once a year, at Chinese New Year"})],
  verified="2026-11-16"),

S("cc-shouji-diannao-ban", "cc-adult", "smartphone-help computer-help", "zh_Hans",
  "长者手机电脑班",
  "手把手教长者使用智能手机和电脑：微信视频、网上预约医生、查公交时间、防范电话诈骗。"
  "每班最多八人，老师讲普通话，进度慢一点也没关系。只在学期内上课。",
  tr={"en": ("Phones and Computers for Chinese Elders",
             "Step-by-step help for older people using smartphones and computers: WeChat video calls, "
             "booking a GP appointment online, checking bus times and avoiding phone scams. At most eight "
             "per class; the teacher speaks Mandarin and it's fine to go slowly. Term time only.")},
  langs="zh", sched=[("W TH 10:00-12:00", TT)], cost="free", org="digital", verified="2026-09-11"),

S("cc-taiji-jianshen-ban", "cc-pagoda", "tai-chi", "zh_Hant",
  "長者太極健身班",
  "逢星期二同星期五上午練習簡化太極拳，師傅用廣東話教，動作慢慢嚟，膝頭唔好都跟得上。"
  "第一次嚟可以淨係喺旁邊睇，唔使報名。練完之後大家會一齊去飲茶。",
  tr={"en": ("Tai Chi Fitness for Older People",
             "Simplified tai chi on Tuesday and Friday mornings, taught in Cantonese. The movements are "
             "slow, so even people with bad knees can keep up. On your first visit you can just watch from "
             "the side; no need to sign up. Afterwards everyone goes for dim sum together.")},
  langs="yue en", sched=["W TU,FR 09:30-10:30"], cost=2.0, org="lcea", verified="2026-10-09"),

S("cc-yigong-tanfang", "cc-pagoda", "volunteering befriending", "zh_Hant",
  "義工招募：探訪獨居長者",
  "我哋需要識講廣東話或者普通話嘅義工，每星期抽一個鐘去探訪獨居長者，陪佢哋傾偈、行街或者幫手睇信。"
  "會提供培訓，亦會報銷交通費。退休人士特別歡迎。",
  tr={"en": ("Volunteers wanted: visiting Chinese elders who live alone",
             "We need volunteers who speak Cantonese or Mandarin to spend an hour a week visiting an older "
             "person who lives alone: chatting, going for a walk or helping read letters. Training is "
             "provided and travel expenses are paid. Retired people are especially welcome.")},
  langs="yue zh en", cost="free", join="ring_first", min_age=18, org="lcea", area="east-leicester",
  elig="Anyone aged 18 or over who speaks Cantonese or Mandarin", verified="2026-08-28"),

S("cc-xinling-chaju", "cc-pagoda", "mental-health-support", "zh_Hant",
  "長者心靈健康茶聚",
  "每月第三個星期四下午，大家飲茶食點心，輕鬆傾吓心事。有社工同埋受過訓練嘅義工喺度，"
  "如果最近瞓得唔好、成日唔開心或者覺得好孤單，可以同佢哋講，所有說話都會保密。",
  tr={"en": ("Wellbeing Tea for Chinese Elders",
             "On the third Thursday of each month, have tea and dim sum and talk things over in a relaxed "
             "way. A social worker and trained volunteers are there; if you've been sleeping badly, feeling "
             "down or very lonely, you can talk to them in confidence.")},
  langs="yue zh", sched=["M 3TH 14:00-16:00"], cost="free", org="mindful", verified="2026-06-18"),
]
