"""Evington ward listings (fictional)."""
from .common import S

LISTINGS = [
S("eve-village-lunch", "eve-village", "lunch-club", "en",
  "Evington Village Lunch Club",
  "A proper sit-down lunch with a roast or a pie, pudding and a cup of tea, served by volunteers in the "
  "village hall. Our minibus collects members who can't get there on their own; ask when you ring. "
  "Afterwards there is often a raffle or a singer.",
  tr={"pl": ("Klub obiadowy w Evington",
             "Prawdziwy obiad przy stole – pieczeń albo zapiekanka, deser i herbata – podawany przez "
             "wolontariuszy w sali parafialnej. Nasz minibus dowozi osoby, które nie dojadą same; "
             "prosimy zapytać przy zgłoszeniu.")},
  langs="en", sched=["W WE 12:00-13:30"], cost=4.5, join="ring_first", transport=True, org="eve-vh",
  verified="2026-10-27"),

S("eve-listening-bench", "eve-park", "listening-bench", "en",
  "Listening Bench in Evington Park",
  "Every Wednesday afternoon a volunteer sits on the bench near the pond with a flask of tea and a "
  "'Happy to chat' sign. People stop for a few minutes or a long talk; some come back every week. "
  "If it's raining we move to the library across the road.",
  tr={"gu": ("એવિંગ્ટન પાર્કમાં વાતચીતની બેન્ચ",
             "દર બુધવારે બપોરે તળાવ પાસેની બેન્ચ પર એક સ્વયંસેવક ચાના થર્મોસ અને 'વાત કરવી ગમશે' "
             "પાટિયા સાથે બેસે છે. કોઈ થોડી મિનિટ થોભે, કોઈ લાંબી વાત કરે. વરસાદ હોય તો સામેની લાઇબ્રેરીમાં બેસીએ છીએ.")},
  langs="en gu", sched=["W WE 14:00-16:00"], cost="free", org="lat", verified="2026-09-23"),

S("eve-park-strollers", "eve-park", "walking-group", "en",
  "Evington Park Strollers",
  "An easy 40-minute stroll round the park on Monday mornings, with benches to stop at along the way. "
  "We finish at the café in the village for anyone who wants a coffee. Walking sticks and frames are "
  "no problem; we go at the pace of the group.",
  langs="en", sched=["W MO 10:30-11:30"], cost="free", org="llln", verified="2026-06-29"),

S("eve-knit-natter", "eve-lib", "knitting-and-sewing", "en",
  "Knit and Natter at Evington Library",
  "Bring whatever you're working on, or borrow needles and yarn from the basket. We knit hats for the "
  "neonatal unit and blankets for the food bank, and talk about everything under the sun.",
  tr={"pl": ("Robótki i pogaduszki w bibliotece",
             "Przynieś swoją robótkę albo pożycz druty i włóczkę z koszyka. Robimy czapeczki dla "
             "wcześniaków i koce dla banku żywności, a przy okazji rozmawiamy o wszystkim.")},
  langs="en", sched=["F FR 10:00-12:00"], cost="free", min_age=None, elig="All ages welcome",
  org=("Evington Library", "City council branch library.", "evingtonlibrary"), verified="2026-05-19"),

S("eve-watercolour", "eve-church", "painting-and-drawing", "en",
  "Evington Watercolour Group",
  "A small group of amateur painters who meet on Tuesday mornings to paint together and share tips. "
  "The group is paused for the winter because the hall heating is being replaced, and will restart "
  "in March.",
  langs="en", sched=["W TU 10:00-12:00"], cost=4.0, faith="church", status="paused",
  org=("Evington Watercolour Group", "Amateur painting group.", None), verified="2026-11-04"),

S("eve-ukulele", "eve-methodist", "music", "en",
  "Evington Ukulele Strummers",
  "Learn three chords and you can play dozens of songs. We have loan ukuleles and song sheets in "
  "large print. The group is full for now, but there is a waiting list and places come up every "
  "few months.",
  langs="en", sched=["W TH 14:00-15:30"], cost=2.0, join="waiting_list", status="full",
  org=("Evington Ukulele Strummers", "A beginners' ukulele group.", "ukulele"), verified="2026-09-17"),

S("eve-walking-football", "eve-leisure", "exercise-general", "en",
  "Walking Football for Over-55s",
  "Five-a-side football with no running and no tackling, on the indoor court. The sessions stopped "
  "when the sports hall was converted and have not restarted.",
  langs="en", sched=["W FR 11:00-12:00"], cost=3.0, min_age=55, status="closed",
  org=("Evington Leisure Centre", "Council leisure centre.", "evingtonleisure"), verified="2025-03-14"),

S("eve-orchard-volunteers", "eve-orchard", "community-garden volunteering", "en",
  "Community Orchard Volunteer Sundays",
  "On the first Sunday of the month volunteers prune, plant and pick apples, pears and plums in the "
  "orchard, then share soup from a big pot. There are jobs for every level of fitness, from "
  "ladder-work to sorting fruit at a table.",
  langs="en", sched=["M 1SU 10:00-12:30"], cost="free", min_age=None, elig="Everyone, children with an adult",
  org=("Stoughton Drive Orchard Group", "Volunteers caring for a community orchard.", "orchard"),
  verified="2026-10-04"),

S("eve-carers-lunch", "eve-downing", "carers-group lunch-club", "en",
  "Evington Carers' Lunch",
  "Every other Tuesday carers sit down to a free two-course lunch and an hour to themselves. A "
  "carers' support worker is there to answer questions about breaks, equipment and money. The "
  "person you care for is welcome to come with you.",
  langs="en gu", sched=["F TU 12:00-14:00"], cost="free", join="ring_first", org="carers", min_age=18,
  elig="Unpaid carers", verified="2026-07-21"),

S("eve-memory-cafe", "eve-downing", "dementia-cafe", "en",
  "Downing Drive Memory Café",
  "A warm, unhurried afternoon for people with memory problems and the people who support them. "
  "There are singalongs, old photos, gentle games and someone from the dementia support service to "
  "talk to. Parking is right outside the door.",
  tr={"gu": ("ડાઉનિંગ ડ્રાઇવ મેમરી કૅફે",
             "યાદશક્તિની તકલીફ હોય તેવા લોકો અને તેમની સંભાળ રાખનારાઓ માટે શાંત બપોર. સાથે ગીતો, "
             "જૂના ફોટા, સરળ રમતો અને ડિમેન્શિયા સહાય સેવાના કર્મચારી સાથે વાત કરવાની તક.")},
  langs="en gu", sched=["M 3FR 14:00-16:00"], cost="donation", org="memory", verified="2026-08-21"),

S("eve-telephone-friends", None, "befriending", "en",
  "Telephone Friends",
  "A trained volunteer rings you at the same time each week for a chat. It suits people who can't get "
  "out much or who find groups too much at first. Volunteers speak English, Gujarati, Polish, "
  "Mandarin and Cantonese. You can refer yourself, or a connector or GP can do it for you.",
  tr={"gu": ("ટેલિફોન મિત્રો",
             "તાલીમ પામેલા સ્વયંસેવક દર અઠવાડિયે એક જ સમયે તમને ફોન કરીને વાત કરે છે. બહાર ઓછું "
             "જઈ શકતા હો કે જૂથમાં જવાનો સંકોચ થતો હોય તેમના માટે યોગ્ય છે."),
      "pl": ("Telefoniczni przyjaciele",
             "Przeszkolony wolontariusz dzwoni raz w tygodniu o stałej porze, żeby porozmawiać. To dobre "
             "rozwiązanie dla osób, które rzadko wychodzą z domu albo na początek nie czują się dobrze "
             "w grupie. Można zgłosić się samemu."),
      "zh_Hans": ("电话陪伴",
                  "受过培训的志愿者每周固定时间给您打电话聊天。适合不方便出门、或者一开始不习惯参加小组活动的长者。"
                  "志愿者会讲普通话和粤语，可以自己报名。")},
  langs="en gu pl zh yue", area="east-leicester", cost="free", join="referral", org="llln",
  apply="Self-referral, or referral by a community connector or GP", verified="2026-10-26"),

S("eve-village-hall-hire", "eve-village", "meeting-room community-spaces", "en",
  "Evington Village Hall – rooms for community groups",
  "The main hall seats 80 and the small room 20, with a kitchen, hearing loop and parking. Groups for "
  "older people get weekday mornings at a reduced rate. Ring the booking secretary to look round.",
  langs="en", join="ring_first", min_age=None, elig="Community groups",
  cost=[("Per hour", 18.0, "Main hall"), ("Per hour (older people's groups)", 9.0, "Weekday mornings")],
  sched=["W MO,TU,WE,TH,FR 09:00-22:00"], org="eve-vh", verified="2026-02-03"),

S("eve-history-society", "eve-village", "history-group", "en",
  "Evington Village History Society",
  "Monthly evening talks on local history, from the medieval village to the tram lines and the 1960s "
  "estates, with tea and biscuits. Members also run guided walks round the village in summer.",
  langs="en", sched=["M 2MO 19:00-21:00"], cost=(3.0, 2.0), min_age=None, elig="Everyone welcome",
  org=("Evington Village History Society", "Local history society.", "evingtonhistory"),
  verified="2025-11-27"),

S("eve-mataji-vadil-milan", "eve-mandir", "lunch-club social-and-befriending", "gu",
  "માતાજીના મંદિરે વડીલ મિલન",
  "દર ગુરુવારે સવારે શક્તિ મંદિરમાં આરતી પછી વડીલો ભેગા થાય છે; હળવી કસરત, સમાચારની ચર્ચા અને પછી સાથે જમણ. "
  "મંદિર પાસે પાર્કિંગ છે અને હૉલમાં જવા ઢાળ છે. "
  "નવા આવનારને મંદિરના સ્વયંસેવક બધાની ઓળખાણ કરાવે છે.",
  tr={"en": ("Elders' Gathering at the Shakti Mandir",
             "Every Thursday morning, after the aarti, older people meet at the Shakti Mandir for gentle "
             "exercise, a chat about the news and then lunch together. There is parking by the temple and "
             "a ramp into the hall. A temple volunteer introduces newcomers to everyone.")},
  langs="gu hi", sched=["W TH 10:30-13:30"], cost="donation", faith="temple", food=["vegetarian"],
  org=("Shree Shakti Mandir", "Hindu temple on Spencefield Lane.", "shaktimandir"), verified="2026-08-27"),

S("eve-bethan-kasrat", "eve-downing", "chair-exercise falls-prevention", "gu",
  "બેઠાં બેઠાં કસરત",
  "પગ નબળા પડી ગયા હોય, પડી જવાનો ડર લાગતો હોય કે સાંધા જકડાઈ જતા હોય તો આ વર્ગ તમારા માટે છે. "
  "ખુરશી પર બેસીને કે ખુરશી પકડીને થતી કસરતથી ધીમે ધીમે તાકાત અને સંતુલન વધે છે. "
  "શિક્ષક ગુજરાતી અને અંગ્રેજી બંને બોલે છે.",
  tr={"en": ("Seated Exercise",
             "This class is for you if your legs have become weak, you are afraid of falling or your "
             "joints get stiff. Exercises done sitting on or holding a chair slowly build strength and "
             "balance. The instructor speaks Gujarati and English.")},
  langs="gu en", sched=["W MO 13:30-14:30"], cost=(2.5, 1.5), org="llln", verified="2026-07-06"),

S("eve-harmonium-tabla", "eve-mandir", "music skill-sharing", "gu",
  "હાર્મોનિયમ અને તબલાં શીખો",
  "નિવૃત્ત સંગીત શિક્ષક રવિવારે બપોરે હાર્મોનિયમ અને તબલાં શીખવે છે — શરૂઆતથી, ધીરજથી. "
  "તમને કોઈ વાદ્ય વગાડતાં આવડતું હોય તો શીખવવામાં મદદ કરવા પણ આવી શકો. "
  "મંદિર પાસે બે હાર્મોનિયમ છે; પોતાનું હોય તો લાવજો.",
  tr={"en": ("Learn Harmonium and Tabla",
             "A retired music teacher teaches harmonium and tabla on Sunday afternoons, from the very "
             "beginning and with patience. If you already play an instrument you can come and help teach. "
             "The temple has two harmoniums; bring your own if you have one.")},
  langs="gu hi", sched=["W SU 14:00-16:00"], cost=2.0, faith="temple",
  org=("Shree Shakti Mandir", "Hindu temple on Spencefield Lane.", "shaktimandir"), verified="2026-04-05"),

S("eve-computer-forms-gu", "eve-lib", "computer-help digital-skills", "gu",
  "કમ્પ્યુટર અને ઓનલાઇન ફોર્મ",
  "બસ પાસ રિન્યૂ કરવો હોય, ડૉક્ટરની એપોઇન્ટમેન્ટ ઓનલાઇન લેવી હોય કે ઈમેલ ખોલતાં શીખવું હોય — "
  "દર સોમવારે બપોરે લાઇબ્રેરીમાં ગુજરાતી બોલતા સ્વયંસેવક એક-એક વ્યક્તિને બેસીને મદદ કરે છે. "
  "કમ્પ્યુટર લાઇબ્રેરીનાં જ છે.",
  tr={"en": ("Computers and Online Forms",
             "Renewing a bus pass, booking a GP appointment online or learning to open your e-mail: every "
             "Monday afternoon a Gujarati-speaking volunteer sits with you one to one at the library. "
             "The library provides the computers.")},
  langs="gu en", sched=["W MO 14:00-16:00"], cost="free", org="digital", min_age=None,
  elig="Anyone", verified="2026-10-13"),

S("eve-dementia-parivar-gu", "eve-lib", "dementia-cafe carers-group", "gu",
  "ડિમેન્શિયા – પરિવારો માટે માહિતી અને સહારો",
  "ઘરમાં કોઈને ભૂલવાની બીમારી હોય તો પરિવાર પર ઘણો ભાર આવે છે. "
  "મહિનામાં એક વાર ગુજરાતીમાં માહિતી સભા અને ચા-બેઠક થાય છે — ડિમેન્શિયા શું છે, ઘરમાં કેવી રીતે સાચવવા અને કઈ મદદ મળી શકે. "
  "દર્દીને સાથે લાવી શકો છો; તેમના માટે અલગ પ્રવૃત્તિ હોય છે.",
  tr={"en": ("Dementia – information and support for families",
             "When someone at home has a memory illness, the whole family carries the weight. Once a "
             "month there is an information session and tea in Gujarati: what dementia is, how to look "
             "after someone at home and what help is available. You can bring your relative; there is a "
             "separate activity for them.")},
  langs="gu hi", sched=["M 2WE 14:00-16:00"], cost="free", org="memory", min_age=None,
  elig="Families and carers", verified="2026-09-30"),

S("eve-zajecia-jogi", "eve-polish", "yoga", "pl",
  "Zajęcia jogi dla seniorów",
  "Spokojne zajęcia jogi dla osób po pięćdziesiątce, prowadzone po polsku przez dyplomowaną "
  "instruktorkę. Ćwiczymy na macie i na krześle, dużo uwagi poświęcamy oddechowi i rozluźnieniu "
  "kręgosłupa. Joga jest dla każdego – nie trzeba być wysportowanym. Prosimy zabrać wygodny strój i "
  "butelkę wody.",
  tr={"en": ("Yoga classes for seniors",
             "Calm yoga classes for people over fifty, taught in Polish by a qualified instructor. We "
             "work on a mat and on a chair, paying plenty of attention to breathing and loosening the "
             "spine. Yoga is for everyone; you don't need to be sporty. Bring comfortable clothes and a "
             "bottle of water.")},
  langs="pl", sched=["W TU 10:00-11:00"], cost=(4.0, 3.0), org="eve-polish", faith="church",
  verified="2026-10-21"),

S("eve-klub-seniora-parafia", "eve-polish", "social-club coffee-morning faith-and-culture", "pl",
  "Klub Seniora przy parafii",
  "Po niedzielnej mszy o jedenastej zapraszamy na kawę, ciasto i rozmowę w sali parafialnej. Co jakiś "
  "czas gościmy lekarza albo prawnika, który odpowiada na pytania po polsku. Raz w roku jedziemy "
  "razem autokarem na pielgrzymkę do Walsingham.",
  tr={"en": ("Parish Seniors' Club",
             "After the 11 o'clock Sunday Mass, come for coffee, cake and conversation in the parish hall. "
             "Now and then a doctor or a lawyer visits to answer questions in Polish. Once a year we go "
             "together by coach on a pilgrimage to Walsingham.")},
  langs="pl", sched=["W SU 12:00-14:00"], cost="donation", faith="church", org="eve-polish",
  verified="2026-03-15"),

S("eve-chor-jarzebina", "eve-polish", "singing-and-choir", "pl",
  "Chór seniorów „Jarzębina”",
  "Śpiewamy polskie pieśni ludowe, piosenki biesiadne i kolędy. Próby odbywają się w czwartki "
  "wieczorem; nie trzeba znać nut, wystarczą chęci. Występujemy na festynach i w domach opieki w "
  "Leicester.",
  tr={"en": ("“Jarzębina” Seniors' Choir",
             "We sing Polish folk songs, sing-along favourites and carols. Rehearsals are on Thursday "
             "evenings; you don't need to read music, just enthusiasm. We perform at festivals and in "
             "care homes around Leicester.")},
  langs="pl", sched=["W TH 18:00-19:30"], cost=2.0, faith="church", org="eve-polish",
  verified="2026-08-06"),

S("eve-wigilia-seniorow", "eve-polish", "festivals community-meal", "pl",
  "Wigilia dla samotnych seniorów",
  "Nikt nie powinien spędzać Wigilii sam. W niedzielę przed świętami zapraszamy na opłatek, barszcz z "
  "uszkami, pierogi i kolędy. Jeśli ktoś nie może dojechać, wolontariusze przywiozą go samochodem – "
  "prosimy zgłosić się do połowy grudnia.",
  tr={"en": ("Christmas Eve Supper for Seniors on their own",
             "Nobody should spend Wigilia alone. On the Sunday before Christmas we invite you to share the "
             "opłatek wafer, beetroot soup with uszka, pierogi and carols. If you can't get there, "
             "volunteers will drive you; please let us know by mid-December.")},
  langs="pl", cost="free", join="ring_first", transport=True, faith="church", org="eve-polish",
  sched=[("MD 20 13:00-16:00", {"valid_from": "2026-12-20", "valid_to": "2026-12-20",
                                "description": "Sunday 20 December 2026, 13:00 to 16:00",
                                "notes": "Once a year, before Christmas"})],
  verified="2026-11-15"),

S("eve-jiankang-jiangzuo", "eve-lib", "health-check", "zh_Hans",
  "长者健康讲座与血压检查",
  "每月第一个星期二在图书馆举办健康讲座，内容包括高血压、糖尿病、饮食和用药。"
  "讲座后护士免费帮大家量血压，有问题可以用普通话咨询。欢迎家属陪同。",
  tr={"en": ("Health Talk and Blood Pressure Check",
             "A health talk at the library on the first Tuesday of each month, covering high blood "
             "pressure, diabetes, diet and medicines. Afterwards a nurse takes everyone's blood pressure "
             "for free, and you can ask questions in Mandarin. Family members are welcome to come too.")},
  langs="zh en", sched=["M 1TU 14:00-15:30"], cost="free", org="lcea", verified="2026-07-09"),

S("eve-taiji-shan", "eve-leisure", "tai-chi exercise-and-movement", "zh_Hans",
  "太极扇与八段锦",
  "每周三上午在体育中心的小活动室练太极扇和八段锦。扇子可以借用，动作一节一节地教，不会跟不上。"
  "练完大家常常一起去喝早茶。",
  tr={"en": ("Tai Chi Fan and Baduanjin",
             "Tai chi fan and Baduanjin in the leisure centre's studio on Wednesday mornings. Fans can be "
             "borrowed, and the moves are taught one section at a time so nobody gets left behind. "
             "Afterwards people often go for dim sum together.")},
  langs="zh", sched=["W WE 09:30-10:30"], cost=2.5, org="lcea",
  verified="2026-06-16"),

S("eve-shufa-guohua", "eve-church", "painting-and-drawing", "zh_Hant",
  "長者書法國畫班",
  "逢星期六下午學寫毛筆字和畫國畫，由退休美術老師教授。筆墨紙硯由班上提供，初學者亦非常歡迎。"
  "每年春節前會一齊寫揮春送畀街坊。",
  tr={"en": ("Chinese Calligraphy and Painting",
             "Learn brush calligraphy and Chinese painting on Saturday afternoons with a retired art "
             "teacher. Brushes, ink and paper are provided, and beginners are very welcome. Before "
             "Chinese New Year we write good-luck couplets together to give to neighbours.")},
  langs="yue zh", sched=["W SA 14:00-16:00"], cost=3.0, faith="church", org="lcea",
  verified="2026-09-12"),

S("eve-zhaogu-zhe-huzhu", "eve-downing", "carers-group", "zh_Hant",
  "華人照顧者互助小組",
  "照顧年老父母或患病伴侶，身心都好辛苦。每月第二個星期三，大家飲杯茶、傾吓計，分享照顧經驗，"
  "社工亦會講解照顧者可以申請的支援。可以用廣東話或普通話交流。",
  langs="yue zh", sched=["M 2WE 10:30-12:00"], cost="free", org="carers", min_age=18,
  elig="Unpaid carers", verified="2026-08-19"),
]
