"""Wycliffe ward listings (fictional)."""
from .common import S

TT = {"valid_from": "2026-09-07", "valid_to": "2026-12-17", "notes": "Term time only"}
SUMMER = {"valid_from": "2026-04-18", "valid_to": "2026-09-19", "notes": "April to September, weather permitting"}
GROW = {"valid_from": "2026-03-05", "valid_to": "2026-10-29", "notes": "March to October"}

LISTINGS = [
S("wyc-benefits-drop-in", "wyc-advice", "benefits-advice advice", "en",
  "Benefits Advice Drop-in",
  "Not sure if you can get Pension Credit, Attendance Allowance or help with council tax? Drop in on "
  "Monday or Wednesday morning and an adviser will check what you are entitled to and help fill in the "
  "forms. Advisers speak Gujarati, Urdu, Punjabi and Somali; Polish and Chinese interpreters can be "
  "booked. Bring any letters you have been sent and your bank card or statement.",
  tr={"gu": ("સરકારી લાભો અંગે સલાહ – ડ્રૉપ-ઇન",
             "પેન્શન ક્રેડિટ, અટેન્ડન્સ અલાઉન્સ કે કાઉન્સિલ ટૅક્સમાં રાહત મળી શકે કે નહીં એ ખબર નથી? "
             "સોમવારે કે બુધવારે સવારે સીધા આવો; સલાહકાર તમને શું મળી શકે એ તપાસીને ફોર્મ ભરવામાં મદદ કરશે. "
             "તમને આવેલા પત્રો અને બૅન્કનું કાર્ડ કે સ્ટેટમેન્ટ સાથે લાવજો."),
      "pl": ("Porady w sprawie zasiłków – bez zapisów",
             "Nie wiesz, czy przysługuje ci Pension Credit, Attendance Allowance albo zniżka na council "
             "tax? Przyjdź w poniedziałek lub środę rano – doradca sprawdzi, co ci się należy, i pomoże "
             "wypełnić formularze. Tłumacza polskiego można zamówić telefonicznie. Zabierz otrzymane "
             "listy i kartę bankową lub wyciąg."),
      "zh_Hans": ("福利咨询（无需预约）",
                  "不清楚自己能不能申请养老金补助（Pension Credit）、护理津贴或市政税减免？周一或周三上午"
                  "直接来，顾问会帮你核对可以领取的福利并协助填表。需要中文翻译请提前打电话预约。"
                  "请带上收到的信件和银行卡或银行账单。")},
  langs="en gu ur pa so", sched=["W MO,WE 10:00-13:00"], cost="free", org="hap", min_age=None,
  elig="Anyone living in Leicester", verified="2026-11-18"),

S("wyc-gentle-yoga", "wyc-stm", "yoga", "en",
  "Gentle Yoga for Over-50s",
  "A slow, gentle yoga class for people who are new to yoga or a bit stiff. We start seated, then do "
  "some standing postures with a chair for support, and finish lying down for relaxation (or stay in "
  "your chair if you prefer). Mats and blocks are provided.",
  langs="en", sched=["W TH 10:00-11:00"], cost=(3.0, 2.0), org="stm", verified="2026-10-16"),

S("wyc-friday-lunch", "wyc-stm", "lunch-club", "en",
  "St Matthew's Friday Lunch",
  "A two-course lunch cooked in the centre kitchen every Friday, with a halal main and a vegetarian "
  "option, followed by a quiz or bingo. Lots of people come on their own and leave with a lunch "
  "partner. Ring by Wednesday so the cook knows how many to expect.",
  tr={"gu": ("સેન્ટ મૅથ્યુઝ શુક્રવાર ભોજન",
             "દર શુક્રવારે સેન્ટરના રસોડામાં બનેલું બે વાનગીનું ભોજન — હલાલ અને શાકાહારી બંને — પછી "
             "ક્વિઝ કે બિંગો. રસોઈયાને ખબર પડે એ માટે બુધવાર સુધીમાં ફોન કરી દેજો.")},
  langs="en ur so", sched=["W FR 12:00-13:30"], cost=2.5, join="ring_first", org="stm",
  food=["halal", "vegetarian"], verified="2026-09-19"),

S("wyc-coffee-morning", "wyc-stm", "coffee-morning", "en",
  "Tuesday Coffee Morning",
  "Tea, coffee, toast and a friendly face at St Matthew's. Some people stay ten minutes, others all "
  "morning doing the crossword. The community connector is usually around if you want to talk about "
  "other groups.",
  langs="en", sched=["W TU 10:00-12:00"], cost="donation", org="stm", min_age=None,
  elig="Everyone welcome", verified="2026-08-24"),

S("wyc-bingo-bhaji", "wyc-hcc", "social-club", "en",
  "Highfields Bingo and Bhaji",
  "Thursday afternoon bingo with hot bhajis and tea at half time. The room only holds forty, so the "
  "club is full at the moment; leave your name and you will be called when a place comes free.",
  langs="en gu ur", sched=["W TH 13:30-15:30"], cost=1.0, join="waiting_list", status="full",
  org="hcc", food=["vegetarian"], verified="2026-10-23"),

S("wyc-moat-road-garden", "wyc-garden", "community-garden environment-and-gardening", "en",
  "Moat Road Community Garden – open mornings",
  "Two open mornings a week in a small walled garden with raised beds, a polytunnel and a kettle. "
  "Come and help with sowing, weeding and watering, or just sit among the flowers. Produce is shared "
  "between everyone who helps.",
  tr={"gu": ("મોટ રોડ સામૂહિક બગીચો – ખુલ્લી સવાર",
             "અઠવાડિયે બે સવાર નાનો બગીચો ખુલ્લો રહે છે: ઊંચા ક્યારા, પ્લાસ્ટિકનું ગ્રીનહાઉસ અને ચાની કીટલી. "
             "વાવણી, નીંદણ અને પાણી પાવામાં મદદ કરો, અથવા ફૂલો વચ્ચે બેસી રહો.")},
  langs="en gu", sched=[("W TU,SA 10:00-12:30", GROW)], cost="free", min_age=None,
  org=("Moat Road Growers", "Volunteers who run Moat Road Community Garden.", "moatgrowers"),
  verified="2026-06-21"),

S("wyc-skill-swap", "wyc-hcc", "skill-sharing volunteering-and-skill-sharing", "en",
  "Highfields Skill Swap",
  "Can you cook a good dal, mend a bike, speak Somali or write a letter to the council? At the skill "
  "swap, neighbours offer an hour of what they know and get an hour of help back. Older members are "
  "some of our busiest teachers. Come to the monthly evening to sign up.",
  tr={"gu": ("હાઇફિલ્ડ્સ કૌશલ્ય અદલાબદલી",
             "સારી દાળ બનાવતાં આવડે, સાઇકલ રિપેર કરી શકો કે કાઉન્સિલને પત્ર લખી શકો? અહીં પડોશીઓ "
             "પોતાની આવડતનો એક કલાક આપે અને બદલામાં એક કલાકની મદદ મેળવે. નામ નોંધાવવા મહિનાની સાંજની બેઠકમાં આવો."),
      "pl": ("Wymiana umiejętności w Highfields",
             "Umiesz ugotować dobrą zupę, naprawić rower albo napisać pismo do urzędu? Sąsiedzi oferują "
             "godzinę swojej pomocy i dostają w zamian godzinę pomocy od innych. Zapisy na comiesięcznym "
             "wieczornym spotkaniu.")},
  langs="en gu so", sched=["M 1MO 18:00-19:30"], cost="free", org="timebank", min_age=18,
  elig="Anyone aged 18 or over", verified="2026-08-04"),

S("wyc-community-choir", "wyc-church", "singing-and-choir", "en",
  "Highfields Community Choir",
  "A friendly choir singing songs from many places: gospel, Bollywood, Motown and folk. No auditions and "
  "no need to read music; words are printed in large type. Chairs are available for anyone who needs "
  "to sit.",
  langs="en", sched=["W WE 14:00-15:30"], cost="donation", faith="church", min_age=None,
  elig="Adults of any age", org=("Highfields Community Choir", "An open community choir.", "choir"),
  verified="2025-12-02"),

S("wyc-care-support-surgery", "wyc-advice", "social-care-advice carers-support", "en",
  "Care and Support Surgery",
  "Talk to an adviser about getting help at home, equipment such as grab rails, a care assessment from "
  "the council or what happens if you need a care home. Carers are welcome to come on behalf of the "
  "person they look after. Appointments are 30 minutes.",
  langs="en gu ur", sched=["M 3WE 13:30-16:00"], cost="free", join="ring_first", org="hap",
  min_age=None, elig="Older people, disabled people and their carers", verified="2026-07-29"),

S("wyc-money-matters", "wyc-hub", "pensions-advice", "en",
  "Money Matters: pensions, bills and debt",
  "Every other Thursday a money adviser helps with state and work pensions, energy bills, budgeting "
  "and debts. It is free and confidential, and the adviser can ring companies for you while you are "
  "there.",
  langs="en", sched=["F TH 10:00-12:00"], cost="free", join="ring_first", org="hap", min_age=None,
  elig="Anyone", verified="2026-09-10"),

S("wyc-learn-my-way", "wyc-hub", "computer-help", "en",
  "Computer Basics Course",
  "A six-week beginners' computer course covering the mouse, e-mail and safe browsing. The course has "
  "ended and will not run again; for help with computers try Computer Buddies at Highfields Library.",
  langs="en", sched=[("W MO 13:00-15:00", {"valid_from": "2025-01-13", "valid_to": "2025-02-17"})],
  cost="free", status="closed", org="digital", verified="2025-02-20"),

S("wyc-mens-breakfast", "wyc-lounge", "coffee-morning social-club", "en",
  "Men's Breakfast Club",
  "A cooked breakfast (halal) and a chance for older men to catch up, talk football and politics, and "
  "sometimes hear a short talk about health. Quite a few men come along with their sons the first time.",
  langs="en ur pa so", sched=["W SA 09:00-10:30"], cost=2.0, gender="men_only", food=["halal"],
  org=("Wycliffe Men's Network", "A volunteer group for older men in Wycliffe.", "mensnetwork"),
  verified="2026-08-15"),

S("wyc-living-with-loss", "wyc-church", "bereavement-support", "en",
  "Living with Loss",
  "A small group for people who have lost a partner or someone close, meeting every other Thursday. "
  "The group is paused while we train new facilitators and hopes to restart in the spring; you can "
  "still ring for a one-to-one chat.",
  langs="en", sched=["F TH 14:00-15:30"], cost="free", join="ring_first", status="paused",
  faith="church", org="llln", verified="2026-10-12"),

S("wyc-sisters-exercise", "wyc-masjid", "chair-exercise exercise-general", "en",
  "Sisters' Gentle Exercise",
  "Chair-based and standing exercises for women at the masjid hall, with a female instructor and "
  "separate entrance. Sessions are short and paced for women with arthritis, diabetes or after an "
  "illness. Urdu, Gujarati and Somali are spoken.",
  langs="en ur gu so", sched=["W MO 11:00-12:00"], cost=1.0, gender="women_only", faith="mosque",
  org=("Masjid Bilal Welfare Trust", "Welfare trust of a mosque on Sparkenhoe Street.", "bilal"),
  verified="2026-04-20"),

S("wyc-close-encounters", "wyc-lounge", "street-gathering", "en",
  "Close Encounters on Maidstone Road",
  "Tea and biscuits on the pavement outside the community lounge on the third Saturday of the month in "
  "the warmer months. Neighbours bring chairs out, children play and older residents who rarely go out "
  "get to meet the people next door.",
  langs="en gu ur", sched=[("M 3SA 14:00-16:00", SUMMER)], cost="free", org="lat", min_age=None,
  elig="All neighbours, any age", verified="2026-07-30"),

S("wyc-pranayam-dhyan", "wyc-mandir", "yoga mental-health-support", "gu",
  "પ્રાણાયામ અને ધ્યાન",
  "રવિવારે વહેલી સવારે શ્રીકૃષ્ણ મંદિરના હૉલમાં એક કલાક પ્રાણાયામ, ધ્યાન અને હળવાં આસન. "
  "મન શાંત રાખવું હોય, ઊંઘ ન આવતી હોય કે ચિંતા રહેતી હોય તો ઘણાને ફાયદો થયો છે. "
  "ખુરશી પર બેસીને પણ કરી શકાય છે.",
  tr={"en": ("Pranayama and Meditation",
             "Early on Sunday mornings, an hour of breathing practice, meditation and gentle postures in "
             "the Shree Krishna Mandir hall. Many people find it helps if they want a calmer mind, "
             "struggle to sleep or tend to worry. It can be done sitting on a chair.")},
  langs="gu hi", sched=["W SU 08:00-09:00"], cost="donation", faith="temple",
  org=("Shree Krishna Mandir", "Hindu temple in Highfields.", "krishnamandir"), verified="2026-09-28"),

S("wyc-cha-pani-gapshap", "wyc-lounge", "pop-in-cafe", "gu",
  "ચા-પાણી અને ગપસપ",
  "બુધવારે સવારે લાઉન્જમાં ચા, ખાખરા અને થેપલાં સાથે ગપસપ. "
  "ઘરે એકલા બેસી રહેવા કરતાં અહીં આવો — છાપું વાંચો, કૅરમ રમો કે બસ બારી પાસે બેસીને લોકોને મળો. "
  "પહેલી વાર આવો તો કનેક્ટર બહેન સાથે આવી શકે છે.",
  tr={"en": ("Tea and Chat Pop-in",
             "On Wednesday mornings there is tea, khakhra and thepla and a chat in the lounge. Rather than "
             "sitting alone at home, come and read the paper, play carrom or just sit by the window and "
             "meet people. On your first visit the community connector can come with you.")},
  langs="gu hi", sched=["W WE 10:00-12:00"], cost="free", org="lat", food=["vegetarian"],
  verified="2026-05-05"),

S("wyc-pension-credit-gu", "wyc-advice", "benefits-advice pensions-advice", "gu",
  "પેન્શન ક્રેડિટ તપાસ – ગુજરાતીમાં મદદ",
  "ઘણા વડીલોને ખબર જ નથી હોતી કે તેઓ પેન્શન ક્રેડિટ માટે હકદાર છે, અને એ મળે તો કાઉન્સિલ ટૅક્સ અને ટીવી લાઇસન્સમાં પણ રાહત મળે. "
  "મહિનાના બીજા ગુરુવારે ગુજરાતી બોલતા સલાહકાર તમારી આવક જોઈને તપાસ કરી આપે છે અને ફોર્મ ભરી આપે છે. "
  "પેન્શનના પત્રો અને બૅન્ક સ્ટેટમેન્ટ લાવજો.",
  tr={"en": ("Pension Credit Check – help in Gujarati",
             "Many older people don't know they are entitled to Pension Credit, which also brings help "
             "with council tax and the TV licence. On the second Thursday of the month a Gujarati-speaking "
             "adviser looks at your income, checks your entitlement and fills in the form with you. "
             "Bring your pension letters and bank statements.")},
  langs="gu en", sched=["M 2TH 10:00-12:30"], cost="free", join="ring_first", org="hap",
  min_age=66, elig="People over State Pension age", verified="2026-10-08"),

S("wyc-vadil-bhaio", "wyc-mandir", "social-club", "gu",
  "વડીલ ભાઈઓની બેઠક",
  "મંગળવારે બપોરે મંદિરના પાછળના રૂમમાં ભાઈઓ ભેગા થાય છે — ચા, છાપાં, ચેસ અને દેશ-દુનિયાની ચર્ચા. "
  "નિવૃત્તિ પછી દિવસ લાંબો લાગતો હોય તો આવી જાઓ. "
  "ક્યારેક બધા સાથે બસમાં બેસીને બહાર ફરવા પણ જાય છે.",
  tr={"en": ("Elder Men's Gathering",
             "On Tuesday afternoons men meet in the back room of the temple for tea, newspapers, chess "
             "and a good discussion about the world. Come along if the days feel long since you retired. "
             "Sometimes the group takes the bus out somewhere together.")},
  langs="gu hi", sched=["W TU 15:00-17:00"], cost="free", gender="men_only", faith="temple",
  org=("Shree Krishna Mandir", "Hindu temple in Highfields.", "krishnamandir"), verified="2025-12-15"),

S("wyc-phone-mitrata", None, "befriending", "gu",
  "ફોન પર મિત્રતા",
  "બહાર જઈ શકતા ન હો તો અઠવાડિયામાં એક કે બે વાર ગુજરાતી બોલતા સ્વયંસેવક તમને ફોન કરશે — ખબરઅંતર પૂછશે, વાતો કરશે, ક્યારેક ભજન પણ સંભળાવશે. "
  "કનેક્ટર, ડૉક્ટર કે પરિવારજન તમારું નામ મોકલી શકે. "
  "ફોનનો સમય તમારી અનુકૂળતા પ્રમાણે નક્કી થાય છે.",
  langs="gu", area="wycliffe", cost="free", join="referral", org="llln",
  apply="Referral by a community connector, GP or family member", verified="2026-09-04"),

S("wyc-shakbhaji-ugadie", "wyc-garden", "community-garden", "gu",
  "ચાલો શાકભાજી ઉગાડીએ",
  "ગુરુવારે સવારે મોટ રોડના બગીચામાં દૂધી, તુરિયાં, મરચાં અને મેથી વાવીએ છીએ. "
  "ઘણી બહેનો અને ભાઈઓ ગામડે ખેતી કરી ચૂક્યા છે, એટલે અહીં નવી પેઢીને પણ શીખવે છે. "
  "ક્યારા ઊંચા છે, વાંકા વળવું પડતું નથી.",
  tr={"en": ("Let's Grow Vegetables",
             "On Thursday mornings we sow dudhi, turia, chillies and methi in the Moat Road garden. Many "
             "of the women and men farmed back in their villages and teach younger people here too. The "
             "beds are raised, so there's no need to bend.")},
  langs="gu", sched=[("W TH 10:00-12:00", GROW)], cost="free",
  org=("Moat Road Growers", "Volunteers who run Moat Road Community Garden.", "moatgrowers"),
  verified="2026-06-11"),

S("wyc-angielski-konwersacje", "wyc-hub", "english-classes", "pl",
  "Angielski dla seniorów – konwersacje",
  "Wieczorne zajęcia dla osób, które rozumieją trochę po angielsku, ale boją się mówić. Ćwiczymy "
  "sytuacje z życia: rozmowa z lekarzem, telefon do banku, zakupy. Grupa jest mała, a lektorka "
  "cierpliwa. Zajęcia odbywają się tylko w czasie semestru.",
  tr={"en": ("English conversation for seniors",
             "Evening classes for people who understand some English but are afraid to speak it. We "
             "practise real situations: talking to the doctor, ringing the bank, shopping. The group is "
             "small and the teacher is patient. Classes run in term time only.")},
  langs="pl en", sched=[("W TH 18:00-19:30", TT)], cost=(2.0, 1.0), org="psl", min_age=50,
  verified="2026-09-05"),

S("wyc-kawiarenka-opiekunow", "wyc-stm", "carers-group", "pl",
  "Kawiarenka dla opiekunów",
  "Opiekujesz się mężem, mamą albo chorym dzieckiem? Raz w miesiącu spotykamy się przy kawie, żeby "
  "odpocząć, wymienić się doświadczeniami i dowiedzieć się, jaka pomoc przysługuje opiekunom w Anglii. "
  "Osobę, którą się opiekujesz, można przyprowadzić ze sobą.",
  tr={"en": ("Carers' Café in Polish",
             "Do you look after your husband, your mother or a sick child? Once a month we meet over "
             "coffee to take a break, share experiences and find out what help carers can get in England. "
             "You can bring the person you care for with you.")},
  langs="pl", sched=["M 4WE 10:00-12:00"], cost="free", org="carers", min_age=18,
  elig="Unpaid carers", verified="2026-08-12"),

S("wyc-laonianren-taiji", "wyc-chinese", "tai-chi", "zh_Hans",
  "老年人太极班",
  "每周一和周四上午练习杨式太极拳和八段锦，动作缓慢，适合膝盖不好或者刚开始锻炼的长者。"
  "老师用普通话讲解，也会说一点粤语。第一次来可以先在旁边看看，穿宽松的衣服和平底鞋就行。",
  tr={"en": ("Tai Chi for Older People",
             "Yang-style tai chi and Baduanjin on Monday and Thursday mornings. The movements are slow, "
             "suitable for people with bad knees or who are just starting to exercise. The teacher "
             "explains in Mandarin and speaks a little Cantonese. On your first visit you can watch "
             "from the side; wear loose clothes and flat shoes.")},
  langs="zh yue", sched=["W MO,TH 10:00-11:00"], cost=2.0, org="lcea", verified="2026-10-19"),

S("wyc-changzhe-yingyu", "wyc-chinese", "english-classes", "zh_Hans",
  "长者英语会话班",
  "学习看病、买东西、坐公交时用得上的简单英语。每次课先复习上周的句子，再分组练习对话。"
  "老师会讲中文，听不懂可以随时问。只在学期内上课。",
  tr={"en": ("English Conversation for Chinese Elders",
             "Learn the simple English you need at the doctor's, in shops and on the bus. Each class "
             "starts by going over last week's phrases, then we practise in small groups. The teacher "
             "speaks Chinese, so you can ask at any time. Term time only.")},
  langs="zh en", sched=[("W WE 14:00-15:30", TT)], cost="free", org="lcea", verified="2026-09-15"),

S("wyc-yuequ-ban", "wyc-chinese", "music singing-and-choir", "zh_Hant",
  "長者粵曲班",
  "逢星期五下午一齊唱粵曲、聽老歌，有師傅拉二胡伴奏。唔識唱都冇問題，坐低聽聽、飲杯茶都好開心。"
  "每年中秋會喺會堂做一場小型表演。",
  tr={"en": ("Cantonese Opera Singing",
             "On Friday afternoons we sing Cantonese opera and old songs together, accompanied by a "
             "teacher on the erhu. It doesn't matter if you can't sing; many people just sit, listen and "
             "have a cup of tea. Every Mid-Autumn Festival we put on a small show in the hall.")},
  langs="yue", sched=["W FR 14:00-16:00"], cost=1.0, org="lcea", verified="2026-01-08"),
]
