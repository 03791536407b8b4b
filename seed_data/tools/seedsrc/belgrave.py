"""Belgrave ward listings (fictional)."""
from .common import S

TT = {"valid_from": "2026-09-08", "valid_to": "2026-12-15", "notes": "Term time only"}

LISTINGS = [
S("bel-gujarati-lunch-club", "bel-nc", "lunch-club", "gu",
  "વરિષ્ઠ નાગરિક ભોજન ક્લબ",
  "દર મંગળવારે અને ગુરુવારે બપોરે ગરમ શાકાહારી ભોજન પીરસવામાં આવે છે — દાળ, ભાત, શાક અને રોટલી. "
  "જમ્યા પછી ચા સાથે ગપસપ થાય છે અને ક્યારેક ભજન પણ ગવાય છે. "
  "પહેલી વાર આવો ત્યારે દરવાજે સ્વયંસેવક તમને આવકારશે અને કોઈ ઓળખીતા સાથે બેસાડશે.",
  tr={"en": ("Senior Citizens' Lunch Club",
             "A hot vegetarian lunch every Tuesday and Thursday: dal, rice, a vegetable curry and rotli. "
             "After the meal there is tea and a chat, and sometimes bhajans. On your first visit a "
             "volunteer will meet you at the door and sit you with people you may already know.")},
  langs="gu hi en", sched=["W TU,TH 12:00-14:00"], cost=(3.0, 2.0), org="bgsa",
  food=["vegetarian"], contact="Lunch club coordinator", verified="2026-10-20"),

S("bel-mandir-morning-yoga", "bel-mandir", "yoga", "gu",
  "વડીલો માટે સવારના યોગ",
  "ધીમાં અને સરળ યોગાસન, પ્રાણાયામ અને છેલ્લે દસ મિનિટ શાંતિથી આરામ. "
  "જમીન પર બેસી ન શકતા હોય તેઓ ખુરશી પર બેસીને કરી શકે છે. "
  "પોતાની ચટાઈ લાવજો, અને ખાલી પેટે આવવું સારું.",
  tr={"en": ("Morning Yoga for Elders",
             "Slow, simple yoga postures, breathing exercises and ten quiet minutes of rest at the end. "
             "If you cannot get down on the floor you can do it sitting on a chair. Bring your own mat; "
             "it is best to come on an empty stomach.")},
  langs="gu hi", sched=["W WE 09:30-10:30"], cost="donation", org="bel-mandir", faith="temple",
  verified="2026-08-19"),

S("bel-mahila-exercise", "bel-sports", "exercise-general chair-exercise", "gu",
  "બહેનો માટે કસરત વર્ગ",
  "ફક્ત બહેનો માટેનો હળવો કસરત વર્ગ, જેમાં ગુજરાતી બોલતાં શિક્ષિકા સંગીત સાથે કસરત કરાવે છે. "
  "હૉલમાં પુરુષો આવતા નથી અને બારીઓ ઢાંકેલી રહે છે. "
  "ઘૂંટણ કે કમરમાં દુખાવો હોય તો ખુરશી પર બેસીને પણ જોડાઈ શકો છો.",
  tr={"en": ("Women's Exercise Class",
             "A gentle exercise class for women only, led by a Gujarati-speaking instructor, with music. "
             "No men come into the hall and the windows are covered. If your knees or back hurt you can "
             "join in sitting on a chair.")},
  langs="gu hi", sched=["W TH 10:30-11:30"], cost=2.0, gender="women_only",
  org=("Belgrave Mahila Mandal", "A Gujarati women's group in Belgrave.", "mahila"),
  contact="Class instructor", verified="2026-09-30"),

S("bel-navratri-garba", "bel-hall", "folk-dance festivals", "gu",
  "નવરાત્રિ ગરબા – વડીલો માટે",
  "નવરાત્રિના નવ દિવસ દરરોજ સાંજે વડીલો માટે ધીમા તાલે ગરબા થાય છે, જેથી ઘૂંટણ પર જોર ન પડે. "
  "થાકી જાઓ તો બાજુમાં ખુરશીઓ રાખેલી છે, અને આરતી પછી પ્રસાદ વહેંચાય છે. "
  "પરંપરાગત કપડાં પહેરીને આવવું હોય તો આવજો, પણ જરૂરી નથી.",
  tr={"en": ("Navratri Garba for Elders",
             "For the nine nights of Navratri there is garba every evening at a slower pace, so your "
             "knees are not strained. Chairs are set out along the side if you get tired, and prasad "
             "is shared after the aarti. Come in traditional clothes if you like, but you don't have to.")},
  langs="gu hi", cost="free", org="bgsa", food=["vegetarian"], faith="temple",
  sched=[("D - 19:30-21:30", {"valid_from": "2026-10-11", "valid_to": "2026-10-19",
                              "notes": "Navratri only (nine evenings in October)"})],
  verified="2026-09-21"),

S("bel-bhajan-mandal", "bel-mandir", "faith-group music", "gu",
  "શુક્રવારનું ભજન મંડળ",
  "દર શુક્રવારે બપોરે મંદિરના હૉલમાં ભજન-કીર્તન થાય છે. "
  "હાર્મોનિયમ અને ઢોલક સાથે સૌ સાથે મળીને ગાય છે, પછી ચા-નાસ્તો. "
  "ગાતાં ન આવડે તો પણ બેસીને સાંભળવા આવો.",
  tr={"en": ("Friday Bhajan Group",
             "Every Friday afternoon there are bhajans and kirtan in the temple hall. Everyone sings "
             "together with harmonium and dholak, and then there is tea and snacks. Come and sit and "
             "listen even if you don't sing.")},
  langs="gu hi", sched=["W FR 15:00-16:30"], cost="free", org="bel-mandir", faith="temple",
  food=["vegetarian"], verified="2026-07-12"),

S("bel-jalaram-satsang", "bel-jain", "faith-group", "gu",
  "બહેનોનો સત્સંગ",
  "દર બીજા મંગળવારે બહેનો ભેગી થઈને જલારામ બાપાનાં ભજન ગાય છે અને કથા વાંચે છે. "
  "હૉલ નાનો હોવાથી અત્યારે જગ્યા ભરાઈ ગઈ છે; નામ લખાવો તો જગ્યા થાય ત્યારે અમે ફોન કરીશું.",
  tr={"en": ("Women's Satsang",
             "Every other Tuesday women meet to sing Jalaram Bapa bhajans and read from the scriptures. "
             "The hall is small and the group is full at the moment; give us your name and we will ring "
             "you when a place comes up.")},
  langs="gu", sched=["F TU 14:00-16:00"], cost="free", gender="women_only", faith="temple",
  food=["vegetarian"], join="waiting_list", status="full",
  org=("Jalaram Seva Mandal", "Volunteers who run the Jalaram Seva Hall.", "jalaram"),
  verified="2026-10-05"),

S("bel-carrom-cards-club", "bel-lounge", "social-club", "gu",
  "વડીલ મનોરંજન ક્લબ – કૅરમ અને પત્તાં",
  "સોમવારે અને બુધવારે બપોરે કૅરમ, પત્તાં અને હાઉસી રમાય છે. "
  "ચા-બિસ્કિટ મળે છે, અને ઘણા સભ્યો વર્ષોથી આવે છે, એટલે નવા આવનારની ઝટ ઓળખાણ થઈ જાય છે. "
  "રમતાં ન આવડે તો કોઈ ને કોઈ શીખવી દેશે.",
  tr={"en": ("Elders' Social Club – carrom and cards",
             "Carrom, cards and housie on Monday and Wednesday afternoons, with tea and biscuits. "
             "Many members have been coming for years, so newcomers soon get to know people. If you "
             "don't know how to play, someone will teach you.")},
  langs="gu hi en", sched=["W MO,WE 13:30-16:30"], cost=1.0, org="bgsa", verified="2025-11-10"),

S("bel-volunteer-gujarati-school", "bel-lib", "skill-sharing volunteering language-classes", "gu",
  "સ્વયંસેવક જોઈએ છે: બાળકોને ગુજરાતી શીખવો",
  "શનિવારની ગુજરાતી શાળામાં બાળકોને વાર્તા કહેવા અને કક્કો શીખવવા માટે વડીલ સ્વયંસેવકોની જરૂર છે. "
  "અનુભવની જરૂર નથી — ગુજરાતી વાંચતાં-લખતાં આવડે અને ધીરજ હોય તો બસ. "
  "શાળાના સત્ર દરમિયાન જ ચાલે છે; પહેલાં એક શનિવારે આવીને જોઈ જાઓ.",
  tr={"en": ("Volunteer: teach Gujarati to children",
             "The Saturday Gujarati school needs older volunteers to tell stories and help children "
             "learn their letters. No experience needed, just reading and writing Gujarati and a bit "
             "of patience. Runs in term time only; come and watch one Saturday first.")},
  langs="gu en", cost="free", min_age=18, join="ring_first", elig="Anyone who reads and writes Gujarati",
  sched=[("W SA 10:00-12:00", {"valid_from": "2026-09-12", "valid_to": "2026-12-12",
                               "notes": "Term time only"})],
  org=("Belgrave Gujarati Saturday School", "Volunteer-run Saturday school teaching Gujarati to children.", "gujaratischool"),
  verified="2026-08-30"),

S("bel-knitting-bharatkam", "bel-lib", "knitting-and-sewing", "gu",
  "ગૂંથણ અને ભરતકામ મંડળ",
  "બુધવારે બપોરે લાઇબ્રેરીના નાના રૂમમાં બહેનો સ્વેટર ગૂંથે છે, ભરતકામ કરે છે અને એકબીજાને નવી ડિઝાઇન શીખવે છે. "
  "ઊન અને સોય અમારી પાસે છે, ફક્ત તમે આવો. "
  "ભાઈઓ પણ આવી શકે છે — એક ભાઈ તો સુંદર ગાલીચા બનાવે છે!",
  tr={"en": ("Knitting and Embroidery Circle",
             "On Wednesday afternoons a group meets in the library's small room to knit, embroider and "
             "show each other new patterns. We have wool and needles, so just bring yourself. Men are "
             "welcome too; one of our regulars makes beautiful rugs.")},
  langs="gu en", sched=["W WE 14:00-16:00"], cost="free", org="bgsa", verified="2026-06-18"),

S("bel-ghare-mulakat", None, "befriending", "gu",
  "ઘરે મુલાકાત – મિત્રતા સેવા",
  "ઘરની બહાર ન નીકળી શકતા વડીલોને દર અઠવાડિયે ગુજરાતી બોલતા એક સ્વયંસેવક ઘરે મળવા આવે છે — ચા પીએ, વાતો કરે, ક્યારેક દુકાન સુધી સાથે જાય. "
  "કોમ્યુનિટી કનેક્ટર, ડૉક્ટર કે પરિવારના સભ્ય નામ મોકલી શકે, અથવા તમે જાતે ફોન કરી શકો. "
  "પહેલી મુલાકાતે કનેક્ટર પણ સ્વયંસેવક સાથે આવે છે.",
  tr={"en": ("Home Visits Befriending",
             "A Gujarati-speaking volunteer visits older people who can't easily get out, once a week: "
             "a cup of tea, a chat, sometimes a walk to the shops together. A community connector, GP or "
             "relative can refer you, or you can ring us yourself. The connector comes along on the first visit.")},
  langs="gu hi en", area="belgrave", cost="free", org="lat", join="referral",
  apply="Referral from a community connector, GP or family member, or ring us yourself",
  verified="2026-10-28"),

S("bel-phone-help-gu", "bel-lib", "smartphone-help", "gu",
  "મોબાઇલ શીખો – વૉટ્સઍપ અને વીડિયો કૉલ",
  "મહિનાના બીજા ગુરુવારે સ્વયંસેવકો તમારા જ ફોન પર વૉટ્સઍપ, વીડિયો કૉલ અને ફોટા મોકલવાનું ધીરજથી શીખવે છે. "
  "તમારો ફોન અને ચાર્જર લઈને આવજો. "
  "પાસવર્ડ યાદ ન હોય તો ઘરના કોઈને પૂછીને કાગળ પર લખી લાવજો.",
  tr={"en": ("Learn your mobile – WhatsApp and video calls",
             "On the second Thursday of the month volunteers patiently show you how to use WhatsApp, make "
             "video calls and send photos, on your own phone. Bring your phone and charger. If you don't "
             "remember your passwords, ask someone at home and write them down on paper.")},
  langs="gu en", sched=["M 2TH 10:00-12:00"], cost="free", org="digital", verified="2026-09-09"),

S("bel-east-africa-memories", "bel-lib", "history-group", "gu",
  "પૂર્વ આફ્રિકાથી લેસ્ટર સુધી – યાદોની બેઠક",
  "યુગાન્ડા, કેન્યા અને ભારતથી લેસ્ટર આવ્યા એ દિવસોની વાતો અને જૂના ફોટા લઈને મહિનામાં એક વાર ભેગા થઈએ છીએ. "
  "તમે ઇચ્છો તો લાઇબ્રેરી તમારી યાદો રેકૉર્ડ કરીને સાચવી રાખે છે. "
  "ફક્ત સાંભળવા આવવું હોય તો પણ સ્વાગત છે.",
  tr={"en": ("From East Africa to Leicester – memories group",
             "Once a month we meet with old photographs and stories of the days we came to Leicester from "
             "Uganda, Kenya and India. If you wish, the library will record your memories and keep them. "
             "You are welcome just to come and listen.")},
  langs="gu en", sched=["M 4TU 14:00-15:30"], cost="free",
  org=("Belgrave Heritage Circle", "Volunteers collecting the memories of Belgrave's older residents.", "heritage"),
  verified="2026-02-14"),

S("bel-shok-sahara", "bel-lounge", "bereavement-support", "gu",
  "શોકમાં સહારો – બહેનોનું જૂથ",
  "પતિ કે સ્વજન ગુમાવ્યા પછીનું એકલાપણું બહુ ભારે લાગે છે. "
  "અહીં એવી બહેનો ભેગી થાય છે જેમણે પણ આ દુઃખ જોયું છે; કોઈ દબાણ નથી — બોલવું હોય તો બોલો, નહીં તો ચા પીતાં સાંભળો. "
  "પહેલાં ફોન કરશો તો સંચાલિકા તમને દરવાજે મળવા આવશે.",
  tr={"en": ("Bereavement Support – women's group",
             "Loneliness after losing a husband or a loved one can feel very heavy. Here women who have "
             "been through the same grief meet together; there is no pressure to talk, you can just have "
             "tea and listen. If you ring first, the facilitator will meet you at the door.")},
  langs="gu hi", sched=["M 2WE 11:00-12:30"], cost="free", gender="women_only", join="ring_first",
  org="mindful", verified="2026-07-27"),

S("bel-chair-yoga", "bel-hall", "chair-exercise yoga", "gu",
  "ખુરશી યોગ",
  "ખુરશી પર બેસીને કરી શકાય એવા યોગ અને શ્વાસની કસરત. "
  "શિક્ષિકા ભારત ગયાં હોવાથી વર્ગ જાન્યુઆરી સુધી બંધ છે; ફરી શરૂ થશે ત્યારે અહીં જણાવીશું.",
  tr={"en": ("Chair Yoga",
             "Yoga and breathing exercises you can do sitting on a chair. The class is paused until "
             "January while the teacher is in India; we will update this listing when it restarts.")},
  langs="gu", sched=["W MO 11:00-12:00"], cost=2.0, org="bgsa", status="paused",
  verified="2026-10-02"),

S("bel-langar-sangat", "bel-gurdwara", "community-meal faith-group", "en",
  "Langar and Elders' Sangat",
  "Everyone is welcome to sit down for langar, a free vegetarian meal cooked and served by volunteers. "
  "On Sunday mornings older members meet in the small hall after kirtan for tea and conversation, "
  "mostly in Punjabi. Please cover your head and take off your shoes; scarves are provided at the door.",
  langs="pa hi en", sched=["W SU 10:30-13:30"], cost="free", org="gurdwara-bel", faith="gurdwara",
  food=["vegetarian"], min_age=None, elig="Everyone welcome", verified="2026-11-08"),

S("bel-listening-bench", "bel-rec", "listening-bench", "en",
  "Listening Bench at Cossington Rec",
  "Look for the bench with the green cushion and the 'Happy to chat' sign. A community connector sits "
  "there twice a week, ready to listen, have a chat and tell you about what is on nearby. "
  "There is no form to fill in; sit down for five minutes or an hour.",
  tr={"gu": ("કૉસિંગ્ટન રેકની વાતચીતની બેન્ચ",
             "લીલી ગાદી અને 'વાત કરવી ગમશે' લખેલા પાટિયાવાળી બેન્ચ શોધજો. અઠવાડિયામાં બે વાર ત્યાં "
             "એક કોમ્યુનિટી કનેક્ટર બેસે છે, જે તમારી વાત સાંભળશે અને આસપાસ શું ચાલે છે એ જણાવશે. "
             "કોઈ ફોર્મ ભરવાનું નથી; પાંચ મિનિટ બેસો કે કલાક.")},
  langs="en gu hi", sched=["W TU,FR 10:00-12:00"], cost="free", org="lat", carers=True,
  apply="Just sit down and say hello", verified="2026-10-15"),

S("bel-close-encounters-ross-walk", "bel-lounge", "street-gathering", "en",
  "Close Encounters on Ross Walk",
  "On the first Saturday of the month in spring and summer we put tables, chairs and an urn out on the "
  "green by Ross Walk and neighbours come out for tea, samosas and a chat. Bring a chair if you like, "
  "or just stop by on your way past. Cancelled if it rains.",
  tr={"gu": ("રૉસ વૉક પર પડોશી મિલન",
             "વસંત અને ઉનાળામાં મહિનાના પહેલા શનિવારે રૉસ વૉક પાસેના મેદાનમાં ટેબલ-ખુરશી અને ચા મૂકીએ "
             "છીએ, અને પડોશીઓ ચા, સમોસા અને ગપસપ માટે બહાર આવે છે. આવતાં-જતાં પણ થોભી જજો. "
             "વરસાદ હોય તો બંધ રહે છે.")},
  langs="en gu", cost="free", org="lat", min_age=None, elig="All neighbours, any age",
  sched=[("M 1SA 14:00-16:00", {"valid_from": "2026-04-04", "valid_to": "2026-09-30",
                                "notes": "April to September, weather permitting"})],
  verified="2026-09-07"),

S("bel-circle-pop-in", "bel-circle", "pop-in-cafe", "en",
  "Belgrave Circle Pop-in Café",
  "A small tea room near the Circle where older people drop in for masala chai, a biscuit and a chat. "
  "Volunteers keep the kettle on and have the newsletter of local activities to hand if you want to "
  "find out what else is going on. Tea is 50p, or free if you are short this week.",
  tr={"gu": ("બેલગ્રેવ સર્કલ પૉપ-ઇન કૅફે",
             "સર્કલ પાસેની નાની ચાની દુકાનમાં વડીલો મસાલા ચા, બિસ્કિટ અને ગપસપ માટે આવે છે. "
             "સ્વયંસેવકો પાસે આસપાસની પ્રવૃત્તિઓની પત્રિકા હોય છે. ચા 50 પેન્સ, અને પૈસા ન હોય તો મફત.")},
  langs="en gu hi pa", sched=["W MO,TH 10:00-13:00"], cost=0.5, fees="50p for tea, free if you can't pay",
  org="lat", verified="2026-11-12"),

S("bel-tea-dance", "bel-church", "dance", "en",
  "Tea Dance at St Michael's",
  "Foxtrots, waltzes and a bit of Bollywood on the third Wednesday of the month, with tea and cake at "
  "half time. You don't need a partner, and plenty of people come just to watch and tap their feet. "
  "The hall has a good floor and chairs all round.",
  langs="en", sched=["M 3WE 14:00-16:00"], cost=3.0, faith="church",
  org=("St Michael's Church", "Anglican parish church on Melton Road.", "stmichaels"),
  verified="2026-03-03"),

S("bel-mens-shed", "bel-hall", "mens-shed skill-sharing", "en",
  "Belgrave Men's Shed",
  "A workshop at the back of the hall where men meet to fix bikes, make bird boxes, mend furniture for "
  "neighbours and talk over a brew. Tools and safety glasses are provided; bring an old shirt. "
  "If you've got a trade, there is always someone who wants to learn it.",
  langs="en gu pa", sched=["W TU,TH 10:00-13:00"], cost="donation", gender="men_only",
  org=("Belgrave Men's Shed", "A community workshop run by and for older men.", "shed"),
  verified="2026-08-08"),

S("bel-growing-group", "bel-garden", "community-garden", "en",
  "Thurcaston Road Growing Group",
  "Grow methi, coriander, tomatoes and beans in raised beds you can reach without kneeling. "
  "We work for an hour or two, then share whatever is ready and have tea in the shelter. "
  "Gloves and tools are provided; wear shoes you don't mind getting muddy.",
  tr={"gu": ("થર્કેસ્ટન રોડ બાગકામ જૂથ",
             "ઊંચા ક્યારામાં મેથી, કોથમીર, ટામેટાં અને વાલ ઉગાડીએ છીએ, એટલે ઘૂંટણે બેસવું નથી પડતું. "
             "એક-બે કલાક કામ કરીને જે તૈયાર હોય તે વહેંચી લઈએ અને છાપરા નીચે ચા પીએ. "
             "મોજાં અને સાધનો અમારી પાસે છે.")},
  langs="en gu", sched=[("W WE 10:00-12:00", {"valid_from": "2026-03-04", "valid_to": "2026-10-28",
                                              "notes": "March to October"})],
  cost="free", org=("Thurcaston Road Growers", "Volunteer community garden group.", "growers"),
  verified="2026-07-02"),

S("bel-bp-check", "bel-nc", "health-check health-checks", "en",
  "Blood Pressure and Wellbeing Check",
  "A health trainer checks your blood pressure, pulse and weight and talks through what the numbers "
  "mean, in English, Gujarati or Hindi. It takes about 15 minutes and you can wait with a cup of tea. "
  "Bring a list of any tablets you take.",
  tr={"gu": ("બ્લડ પ્રેશર અને આરોગ્ય તપાસ",
             "હેલ્થ ટ્રેનર તમારું બ્લડ પ્રેશર, ધબકારા અને વજન તપાસે છે અને આંકડાનો અર્થ ગુજરાતી, "
             "હિન્દી કે અંગ્રેજીમાં સમજાવે છે. લગભગ 15 મિનિટ લાગે છે. તમે લેતા હો તે દવાઓની યાદી સાથે લાવજો.")},
  langs="en gu hi", sched=["M 1WE 10:00-12:00"], cost="free", min_age=40, verified="2026-09-25",
  org=("Healthy Belgrave", "NHS-funded health trainers working in Belgrave community venues.", "healthybelgrave")),

S("bel-carers-coffee", "bel-nc", "carers-group", "en",
  "Belgrave Carers' Coffee Break",
  "If you look after a husband, wife, parent or grown-up child, this is a morning for you. Carers share "
  "tips, get advice about breaks and benefits, and simply have a cup of coffee with people who "
  "understand. You can bring the person you care for; a volunteer will sit with them.",
  tr={"gu": ("બેલગ્રેવ કૅરર્સ કૉફી બ્રેક",
             "પતિ, પત્ની, માતા-પિતા કે મોટા સંતાનની સંભાળ રાખતા હો તો આ સવાર તમારા માટે છે. "
             "બીજા કૅરર્સ સાથે અનુભવ વહેંચો, આરામ અને ભથ્થાં અંગે સલાહ મેળવો. "
             "જેની સંભાળ રાખો છો તેમને સાથે લાવી શકો; એક સ્વયંસેવક તેમની પાસે બેસશે.")},
  langs="en gu hi", sched=["M 2MO 10:30-12:30"], cost="free", org="carers", min_age=18,
  elig="Unpaid carers of any age", verified="2026-10-09"),

S("bel-esol-conversation", "bel-lib", "english-classes", "en",
  "English Conversation for Beginners",
  "A friendly class for people who want to speak English with more confidence: at the doctor's, on the "
  "bus, on the phone. The tutor speaks slowly and there is plenty of practice in pairs. "
  "Runs in term time; come to the first session of term if you can.",
  tr={"gu": ("શરૂઆત કરનારા માટે અંગ્રેજી વાતચીત",
             "ડૉક્ટર પાસે, બસમાં કે ફોન પર વધુ વિશ્વાસથી અંગ્રેજી બોલવું હોય તેમના માટે વર્ગ. "
             "શિક્ષક ધીમે બોલે છે અને જોડીમાં ઘણી પ્રૅક્ટિસ થાય છે. ફક્ત સત્ર દરમિયાન ચાલે છે."),
      "pl": ("Rozmowy po angielsku dla początkujących",
             "Zajęcia dla osób, które chcą pewniej mówić po angielsku: u lekarza, w autobusie, przez "
             "telefon. Lektor mówi powoli, dużo ćwiczymy w parach. Zajęcia tylko w trakcie semestru.")},
  langs="en", sched=[("W TU 13:30-15:00", TT)], cost="free", min_age=18,
  org=("Leicester Adult Learning", "Council adult education service.", "adultlearning"),
  verified="2026-09-01"),

S("bel-steady-steps", "bel-church", "falls-prevention chair-exercise", "en",
  "Steady Steps Strength and Balance",
  "A 12-week class for people who have had a fall or feel unsteady. Exercises are done holding the back "
  "of a chair and get a little harder each week. A physiotherapist checks everyone at the start; "
  "please ring first so we can book your check.",
  langs="en gu", sched=["W FR 11:00-12:00"], cost=(3.0, 1.5), join="ring_first", org="llln",
  faith="church", verified="2026-06-30"),

S("bel-polski-klub", "bel-church", "social-club coffee-morning", "pl",
  "Polski Klub Seniora – Belgrave",
  "Co drugą środę spotykamy się przy kawie i domowym cieście, rozmawiamy, gramy w karty i planujemy "
  "wspólne wyjścia. Przychodzą głównie emeryci, którzy mieszkają w Leicester od lat, ale nowe osoby są "
  "zawsze mile widziane. Przy pierwszej wizycie proszę zapytać o panią Halinę.",
  tr={"en": ("Polish Seniors' Club – Belgrave",
             "Every other Wednesday we meet over coffee and home-made cake, chat, play cards and plan "
             "outings. Most members are retired people who have lived in Leicester for years, but new "
             "faces are always welcome. On your first visit, ask for Halina.")},
  langs="pl", sched=["F WE 10:00-12:00"], cost=1.5, org="psl", faith="church",
  verified="2025-09-30"),

S("bel-porady-po-polsku", "bel-nc", "benefits-advice pensions-advice", "pl",
  "Porady po polsku – zasiłki i emerytury",
  "Raz w miesiącu doradczyni mówiąca po polsku pomaga wypełnić wnioski o Pension Credit, Attendance "
  "Allowance i inne świadczenia. Warto zabrać listy z urzędu, wyciąg z konta i numer National Insurance. "
  "Prosimy wcześniej zadzwonić i umówić godzinę.",
  tr={"en": ("Advice in Polish – benefits and pensions",
             "Once a month a Polish-speaking adviser helps you fill in claims for Pension Credit, "
             "Attendance Allowance and other benefits. Bring letters from the DWP or council, a bank "
             "statement and your National Insurance number. Please ring first to book a time.")},
  langs="pl en", sched=["M 3TH 10:00-13:00"], cost="free", join="ring_first", org="psl",
  min_age=None, elig="Polish speakers of any age", verified="2026-08-21"),

S("bel-wolontariusze-obiady", "bel-nc", "volunteering", "pl",
  "Szukamy wolontariuszy do klubu obiadowego",
  "Klub obiadowy w Belgrave szuka osób, które raz w tygodniu pomogą nakrywać do stołów, podawać herbatę "
  "albo po prostu posiedzieć i porozmawiać z gośćmi. Nie trzeba znać gudżarati – wystarczy uśmiech i "
  "trochę cierpliwości. Wolontariusze jedzą obiad za darmo.",
  langs="pl en", sched=["W TU,TH 11:30-14:30"], cost="free", join="ring_first", min_age=18,
  org="bgsa", elig="Anyone aged 18 or over", verified="2026-10-20"),

S("bel-mahjong-tea", "bel-lounge", "social-club", "zh_Hans",
  "周四麻将茶聚",
  "每周四下午在社区休息室打麻将、喝茶、聊天。会打的可以直接上桌，不会的有老朋友手把手教。"
  "组员大多住在Belgrave和Rushey Mead一带，讲普通话和粤语的都有。",
  tr={"en": ("Thursday Mahjong and Tea",
             "Every Thursday afternoon in the community lounge: mahjong, tea and a chat. If you know how "
             "to play, sit straight down; if not, one of the regulars will show you. Most members live "
             "around Belgrave and Rushey Mead, and both Mandarin and Cantonese are spoken.")},
  langs="zh yue", sched=["W TH 14:00-17:00"], cost=1.0, org="lcea", verified="2026-04-11"),

S("bel-community-pantry", "bel-nc", "food-bank", "en",
  "Belgrave Community Pantry",
  "Pick up free tins, rice, flour, fresh vegetables and toiletries on Friday afternoons; no referral "
  "needed. Volunteers speak Gujarati, Punjabi and Polish as well as English. If you can't carry a bag "
  "home, ask and we will try to arrange a delivery.",
  tr={"gu": ("બેલગ્રેવ કોમ્યુનિટી પૅન્ટ્રી",
             "શુક્રવારે બપોરે ડબ્બાનો સામાન, ચોખા, લોટ, તાજાં શાકભાજી અને સાબુ-શેમ્પૂ મફત મળે છે; "
             "કોઈ ચિઠ્ઠીની જરૂર નથી. સ્વયંસેવકો ગુજરાતી, પંજાબી અને પોલિશ પણ બોલે છે."),
      "pl": ("Spiżarnia społeczna w Belgrave",
             "W piątki po południu można odebrać za darmo konserwy, ryż, mąkę, świeże warzywa i środki "
             "czystości; skierowanie nie jest potrzebne. Wolontariusze mówią także po polsku.")},
  langs="en gu pa pl", sched=["W FR 13:00-15:00"], cost="free", min_age=None,
  elig="Anyone struggling to afford food", org=("Belgrave Community Pantry", "A volunteer food pantry.", "pantry"),
  verified="2026-11-20"),
]
