"""Spinney Hills ward listings (fictional)."""
from .common import S

TT = {"valid_from": "2026-09-09", "valid_to": "2026-12-16", "notes": "Term time only"}
SUMMER = {"valid_from": "2026-04-04", "valid_to": "2026-09-26", "notes": "April to September"}

LISTINGS = [
S("sph-listening-bench", "sph-park", "listening-bench", "en",
  "Listening Bench in Spinney Hill Park",
  "On Monday and Thursday late mornings a community connector sits on the bench by the Mere Road gate, "
  "under the big lime tree. Stop for a chat about anything at all: the weather, your family, something "
  "that is worrying you. If you'd like, they can tell you about groups nearby and even walk along with "
  "you the first time.",
  tr={"gu": ("સ્પિની હિલ પાર્કમાં વાતચીતની બેન્ચ",
             "સોમવારે અને ગુરુવારે મોડી સવારે મેર રોડના દરવાજા પાસે, મોટા ઝાડ નીચેની બેન્ચ પર એક "
             "કોમ્યુનિટી કનેક્ટર બેસે છે. હવામાન, પરિવાર કે કોઈ ચિંતા — કંઈ પણ વાત કરવા થોભી જાઓ. "
             "તમે ઇચ્છો તો આસપાસનાં જૂથો વિશે જણાવશે અને પહેલી વાર સાથે પણ આવશે.")},
  langs="en gu ur pa", sched=["W MO,TH 11:00-13:00"], cost="free", org="lat",
  apply="Just sit down and say hello", verified="2026-11-02"),

S("sph-friends-volunteering", "sph-park", "friends-of-park volunteering", "en",
  "Friends of Spinney Hill Park – volunteer mornings",
  "Once a month we plant bulbs, pick litter and tidy the flower beds, then have tea at the café. "
  "Jobs can be done sitting down if standing is hard, and there is always someone to chat to. "
  "Gloves, grabbers and hi-vis vests are provided.",
  langs="en ur gu", sched=["M 2SA 10:00-12:00"], cost="free", org="friends-sph", min_age=18,
  elig="Anyone aged 18 or over", verified="2026-09-13"),

S("sph-health-walk", "sph-park", "walking-group", "en",
  "Spinney Hill Park Health Walk",
  "A gentle 30-minute walk on the flat paths around the park, led by a trained walk leader who walks "
  "at the pace of the slowest person. Meet at the Mere Road gate; afterwards some of us go for a cup "
  "of tea. Wear comfortable shoes.",
  tr={"gu": ("સ્પિની હિલ પાર્કમાં આરોગ્ય માટે ચાલવું",
             "પાર્કના સપાટ રસ્તા પર 30 મિનિટની ધીમી સેર. આગેવાન સૌથી ધીમા ચાલનારની ઝડપે ચાલે છે. "
             "મેર રોડના દરવાજે મળીએ; પછી કેટલાક ચા પીવા જાય છે. આરામદાયક જૂતાં પહેરજો.")},
  langs="en gu ur", sched=["W WE 10:00-10:45"], cost="free", org="llln", verified="2026-07-22"),

S("sph-al-noor-lunch", "sph-masjid", "lunch-club", "en",
  "Al-Noor Elders' Lunch",
  "A hot halal lunch on Wednesdays (curry, rice, salad and fruit) for older people from the area, "
  "with separate tables for men and women for those who prefer. Conversation is mostly in Urdu and "
  "Punjabi, but everyone is welcome whatever their background. The lunch stops during Ramadan.",
  langs="ur pa en", sched=[("W WE 12:30-14:00", {"notes": "Not held during Ramadan"})], cost=2.0,
  faith="mosque", food=["halal"], org="masjid-sph", verified="2026-06-04"),

S("sph-women-keep-fit", "sph-women", "exercise-general", "en",
  "Women's Keep Fit at Mere Road",
  "A women-only keep-fit class with a female instructor: warm-up, light weights, stretching and a "
  "cool-down to music. The blinds are drawn and no men are on site. Many women come in their usual "
  "clothes; trainers help but aren't essential.",
  langs="en ur pa so", sched=["W MO 10:00-11:00"], cost=1.5, gender="women_only", org="sph-women",
  verified="2026-06-11"),

S("sph-sewing-circle", "sph-women", "knitting-and-sewing skill-sharing", "en",
  "Sewing and Stitching Circle",
  "Bring a garment to alter or something to mend, or learn to use a sewing machine. Members teach each "
  "other, so if you're good with a needle you can share what you know. Women only; children under "
  "five can come with you.",
  langs="en ur so gu", sched=["W WE 13:00-15:00"], cost="free", gender="women_only", min_age=None,
  elig="Women of any age", org="sph-women", verified="2026-08-26"),

S("sph-somali-elders", "sph-cc", "social-club mental-health-support", "en",
  "Somali Elders' Tea and Talk",
  "Older Somali men and women meet for shaah, sambusa and conversation on Saturday afternoons. "
  "A support worker comes once a month to help with letters and appointments. "
  "The group is taking a break while the centre's kitchen is repaired.",
  langs="so ar en", sched=["W SA 14:00-16:00"], cost="free", food=["halal"], status="paused",
  org=("Somali Elders Network Leicester", "Volunteer network for older Somali people.", "somalielders"),
  verified="2026-09-18"),

S("sph-punjabi-seniors", "sph-gurdwara", "social-club community-meal", "en",
  "Punjabi Seniors' Club",
  "Thursday mornings at the gurdwara: chair exercises for twenty minutes, then chat, cards and the "
  "newspaper read aloud in Punjabi, finishing with langar. Men and women both come. Please cover your "
  "head in the gurdwara.",
  langs="pa hi en", sched=["W TH 11:00-14:00"], cost="free", faith="gurdwara", food=["vegetarian"],
  org=("Guru Har Rai Gurdwara", "Sikh gurdwara on East Park Road.", "guruharrai"),
  verified="2026-10-30"),

S("sph-memory-cafe", "sph-church", "dementia-cafe carers-group", "en",
  "St Saviour's Memory Café",
  "A relaxed afternoon for people living with dementia and their families or carers: tea, music from "
  "the old days, simple crafts and someone to talk to about what support is available. Nobody needs "
  "a diagnosis to come. Volunteers have done dementia-friends training.",
  tr={"gu": ("સેન્ટ સેવિયર્સ મેમરી કૅફે",
             "ડિમેન્શિયા સાથે જીવતા લોકો અને તેમના પરિવાર કે કૅરર માટે શાંત બપોર: ચા, જૂનાં ગીતો, "
             "સરળ હસ્તકલા અને કઈ મદદ મળી શકે એની વાત. આવવા માટે નિદાનની જરૂર નથી.")},
  langs="en gu", sched=["M 1TH 14:00-16:00"], cost="donation", faith="church", org="memory",
  verified="2026-10-01"),

S("sph-over-50s-swim", "sph-pool", "swimming", "en",
  "Over-50s Swim",
  "A quiet lane session for people aged 50 and over, with steps and a hoist into the pool. Swim lengths "
  "at your own pace or walk in the shallow end. Lifeguards are on duty and the changing rooms have "
  "private cubicles.",
  tr={"pl": ("Pływanie dla osób 50+",
             "Spokojne pływanie na wydzielonych torach dla osób po pięćdziesiątce; do basenu prowadzą "
             "schodki, jest też podnośnik. Można pływać we własnym tempie albo spacerować w płytkiej "
             "części. Przebieralnie mają osobne kabiny.")},
  langs="en", sched=["W TU,FR 09:00-10:00"], cost=(3.5, 2.0),
  org=("Spence Street Pool", "Council-run swimming pool.", "spencepool"), verified="2026-07-15"),

S("sph-women-swim", "sph-pool", "swimming", "en",
  "Women-only Swim Session",
  "Sunday evening swim for women and girls with female lifeguards and the windows covered. "
  "Full-length swimwear and burkinis are welcome. Older women often use the first half hour for "
  "gentle water walking.",
  tr={"gu": ("ફક્ત બહેનો માટે તરણ",
             "રવિવારે સાંજે બહેનો અને દીકરીઓ માટે તરણ; લાઇફગાર્ડ પણ બહેનો જ હોય છે અને બારીઓ ઢાંકેલી રહે છે. "
             "આખા શરીરનો સ્વિમસૂટ પહેરી શકો છો. વડીલ બહેનો શરૂઆતના અડધા કલાકમાં પાણીમાં ધીમે ચાલે છે.")},
  langs="en", sched=["W SU 17:00-18:00"], cost=3.5, gender="women_only", min_age=None,
  elig="Women and girls", org=("Spence Street Pool", "Council-run swimming pool.", "spencepool"),
  verified="2026-07-15"),

S("sph-memories-mills", "sph-lib", "history-group", "en",
  "Spinney Hills Memories: mills, markets and corner shops",
  "Did you work in a hosiery factory, run a shop on St Saviour's Road or arrive here in the 1970s? "
  "This group swaps memories over tea, looks at old photos and maps from the library's collection, "
  "and is putting together a small booklet. Large-print copies of everything are available.",
  langs="en", sched=["M 3TU 14:00-15:30"], cost="free",
  org=("Highfields Library", "City council branch library.", "highfieldslibrary"),
  verified="2025-10-21"),

S("sph-computer-buddies", "sph-lib", "computer-help", "en",
  "Computer Buddies",
  "Sit down with a volunteer for an hour of one-to-one help: setting up e-mail, booking a GP "
  "appointment online, renewing a bus pass or filling in a form. Laptops are provided, or bring your "
  "own. Drop in, but there may be a short wait.",
  tr={"pl": ("Pomoc przy komputerze",
             "Godzina indywidualnej pomocy wolontariusza: założenie poczty e-mail, umówienie wizyty u "
             "lekarza przez internet, przedłużenie karty autobusowej albo wypełnienie formularza. "
             "Laptopy są na miejscu. Bez zapisów, ale czasem trzeba chwilę poczekać.")},
  langs="en ur", sched=["W TH 10:00-12:00"], cost="free", org="digital", min_age=None,
  elig="Anyone", verified="2026-09-03"),

S("sph-settled-status-clinic", "sph-uplands", "immigration-advice", "en",
  "Settled Status and Citizenship Clinic",
  "A regulated adviser helps with EU Settled Status, visa extensions for family members and "
  "citizenship applications. Appointments last 45 minutes; bring your passport, any Home Office "
  "letters and proof of address. Interpreters for Polish, Gujarati and Urdu can be booked.",
  tr={"pl": ("Porady: status osiedleńca i obywatelstwo",
             "Licencjonowany doradca pomaga w sprawach EU Settled Status, przedłużenia wiz członków "
             "rodziny i wniosków o obywatelstwo. Spotkanie trwa 45 minut; prosimy zabrać paszport, "
             "listy z Home Office i potwierdzenie adresu. Można zamówić tłumacza języka polskiego.")},
  langs="en", sched=["M 2TU 10:00-13:00"], cost="free", join="ring_first", min_age=None,
  elig="Anyone", org="hap", verified="2026-10-14"),

S("sph-talking-circle", "sph-uplands", "mental-health-support peer-support-and-wellbeing", "en",
  "Talking Circle in Urdu and Punjabi",
  "A small weekly group for people who feel low, lonely or anxious, led by two volunteers who have "
  "been through hard times themselves. Nobody has to speak; most weeks there is a short breathing "
  "exercise and then tea. Everything said stays in the room.",
  langs="ur pa en", sched=["W MO 14:00-15:30"], cost="free", org="mindful", min_age=18,
  verified="2026-08-17"),

S("sph-room-hire", "sph-cc", "meeting-room", "en",
  "Room Hire at East Park Road Community Centre",
  "Two rooms and a main hall with a kitchen, available for new groups. Older people's and volunteer-led "
  "groups pay half price, and the first session is free while you find your feet. Ring the centre "
  "office to look round.",
  langs="en ur gu", sched=["W MO,TU,WE,TH,FR 09:00-21:00"], join="ring_first", min_age=None,
  elig="Community groups", cost=[("Per hour", 12.0, "Main hall"),
                                 ("Per hour (older people's groups)", 6.0, "Half price; first session free")],
  org=("East Park Road Community Centre", "Community centre run by a local trust.", "eastparkcc"),
  verified="2026-06-12"),

S("sph-line-dancing", "sph-church", "dance", "en",
  "Line Dancing at St Saviour's",
  "Beginners' line dancing to country and pop songs. The group closed in summer 2025 when the teacher "
  "retired; the hall is looking for a new volunteer leader.",
  langs="en", sched=["W TU 18:30-19:30"], cost=3.0, faith="church", status="closed",
  org=("St Saviour's Church", "Anglican church in Spinney Hills.", "stsaviours"), verified="2025-06-12"),

S("sph-mandir-bhojan-bhajan", "sph-mandir", "lunch-club faith-group", "gu",
  "શનિવારનું ભોજન અને ભજન",
  "દર શનિવારે હનુમાન મંદિરમાં વડીલો માટે સાદું શાકાહારી જમણ હોય છે — ખીચડી, કઢી, શાક અને છાશ. "
  "જમતાં પહેલાં અડધો કલાક હનુમાન ચાલીસા અને ભજન ગવાય છે. "
  "જેટલું આપી શકો એટલું દાન આપો; કોઈને પાછા મોકલતા નથી.",
  tr={"en": ("Saturday Lunch and Bhajans",
             "Every Saturday the Hanuman Mandir serves a simple vegetarian lunch for older people: "
             "khichdi, kadhi, a vegetable dish and buttermilk. Before the meal there is half an hour "
             "of Hanuman Chalisa and bhajans. Give what you can; nobody is turned away.")},
  langs="gu hi", sched=["W SA 12:00-14:30"], cost="donation", faith="temple", food=["vegetarian"],
  org=("Shree Hanuman Mandir", "Hindu temple on Green Lane Road.", "hanumanmandir"),
  verified="2026-09-26"),

S("sph-baheno-chalvanu", "sph-park", "walking-group", "gu",
  "બહેનોનું ચાલવાનું જૂથ",
  "મંગળવારે અને શુક્રવારે સવારે બહેનો સાથે મળીને પાર્કમાં બે ચક્કર મારે છે — વાતો કરતાં કરતાં કલાક ક્યાં જાય ખબર પણ નથી પડતી. "
  "એકલાં ચાલવા જવામાં સંકોચ થતો હોય તો આ જૂથ તમારા માટે છે. "
  "મેર રોડના દરવાજે સાડા નવે ભેગાં થઈએ છીએ.",
  tr={"en": ("Women's Walking Group",
             "On Tuesday and Friday mornings women walk two laps of the park together, chatting as they "
             "go; the hour flies by. If you feel shy about walking on your own, this group is for you. "
             "We meet at the Mere Road gate at half past nine.")},
  langs="gu hi ur", sched=["W TU,FR 09:30-10:30"], cost="free", gender="women_only", org="lat",
  verified="2026-10-22"),

S("sph-diabetes-check-gu", "sph-cc", "health-check", "gu",
  "ડાયાબિટીસ અને બ્લડ પ્રેશર તપાસ",
  "મહિનાના ચોથા ગુરુવારે નર્સ આંગળીમાંથી લોહીનું ટીપું લઈને સુગર તપાસે છે અને બ્લડ પ્રેશર માપે છે. "
  "ખાવા-પીવા અને દવા અંગે ગુજરાતીમાં સમજાવે છે; જરૂર લાગે તો તમારા ડૉક્ટરને પત્ર લખી આપે છે. "
  "ચા અને ખાંડ વગરનાં બિસ્કિટ પણ મળે છે!",
  tr={"en": ("Diabetes and Blood Pressure Check",
             "On the fourth Thursday of the month a nurse does a finger-prick sugar test and takes your "
             "blood pressure. She explains about food and medicines in Gujarati and can write to your "
             "GP if needed. There is tea and sugar-free biscuits too!")},
  langs="gu hi en", sched=["M 4TH 10:00-12:00"], cost="free", min_age=40,
  org=("Spinney Hills Health Champions", "Community health volunteers working with local GP practices.", "healthchampions"),
  verified="2026-01-29"),

S("sph-saral-angreji", "sph-lib", "english-classes", "gu",
  "વડીલો માટે સરળ અંગ્રેજી",
  "ડૉક્ટરની એપોઇન્ટમેન્ટ, દુકાનમાં ખરીદી કે બસમાં ટિકિટ — રોજિંદા કામ માટેનું સરળ અંગ્રેજી. "
  "શિક્ષિકા ગુજરાતી પણ બોલે છે, એટલે ન સમજાય તો સહેલાઈથી પૂછી શકાય. "
  "વર્ગ શાળાના સત્ર દરમિયાન જ ચાલે છે.",
  tr={"en": ("Simple English for Elders",
             "Simple English for everyday things: a doctor's appointment, shopping, buying a bus ticket. "
             "The teacher also speaks Gujarati, so it's easy to ask if you don't understand. The class "
             "runs in term time only.")},
  langs="gu en", sched=[("W WE 10:00-11:30", TT)], cost="free",
  org=("Leicester Adult Learning", "Council adult education service.", "adultlearning"),
  verified="2026-09-02"),

S("sph-carer-baheno", "sph-women", "carers-group", "gu",
  "સંભાળ રાખતી બહેનો માટે આરામની બપોર",
  "સાસુ-સસરા, પતિ કે દિવ્યાંગ સંતાનની સંભાળ રાખતી બહેનો માટે દર બીજા સોમવારે બે કલાકનો વિરામ. "
  "હળવી કસરત, મહેંદી, ચા-નાસ્તો અને મનની વાત. "
  "કૅરર તરીકે મળતી સહાય અંગે માહિતી પણ મળે છે.",
  tr={"en": ("Afternoon Break for Women Carers",
             "Every other Monday, a two-hour break for women who look after in-laws, a husband or a "
             "disabled child. Gentle exercise, mehndi, tea and snacks, and a chance to talk. You can "
             "also find out about the support carers are entitled to.")},
  langs="gu hi ur", sched=["F MO 13:00-15:00"], cost="free", gender="women_only", min_age=18,
  elig="Women who care for a relative", org="carers", verified="2026-08-03"),

S("sph-sathi-margdarshan", "sph-cc", "peer-mentoring", "gu",
  "સાથી માર્ગદર્શક – એક-થી-એક સહાય",
  "એકલતા લાગતી હોય, આત્મવિશ્વાસ ઘટી ગયો હોય કે ઘણા સમયથી ઘરની બહાર નીકળ્યા ન હો, તો તાલીમ પામેલા સાથી માર્ગદર્શક વધુમાં વધુ દસ મુલાકાતો સુધી તમને મળશે. "
  "તમે જાતે નક્કી કરો કે શું કરવું છે — મંદિર સુધી જવું, કોઈ વર્ગમાં જોડાવું કે બસમાં ફરી બેસતા થવું. "
  "મુલાકાત ઘરે, સેન્ટરમાં કે પાર્કમાં થઈ શકે.",
  tr={"en": ("Peer Mentor – one-to-one support",
             "If you feel lonely, have lost confidence or haven't been out for a long time, a trained "
             "peer mentor can meet you for up to ten sessions. You decide what you want to work on: "
             "getting to the temple, joining a class or taking the bus again. You can meet at home, "
             "at the centre or in the park.")},
  langs="gu hi en", area="spinney-hills", cost="free", join="referral", org="lat",
  apply="Self-referral or referral by a community connector, GP or social worker",
  sched=[], verified="2026-10-10"),

S("sph-rangoli-chitrakam", "sph-cc", "painting-and-drawing arts-and-crafts", "gu",
  "રંગોળી અને ચિત્રકામ",
  "ગુરુવારે બપોરે રંગોળી, મંડલા અને પાણીના રંગોથી ચિત્રો બનાવીએ છીએ. "
  "પહેલાં ક્યારેય ચિત્ર ન દોર્યું હોય તો પણ ચિંતા નહીં — કલાકાર બહેન ધીરજથી શીખવે છે. "
  "દિવાળી પહેલાં સેન્ટરના દરવાજે સૌ સાથે મળીને મોટી રંગોળી બનાવીએ છીએ.",
  tr={"en": ("Rangoli and Painting",
             "On Thursday afternoons we make rangoli, mandalas and watercolour pictures. Don't worry if "
             "you have never painted before; our artist teaches patiently. Before Diwali we all make a "
             "big rangoli at the centre's entrance together.")},
  langs="gu hi", sched=["W TH 14:00-16:00"], cost=2.0,
  org=("East Park Road Community Centre", "Community centre run by a local trust.", "eastparkcc"),
  verified="2026-04-16"),

S("sph-ghar-salah", "sph-uplands", "housing-advice", "gu",
  "ઘર અને સમારકામ અંગે સલાહ",
  "ભાડાના ઘરમાં ભેજ, ગરમી ન આવતી હોય, સીડી ચડવામાં તકલીફ હોય કે કાઉન્સિલ ઘર માટે અરજી કરવી હોય — "
  "મહિનાના પહેલા શુક્રવારે ગુજરાતી બોલતા સલાહકાર મળે છે. "
  "મકાનમાલિક કે કાઉન્સિલના પત્રો સાથે લાવજો.",
  langs="gu en", sched=["M 1FR 10:00-12:00"], cost="free", join="ring_first", min_age=None,
  elig="Anyone", org="hap", verified="2026-07-03"),

S("sph-nordic-walking", "sph-park", "walking-group", "pl",
  "Nordic walking w Spinney Hill Park",
  "W soboty rano chodzimy z kijami po parku – około godziny, w spokojnym tempie, z przerwą na "
  "rozciąganie. Kije można pożyczyć na miejscu, a instruktorka pokaże, jak ich używać. "
  "Po marszu często idziemy razem na kawę.",
  tr={"en": ("Nordic Walking in Spinney Hill Park",
             "On Saturday mornings we walk round the park with poles for about an hour, at an easy pace, "
             "with a break for stretching. You can borrow poles and the instructor will show you how to "
             "use them. Afterwards we often go for coffee together.")},
  langs="pl en", sched=["W SA 09:00-10:00"], cost="free", org="psl", verified="2026-08-29"),

S("sph-smartfon-po-polsku", "sph-lib", "smartphone-help", "pl",
  "Smartfon bez stresu – pomoc po polsku",
  "Raz w miesiącu wolontariusze pomagają ustawić telefon, zainstalować WhatsApp i aplikację NHS, "
  "zrobić wideorozmowę z wnukami w Polsce. Proszę przynieść naładowany telefon i hasła zapisane na "
  "kartce. Każdy dostaje prostą instrukcję w dużym druku do domu.",
  tr={"en": ("Smartphone help in Polish",
             "Once a month volunteers help you set up your phone, install WhatsApp and the NHS app and "
             "make a video call to the grandchildren in Poland. Bring a charged phone and your passwords "
             "written on paper. Everyone gets a simple large-print guide to take home.")},
  langs="pl", sched=["M 2SA 11:00-13:00"], cost="free", org="digital", verified="2026-06-14"),

S("sph-shuizhong-jianshen", "sph-pool", "swimming exercise-general", "zh_Hant",
  "長者水中健身班",
  "逢星期三上午在淺水區跟著音樂做水中運動，水的浮力可以減輕關節壓力，不會游泳也可以參加。"
  "教練講英文，但有廣東話義工在旁翻譯。第一次來請早十分鐘到，方便登記。",
  tr={"en": ("Aqua Fitness for Older People",
             "Water exercise to music in the shallow end on Wednesday mornings. The water takes the "
             "weight off your joints, and you don't need to be able to swim. The instructor speaks "
             "English, with a Cantonese-speaking volunteer translating. Please come ten minutes early "
             "the first time to register.")},
  langs="en yue", sched=["W WE 10:30-11:30"], cost=(3.5, 2.0), org="lcea", verified="2026-07-08"),

S("sph-gongyuan-taiji", "sph-park", "tai-chi", "zh_Hant",
  "春夏公園太極晨練",
  "四月至九月逢星期六早上，在Spinney Hill Park草地上打二十四式太極拳。"
  "師傅會慢慢示範，初學者站在後排跟著做就可以。下雨天取消，請穿平底鞋。",
  tr={"en": ("Spring and Summer Tai Chi in the Park",
             "From April to September, Saturday mornings on the grass in Spinney Hill Park practising the "
             "24-form tai chi. The teacher demonstrates slowly; beginners can stand at the back and "
             "follow. Cancelled if it rains; wear flat shoes.")},
  langs="yue zh en", sched=[("W SA 08:30-09:30", SUMMER)], cost="free", org="lcea",
  verified="2026-04-02"),

S("sph-guangchang-wu", "sph-cc", "dance exercise-general", "zh_Hans",
  "中老年广场舞",
  "每周二傍晚在社区中心大厅跳广场舞，音乐有中文老歌也有流行歌。"
  "动作简单，跟着领舞的阿姨学几次就会了。冬天天黑得早，不少人结伴一起走回家。",
  tr={"en": ("Square Dancing for Over-50s",
             "Chinese square dancing in the community centre hall on Tuesday evenings, to old Chinese "
             "songs and pop music. The steps are simple and you'll pick them up after a few weeks of "
             "following the leader. In winter, when it's dark early, many people walk home together.")},
  langs="zh en", sched=["W TU 18:30-19:30"], cost=1.0, org="lcea", verified="2026-10-06"),
]
