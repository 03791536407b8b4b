"""Thurncourt ward listings (fictional)."""
from .common import S

SUMMER = {"valid_from": "2026-05-02", "valid_to": "2026-09-26", "notes": "May to September"}

LISTINGS = [
S("thu-keep-moving-mondays", "thu-cc", "exercise-general", "en",
  "Keep Moving Mondays",
  "A mixed keep-fit session: a warm-up to music, some light hand weights, balance practice and a few "
  "yoga-style stretches to finish. Everything can be done standing or sitting, and the instructor "
  "shows an easier and a harder version of each move. Tea afterwards in the café area.",
  langs="en", sched=["W MO 10:00-11:00"], cost=(3.0, 2.0), org="thu-cc", verified="2026-10-05"),

S("thu-tuesday-lunch", "thu-cc", "lunch-club food-and-meals", "en",
  "Thurncourt Tuesday Lunch Club",
  "A hot two-course lunch cooked on site, with a different menu every week and a vegetarian choice. "
  "The community minibus picks up members from home within the ward. After lunch there's bingo or a "
  "visiting entertainer on the last Tuesday of the month.",
  tr={"pl": ("Wtorkowy klub obiadowy w Thurncourt",
             "Ciepły obiad z dwóch dań, gotowany na miejscu, co tydzień inne menu i opcja wegetariańska. "
             "Minibus odbiera uczestników z domu. Po obiedzie bingo, a w ostatni wtorek miesiąca "
             "występ artysty.")},
  langs="en", sched=["W TU 12:00-13:30"], cost=4.0, join="ring_first", transport=True, org="thu-cc",
  food=["vegetarian"], verified="2026-11-10"),

S("thu-pop-in", "thu-cafe", "pop-in-cafe", "en",
  "Scraptoft Lane Pop-in",
  "A bright little café run by volunteers where you can sit as long as you like over a pot of tea. "
  "Toast and soup are cheap, and there's a shelf of books and jigsaws to borrow. A community connector "
  "pops in on Friday mornings.",
  langs="en pl", sched=["W WE,FR 10:00-13:00"], cost="donation", org="lat", min_age=None,
  elig="Everyone welcome", verified="2026-09-29"),

S("thu-listening-bench", "thu-rec", "listening-bench", "en",
  "Listening Bench at Thurncourt Rec",
  "Our volunteer listener sits on the bench by the play area on Thursday mornings from May to "
  "September. People come by with their dogs, on the way to the shops or just for a natter. In winter "
  "the same volunteer is at the Scraptoft Lane Pop-in instead.",
  langs="en", sched=[("W TH 10:30-12:00", SUMMER)], cost="free", org="lat", verified="2026-06-25"),

S("thu-close-encounters", "thu-rec", "street-gathering", "en",
  "Close Encounters in Thurnby Lodge",
  "A Saturday afternoon get-together on the green once a month in summer: gazebo, cakes, a tea urn and "
  "garden games. It started as a way for neighbours on the estate to meet, and now draws people from "
  "all the surrounding streets.",
  tr={"pl": ("Spotkania sąsiedzkie w Thurnby Lodge",
             "Raz w miesiącu latem w sobotnie popołudnie spotykamy się na trawniku: namiot, ciasta, "
             "herbata i gry ogrodowe. Zaczęło się od sąsiadów z osiedla, a teraz przychodzą ludzie z "
             "całej okolicy.")},
  langs="en", sched=[("M 2SA 14:00-16:30", SUMMER)], cost="free", org="lat", min_age=None,
  elig="All neighbours, any age", verified="2026-08-09"),

S("thu-short-mat-bowls", "thu-sports", "exercise-general social-club", "en",
  "Short Mat Bowls Club",
  "Indoor bowls on a roll-out mat: gentle, sociable and surprisingly competitive. Woods are provided and "
  "flat-soled shoes are all you need. New players get a coach for their first few weeks.",
  langs="en", sched=["W TH 13:30-15:30"], cost=2.5, org="thu-cc", verified="2026-07-17"),

S("thu-sequence-dancing", "thu-club", "dance", "en",
  "Sequence Dancing at the Social Club",
  "Sequence and old-time dancing on Monday afternoons. The club is paused until the new year while "
  "the dance floor is relaid.",
  langs="en", sched=["W MO 14:00-16:00"], cost=3.0, status="paused",
  org=("Thurncourt Social Club", "Members' social club open to the public for daytime events.", None),
  verified="2026-10-30"),

S("thu-allotment-buddies", "thu-allot", "community-garden volunteering", "en",
  "Allotment Buddies",
  "Experienced allotment holders pair up with newcomers to share a plot, tools and know-how. Two plots "
  "have raised beds and a hard path for wheelchair users. It's a good way to get outdoors and meet "
  "people without having to join a formal group.",
  langs="en", sched=["W SA 10:00-12:00"], cost="free", join="ring_first",
  org=("Thurnby Lodge Allotment Society", "Allotment society in Thurnby Lodge.", "allotments"),
  verified="2026-03-19"),

S("thu-health-mot", "thu-health", "health-check", "en",
  "Over-50s Health MOT",
  "A free half-hour check with a health care assistant: blood pressure, cholesterol, weight and a chat "
  "about smoking, drinking and activity. You don't have to be registered at this practice. Book by "
  "phone or ask at reception.",
  langs="en", sched=["M 2WE 09:00-12:00"], cost="free", join="ring_first",
  org=("Thurncourt Health Centre", "GP practice and health centre.", "thurncourthealth"),
  verified="2026-09-08"),

S("thu-strength-balance", "thu-cc", "falls-prevention", "en",
  "Strength and Balance at Thurncourt",
  "A 24-week falls-prevention course run by a postural stability instructor. You need a referral from "
  "your GP, a physiotherapist or the falls service, or you can ring to be assessed. Transport can be "
  "arranged for people who can't use the bus.",
  langs="en", sched=["W TH 10:00-11:00"], cost="free", join="referral", transport=True, org="llln",
  apply="Referral from GP, physiotherapist or falls service; or ring for an assessment",
  verified="2026-10-22"),

S("thu-carers-cafe", "thu-church", "carers-group", "en",
  "Thurncourt Carers' Café",
  "A relaxed café afternoon for anyone looking after someone, with cake, a chat and a visit each "
  "month from someone who can help: a benefits adviser, a nurse, the council's carers' team. Bring the "
  "person you care for if that's easier.",
  langs="en", sched=["M 4TU 13:30-15:30"], cost="free", faith="church", org="carers", min_age=18,
  elig="Unpaid carers", verified="2026-07-28"),

S("thu-tablet-tea-party", "thu-lib", "smartphone-help", "en",
  "Tablet Tea Party",
  "Bring your phone or tablet and a question, and a volunteer will help over a cup of tea: video calls "
  "with family, online shopping, photos, or staying safe from scams. We also lend tablets for a month "
  "to people who want to try before they buy.",
  tr={"zh_Hans": ("平板电脑茶话会",
                  "带上您的手机或平板电脑和想问的问题，志愿者会边喝茶边教您：和家人视频通话、网上购物、"
                  "整理照片、防范诈骗。还可以免费借平板电脑回家试用一个月。")},
  langs="en", sched=["F FR 14:00-16:00"], cost="free", org="digital", verified="2026-05-27"),

S("thu-food-bank", "thu-church", "food-bank", "en",
  "Thurnby Lodge Food Bank",
  "Three days' worth of food for you and your household, plus toiletries and sometimes fresh bread. "
  "You need a voucher from an agency such as Citizens Advice, your GP surgery or a community connector; "
  "ring us if you're not sure how to get one.",
  tr={"pl": ("Bank żywności w Thurnby Lodge",
             "Żywność na trzy dni dla całego gospodarstwa domowego, środki czystości, czasem świeży chleb. "
             "Potrzebny jest voucher, np. z Citizens Advice, przychodni albo od community connectora; "
             "prosimy zadzwonić, jeśli nie wiesz, jak go dostać.")},
  langs="en pl", sched=["W TU,FR 13:00-15:00"], cost="free", join="referral", faith="church",
  min_age=None, elig="Anyone with a food bank voucher",
  org=("Thurnby Lodge Food Bank", "Church-hosted food bank.", "foodbank"), verified="2026-11-19"),

S("thu-shed", "thu-allot", "mens-shed", "en",
  "The Thurncourt Shed",
  "A woodwork shed for older men beside the allotments. The group closed in 2025 after losing its "
  "workshop; members now go to Belgrave Men's Shed.",
  langs="en", sched=["W WE 10:00-13:00"], cost="donation", gender="men_only", status="closed",
  org=("Thurncourt Shed", "Former men's shed group.", None), verified="2025-07-01"),

S("thu-book-chat", "thu-lib", "learning", "en",
  "Thurnby Lodge Book Chat",
  "A relaxed reading group that picks short books and large-print editions, and reads poems aloud when "
  "nobody has finished the book. Audiobook versions are available for people whose eyesight isn't what "
  "it was.",
  langs="en", sched=["M 1TH 14:00-15:30"], cost="free",
  org=("Thurnby Lodge Community Library", "Volunteer-supported community library.", "thurnbylibrary"),
  verified="2026-08-13"),

S("thu-good-neighbours", "thu-cc", "befriending volunteering", "en",
  "Thurncourt Good Neighbours",
  "Volunteers from the estate visit neighbours who live alone, help with small jobs and shopping, and "
  "give lifts to appointments. We are always looking for new volunteers too, especially drivers. "
  "Ring the community centre to ask for a visit or to offer help.",
  langs="en", area="thurncourt", cost="free", join="ring_first", org="thu-cc", min_age=None,
  elig="Older residents of Thurncourt ward; volunteers aged 18+", verified="2026-09-16"),

S("thu-gujarati-mitra-mandal", "thu-cc", "social-club", "gu",
  "ગુજરાતી વડીલ મિત્ર મંડળ – થર્નકોર્ટ",
  "થર્નકોર્ટ અને હમ્બરસ્ટોન બાજુ રહેતા ગુજરાતી વડીલો દર બીજા બુધવારે સેન્ટરમાં મળે છે. "
  "આ બાજુ ગુજરાતી ઓછા રહે છે, એટલે ઘણાને અહીં આવીને જાણે પોતાના ગામના લોકો મળ્યા એવું લાગે છે. "
  "ચા, નાસ્તો, અંતાક્ષરી અને ક્યારેક બેલગ્રેવ સુધીની સામૂહિક મુસાફરી.",
  tr={"en": ("Gujarati Elders' Friendship Circle – Thurncourt",
             "Gujarati older people living around Thurncourt and Humberstone meet at the centre every other "
             "Wednesday. Few Gujarati families live on this side of the city, so many say it feels like "
             "meeting people from their own village. Tea, snacks, antakshari and the odd group trip to Belgrave.")},
  langs="gu hi", sched=["F WE 14:00-16:00"], cost=1.0, org="thu-cc", food=["vegetarian"],
  verified="2026-10-01"),

S("thu-rozaniec-herbata", "thu-stjoseph", "faith-group", "pl",
  "Różaniec i herbata",
  "W środy rano odmawiamy razem różaniec w kościele, a potem przechodzimy do salki na herbatę i "
  "rozmowę. Przychodzą głównie panie, ale panowie też są mile widziani. Dla osób słabiej widzących "
  "mamy modlitewniki z dużą czcionką.",
  tr={"en": ("Rosary and Tea",
             "On Wednesday mornings we pray the rosary together in the church, then move to the small hall "
             "for tea and a chat. Mostly women come, but men are welcome too. We have large-print prayer "
             "books for anyone with poor eyesight.")},
  langs="pl", sched=["W WE 10:00-11:30"], cost="free", faith="church", org="psl",
  verified="2026-07-01"),

S("thu-obiady-czwartkowe", "thu-stjoseph", "lunch-club", "pl",
  "Czwartkowe obiady po polsku",
  "Co czwartek gotujemy polski obiad: zupa (żurek, ogórkowa albo pomidorowa), drugie danie i kompot. "
  "Przy stole siedzi się długo, rozmawia o Polsce, o wnukach i o wszystkim. Nowe osoby prosimy o "
  "telefon dzień wcześniej, żeby starczyło dla wszystkich.",
  tr={"en": ("Thursday Polish Lunches",
             "Every Thursday we cook a Polish lunch: soup (żurek, dill pickle or tomato), a main course and "
             "kompot. People linger at the table talking about Poland, grandchildren and everything else. "
             "If you're new, please ring the day before so there's enough for everyone.")},
  langs="pl", sched=["W TH 12:30-14:00"], cost=4.0, join="ring_first", faith="church", org="psl",
  verified="2026-09-24"),

S("thu-gimnastyka-dla-pan", "thu-sports", "exercise-general falls-prevention", "pl",
  "Gimnastyka dla pań 60+",
  "Zajęcia ruchowe tylko dla kobiet: rozgrzewka, ćwiczenia wzmacniające nogi i plecy, trochę "
  "równowagi i rozciąganie przy muzyce. Prowadzi fizjoterapeutka, która mówi po polsku i po angielsku. "
  "Na pierwsze zajęcia warto przyjść kwadrans wcześniej.",
  tr={"en": ("Exercise for Women 60+",
             "An exercise class for women only: warm-up, exercises to strengthen legs and back, a little "
             "balance work and stretching to music. It is led by a physiotherapist who speaks Polish and "
             "English. Come fifteen minutes early for your first class.")},
  langs="pl en", sched=["W MO 11:00-12:00"], cost=3.0, gender="women_only", min_age=60,
  org=("Aktywni 60+", "A Polish women's exercise group.", "aktywni"), verified="2026-08-31"),

S("thu-dzialkowcy", "thu-allot", "community-garden", "pl",
  "Działkowcy z Thurnby Lodge",
  "Kilka polskich rodzin uprawia razem dwie działki: ziemniaki, koper, ogórki do kiszenia i "
  "porzeczki. W soboty od wiosny do jesieni każdy może przyjść pomóc albo tylko posiedzieć na "
  "ławeczce. Jesienią kisimy razem ogórki i kapustę.",
  langs="pl", sched=[("W SA 10:00-13:00", {"valid_from": "2026-04-04", "valid_to": "2026-10-31",
                                           "notes": "April to October"})],
  cost="free", org="psl", min_age=None, elig="Everyone welcome", verified="2026-06-06"),

S("thu-mentor-dla-seniora", "thu-cc", "peer-mentoring", "pl",
  "Mentor dla seniora – wsparcie indywidualne",
  "Przeszkolony mentor, który sam jest seniorem, spotyka się z tobą do dziesięciu razy i pomaga "
  "osiągnąć to, na czym ci zależy: wyjść z domu, zapisać się na zajęcia, wrócić do dawnego hobby. "
  "Zgłosić może cię lekarz, community connector albo możesz zadzwonić sam. Spotkania w domu lub w "
  "centrum.",
  tr={"en": ("Mentor for older people – one-to-one support",
             "A trained mentor, an older person themselves, meets you up to ten times and helps you reach "
             "the goals that matter to you: getting out of the house, joining a class, taking up an old "
             "hobby again. Your GP or a community connector can refer you, or you can ring yourself. "
             "Meetings at home or at the centre.")},
  langs="pl en", area="thurncourt", cost="free", join="referral", org="lat",
  apply="Referral by GP or community connector, or self-referral", verified="2026-10-18"),

S("thu-pingpang-jianshen", "thu-sports", "exercise-general", "zh_Hans",
  "长者乒乓球活动",
  "每周五上午在体育馆打乒乓球，有三张球台，球拍和球都可以借。水平不限，打累了就坐下来喝茶聊天。"
  "住在东边的华人长者不多，来这里能认识新朋友。",
  tr={"en": ("Table Tennis for Older People",
             "Table tennis in the sports hall on Friday mornings, with three tables and bats and balls to "
             "borrow. All standards welcome; when you get tired, sit down for tea and a chat. Not many "
             "Chinese older people live on the east side, so it's a good way to make new friends.")},
  langs="zh en", sched=["W FR 10:00-12:00"], cost=2.0, org="lcea", verified="2026-07-23"),

S("thu-lianyi-wucan", "thu-cc", "lunch-club social-club", "zh_Hant",
  "長者聯誼午餐",
  "每月第二個星期日中午，義工會煮一餐家常中菜，大家一齊食飯、打麻雀、唱卡拉OK。"
  "有義工可以揸車接送行動不便嘅長者，請提前一個星期打電話預約。",
  tr={"en": ("Chinese Elders' Social Lunch",
             "On the second Sunday of each month, volunteers cook a home-style Chinese meal and everyone "
             "eats together, plays mahjong and sings karaoke. Volunteers can drive older people with "
             "mobility problems; please ring a week ahead to book.")},
  langs="yue zh", sched=["M 2SU 12:00-15:00"], cost=5.0, join="ring_first", transport=True, org="lcea",
  verified="2026-09-20"),
]
