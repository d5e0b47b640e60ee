# Ciornă: necesită revizuire de către un vorbitor nativ.
title = Evaluare pentru adulți: exploatare prin muncă și exploatare sexuală
summary = O evaluare completă pentru adulți, pe cele șase dimensiuni ale indicatorilor operaționali OIM/CE. Aproximativ 20 de minute.

section-now = Chiar acum
section-now-note = Puneți întâi această întrebare. Dacă persoana este acum în pericol, opriți-vă și urmați procedura de urgență.
q-danger-now = Vă temeți că cineva vă va face rău, dumneavoastră sau cuiva apropiat, astăzi?
q-danger-now-note = Dacă da, discuția se oprește. Întrebați persoana ce vrea să se întâmple înainte să sunați pe cineva: pentru cineva fără acte, poliția poate însemna detenție.

section-work-situation = Munca dumneavoastră
q-sector = Ce fel de muncă faceți sau ați făcut?
c-sector-agriculture = Muncă agricolă sau la câmp
c-sector-construction = Construcții
c-sector-factory = Fabrică sau atelier
c-sector-domestic = Muncă în casa cuiva
c-sector-hospitality = Restaurant, hotel sau curățenie
c-sector-fishing = Pescuit sau muncă pe un vas
c-sector-sex-industry = Bar, club, masaj sau muncă sexuală
c-sector-street = Cerșit sau vânzare pe stradă
c-sector-online-scam = Muncă online într-un complex închis (apeluri, chat, fraudă)
c-sector-other = Altceva
q-origin-country = Din ce țară sunteți?
q-work-country = În ce țară faceți această muncă sau ați făcut-o?
q-time-in-work = De cât timp faceți această muncă?
q-arrival-date = Când ați sosit în această țară?
q-arrival-date-note = O dată aproximativă este suficientă; alegeți „nu știu” dacă persoana nu este sigură.
q-preferred-language = În ce limbă ați dori să vorbiți cu noi?

section-recruitment = Cum ați ajuns la această muncă
section-recruitment-note = Întrebați despre perioada de dinainte de începerea muncii. Lăsați persoana să povestească în ordinea ei.
q-recruiter-relation = Cine v-a găsit această muncă sau v-a adus la ea?
c-relation-partner = Un partener, iubit sau iubită
c-relation-family = Cineva din familia mea
c-relation-friend = Un prieten sau o cunoștință
c-relation-agency = O agenție sau un recrutor
c-relation-stranger = Cineva pe care nu-l cunoșteam
c-relation-nobody = Nimeni, am găsit-o singur(ă)
q-promised = Înainte să începeți, v-a promis cineva un loc de muncă, un salariu, acte sau alte lucruri?
q-job-different = Munca este diferită de ce vi s-a promis?
q-pay-different = Salariul sau condițiile sunt mai rele decât vi s-a promis?
q-recruit-fee = A trebuit să plătiți o taxă sau să împrumutați bani ca să obțineți această muncă sau să călătoriți?
q-hardship-before = Atunci erați într-o situație foarte grea, de exemplu fără bani, cu datorii sau fără acte?

section-work-conditions = Condițiile de muncă și de viață
q-hours-per-day = Într-o zi obișnuită, câte ore lucrați?
q-day-off = Aveți cel puțin o zi liberă pe săptămână?
q-pay = Cum sunteți plătit(ă)?
c-pay-as-agreed = Cum s-a convenit
c-pay-less = Mai puțin decât s-a convenit
c-pay-nothing = Deloc
c-pay-to-someone-else = Banii merg la altcineva
q-deductions = Vi se opresc bani din plată, de exemplu pentru mâncare, pat, transport sau o datorie?
q-housing-bad = Locul unde dormiți este aglomerat, murdar sau nesigur?
q-dangerous-work = A trebuit să faceți muncă periculoasă fără protecție?
q-sexual-exploitation = V-a obligat cineva să aveți relații sexuale, sau să întrețineți relații sexuale contra bani, împotriva voinței dumneavoastră?
q-sexual-exploitation-note = Întrebați blând, o singură dată. Acceptați „prefer să nu spun” fără să insistați. Nu cereți detalii.

section-control = Libertate și control
section-control-note = Aceste întrebări pot speria. Amintiți-i persoanei că poate sări orice întrebare.
q-free-to-leave = Ați putea pleca de la această muncă dacă ați vrea?
q-documents-held = Angajatorul sau altcineva vă ține pașaportul sau buletinul, indiferent de motiv, chiar și „ca să fie în siguranță”?
q-debt = Datorați bani angajatorului sau persoanei care v-a adus aici?
q-debt-unpayable = Datoria tot crește sau nu vedeți cum ați putea s-o plătiți?
q-threats = V-a amenințat cineva pe dumneavoastră sau familia dumneavoastră?
q-threat-authorities = A spus cineva că vă va denunța la poliție sau la imigrări?
q-violence = V-a lovit, v-a rănit sau v-a făcut cineva rău fizic?
q-violence-note = Doar rău fizic: răul sexual este întrebat o singură dată, la întrebarea următoare. Dacă persoana este rănită, oferiți mai întâi îngrijire medicală.
q-watched = Vă urmărește cineva unde mergeți, sau vă împiedică să ieșiți { $gender ->
        [woman] singură
        [man] singur
       *[unknown] singur(ă)
    }?

section-vulnerability = Situația dumneavoastră aici
q-knows-address = Știți adresa locului unde locuiți?
q-speaks-local-language = Vorbiți limba acestei țări?
q-status-fear = Vă temeți din cauza actelor de ședere sau de muncă de aici?

section-observations = Ce ați observat
section-observations-note = Completați dumneavoastră după conversație. Nu puneți aceste întrebări.
q-obs-injuries = Ați văzut răni sau semne de violență?
q-obs-fear = Persoana părea foarte speriată sau se uita la altcineva înainte să răspundă?

section-your-views = Părerea dumneavoastră, în cuvintele dumneavoastră
section-your-views-note = Opțional și separat de identificare. Spuneți că nu se schimbă nimic pentru persoană dacă refuză.
q-views-consent = În afară de aceste întrebări: ați vrea să-mi spuneți, cu cuvintele dumneavoastră, de ce aveți nevoie și cum ați fost { $gender ->
        [woman] tratată
        [man] tratat
       *[unknown] tratat(ă)
    }? Cuvintele dumneavoastră rămân în dosar și nu sunt niciodată numărate. Două liste scurte pe care le puteți bifa sunt numărate fără numele dumneavoastră, doar în cifre despre multe persoane, la fel ca numărul celor care au ales să vorbească. Totul este lăsat afară din orice copie a dosarului, dacă nu sunteți de acord să fie împărtășit.
q-views-needs = De ce aveți cea mai mare nevoie acum?
q-views-treatment = Cum ați fost tratat(ă), de oricine, inclusiv de autorități și de organizații ca a noastră?
q-views-needs-list = Dintre acestea, de ce aveți nevoie? Bifați tot ce se potrivește.
q-views-needs-list-note = Citiți variantele cu voce tare. Spuneți persoanei că bifele sunt numărate fără numele ei și că poate sări peste listă.
q-views-treatment-list = Dintre acestea, ce s-a întâmplat când ați avut de-a face cu autorități sau organizații? Bifați tot ce se potrivește.
c-need-safety = Să fiu în siguranță
c-need-shelter = Un loc sigur unde să stau
c-need-medical-care = Îngrijire medicală
c-need-counselling = Cineva cu care să vorbesc
c-need-legal-advice = Consiliere juridică
c-need-money = Bani
c-need-work = Muncă
c-need-documents = Acte de identitate
c-need-return-home = Să mă întorc acasă
c-need-family-contact = Legătura cu familia
c-need-interpreter = Un interpret
c-need-other = Altceva
c-treated-respected = Un tratament respectuos
c-treated-believed = Mi s-a dat crezare
c-treated-informed-in-own-language = Explicații în limba mea
c-treated-given-time-to-decide = Timp să decid
c-treated-pressured-to-testify = Presiuni să depun mărturie
c-treated-detained-or-fined = Reținere sau amendă
c-treated-threatened-with-removal = Amenințare cu expulzarea
c-treated-blamed = Învinovățire
c-treated-other = Altceva
section-closing = Încheiere
q-anything-else = Mai este ceva ce vreți să-mi spuneți?
q-closing-note = Mulțumiți persoanei. Explicați ce urmează, ce ajutor există și că nu se va face nimic fără acordul ei, decât dacă legea o cere.

dim-deceptive-recruitment = Recrutare prin înșelăciune
dim-coercive-recruitment = Recrutare prin constrângere
dim-vulnerability-recruitment = Recrutare prin abuz de vulnerabilitate
dim-exploitative-conditions = Condiții de muncă abuzive
dim-coercion-destination = Constrângere la destinație
dim-vulnerability-destination = Abuz de vulnerabilitate la destinație

ind-deceived-nature-of-job = Înșelat(ă) privind natura muncii
ind-deceived-conditions = Înșelat(ă) privind salariul sau condițiile
ind-recruitment-debt = O călătorie de plătit prin muncă
ind-recruitment-fee = O taxă plătită sau împrumutată pentru muncă sau călătorie
ind-recruited-by-intimate = Recrutat(ă) de partener sau de o rudă
ind-hardship-at-recruitment = Dificultăți economice sau juridice la recrutare
ind-excessive-hours = Program excesiv (peste 12 ore pe zi)
ind-no-rest-day = Fără zi liberă săptămânală
ind-low-or-no-pay = Fără plată, sau plata luată de altcineva
ind-underpaid = Plătit(ă) mai puțin decât s-a convenit
ind-wage-deductions = Rețineri din salariu
ind-bad-living-conditions = Condiții de viață degradante
ind-hazardous-work = Muncă periculoasă fără protecție
ind-sexual-exploitation = Relații sexuale forțate sau exploatare sexuală
ind-not-free-to-leave = Nu este liber(ă) să plece
ind-documents-withheld = Acte de identitate reținute
ind-debt-bondage = Servitute pentru datorii
ind-debt-owed = Datorie față de angajator sau recrutor
ind-threats = Amenințări la adresa persoanei sau a familiei
ind-threat-of-denunciation = Amenințare cu denunțul la autorități
ind-violence = Violență fizică
ind-isolation-surveillance = Izolare, închidere sau supraveghere
ind-does-not-know-address = Nu știe adresa locuinței sau a locului de muncă
ind-language-barrier = Nu vorbește limba locală
ind-irregular-status-fear = Teamă legată de statutul de ședere
ind-fearful-demeanour = Comportament speriat observat

rule-adult-ilo-ec-combination = Sunt îndeplinite o dimensiune de recrutare, condiții abuzive și constrângere sau abuz de vulnerabilitate la destinație: combinația OIM/CE pentru adulți.
rule-adult-forced-at-destination = Condiții abuzive împreună cu constrângere la destinație: indicii de muncă forțată chiar fără element de recrutare.
rule-child-exploitation = Un copil în exploatare sau sub constrângere: pentru copii nu este necesar niciun mijloc de constrângere sau înșelăciune.
rule-any-dimension-met = Cel puțin o dimensiune este îndeplinită, sau există un semn de constrângere ori de exploatare sexuală: este nevoie de o evaluare mai completă.
rule-child-any-indicator = Un copil cu cel puțin un indicator de muncă abuzivă.
rule-labour-rights = Condiții de muncă abuzive fără semne de constrângere: o problemă de drepturi de muncă.

stop-imminent-danger = Persoana se teme că va fi rănită azi. Opriți discuția. Întrebați-o ce vrea să se întâmple și pe cine acceptă să sunați; sunați la urgențe fără acordul ei doar dacă o viață este în pericol imediat.

ref-emergency = Pentru pericol imediat pentru viață sau siguranță.
ref-nrm = Identificare oficială ca victimă a traficului și acces la sprijinul prevăzut de lege.
ref-shelter = Cazare sigură, cu o perioadă de recuperare și reflecție.
ref-medical = Îngrijirea rănilor și a sănătății, confidențial.
ref-legal = Consiliere privind drepturile, șederea, salariile neplătite și despăgubirile.
ref-labour-inspection = Inspecția locului de muncă și recuperarea salariilor.
ref-child-protection = Protecție și un tutore pentru copil; raportarea poate fi obligatorie.
ref-hotline = Consiliere și referire, în multe limbi.

safety-companion-present = Era de față cineva care ar putea controla persoana. Nu lăsați materiale scrise pe care le-ar putea găsi; stabiliți un mod sigur de contact.
safety-threats = S-au raportat amenințări. Nu contactați angajatorul sau familia fără acordul persoanei.
safety-documents = Actele sunt reținute. Nu-l confruntați pe angajator în legătură cu ele în timpul acestei vizite.
safety-presumed-minor = Persoana ar putea fi copil. Tratați-o ca pe un copil până când i se stabilește vârsta și implicați protecția copilului.
safety-consent-before-referral = Cereți consimțământul înainte de fiecare referire. Explicați ce face fiecare serviciu și nu faceți promisiuni pe care nu le puteți ține.

section-about-you = Despre dumneavoastră
q-gender = Cum vă descrieți genul?
q-gender-note = Întrebați doar dacă este sigur; notați răspunsul persoanei. „Prefer să nu spun” este mereu în regulă.
c-gender-woman = Femeie sau fată
c-gender-man = Bărbat sau băiat
c-gender-other = Alt gen

q-medical-urgent = Aveți nevoie urgent de un medic sau de îngrijiri medicale, chiar acum?
q-medical-urgent-note = Dacă da, discuția se oprește ca îngrijirea să fie pe primul loc.
c-sector-not-yet = Încă nu lucrez: sunt pe drum
q-papers-deceived = Vi s-a spus că actele sau permisul de muncă vor fi rezolvate, și nu a fost adevărat?
q-recruit-abducted = Ați fost { $gender ->
        [woman] luată sau dusă
        [man] luat sau dus
       *[unknown] luat(ă) sau dus(ă)
    } undeva împotriva voinței dumneavoastră?
q-recruit-threatened = V-a amenințat cineva, pe dumneavoastră sau pe cineva apropiat, ca să acceptați această muncă sau să faceți drumul?
q-marriage-forced = Ați fost { $gender ->
        [woman] căsătorită, sau promisă
        [man] căsătorit, sau promis
       *[unknown] căsătorit(ă), sau promis(ă)
    } în căsătorie, cu cineva pe care nu l-ați ales?
q-marriage-forced-note = Întrebați cu voce neutră. O căsătorie aranjată de familie nu este în sine un semn; faptul că nu o puteți refuza este.
q-misinformed = Înainte să veniți, vi s-au spus lucruri despre lege, autorități sau viața de aici care s-au dovedit false?
section-journey = Drumul
section-journey-note = Aceste întrebări merg și la o frontieră sau într-o gară, înainte să fi început vreo muncă.
q-travel-arranged = Altcineva v-a organizat sau v-a plătit drumul?
q-travel-debt = Se așteaptă să dați înapoi banii de drum lucrând pentru ei?
q-documents-taken-journey = În timpul drumului, v-a luat sau v-a păstrat cineva pașaportul sau buletinul?
q-destination-known = Știți unde veți locui și lucra, și pentru cine?
q-companion-holds = Cineva care călătorește cu dumneavoastră, sau care vă așteaptă, vă ține biletele, banii sau actele?
q-wages-held-back = Angajatorul vă păstrează salariul pentru mai târziu, de exemplu până la sfârșitul sezonului sau până terminați?
q-bank-card-held = Angajatorul sau altcineva vă ține cardul bancar, datele contului sau telefonul?
q-depends-on-employer = Angajatorul vă dă locul unde dormiți și mâncarea, așa încât fără el nu ați avea unde merge?
q-medical-refused = Când ați fost { $gender ->
        [woman] bolnavă sau rănită
        [man] bolnav sau rănit
       *[unknown] bolnav(ă) sau rănit(ă)
    }, ați fost { $gender ->
        [woman] împiedicată
        [man] împiedicat
       *[unknown] împiedicat(ă)
    } să mergeți la medic?
q-documents-held-note = Numărați și actele date de bunăvoie: contează dacă persoana le poate primi înapoi imediat.
q-threat-expose = V-a amenințat cineva că va spune familiei sau comunității lucruri despre dumneavoastră, sau că va arăta poze cu dumneavoastră?
q-kept-from-others = Sunteți { $gender ->
        [woman] împiedicată
        [man] împiedicat
       *[unknown] împiedicat(ă)
    } să vorbiți cu alți oameni sau să folosiți un telefon?
q-illegal-acts = Ați fost { $gender ->
        [woman] obligată
        [man] obligat
       *[unknown] obligat(ă)
    } să faceți lucruri care încalcă legea, de exemplu să furați, să vindeți droguri sau să înșelați oameni pe internet?
q-illegal-acts-note = Spuneți că întrebarea este pentru a o proteja, nu pentru a o acuza. Nu notați detalii despre vreo infracțiune.
q-coached-to-lie = V-a spus cineva ce să le spuneți autorităților, sau să mințiți despre vârsta, munca sau drumul dumneavoastră?
q-status-fear-note = Dacă funcția vă obligă să raportați situația de ședere (unii inspectori de muncă, poliția), spuneți asta înainte să întrebați, sau săriți întrebarea.
q-threat-authorities-note = Dacă funcția vă obligă să raportați situația de ședere (unii inspectori de muncă, poliția), spuneți asta înainte să întrebați, sau săriți întrebarea.
ind-deceived-about-papers = Înșelat(ă) privind actele sau situația legală
ind-recruitment-abduction = Luat(ă) sau dus(ă) împotriva voinței
ind-recruitment-threats = Amenințări la recrutare
ind-forced-marriage = Căsătorit(ă), sau promis(ă) în căsătorie, fără alegere
ind-documents-taken-journey = Acte luate în timpul drumului
ind-companion-controls = Un însoțitor care controlează biletele, banii sau actele
ind-misinformed-about-migration = Informații false despre lege sau migrație
ind-destination-unknown = Nu știe unde va locui sau lucra, nici pentru cine
ind-medical-care-refused = Îngrijire medicală refuzată
ind-threat-to-expose = Amenințare de expunere în fața familiei sau comunității
ind-forced-illegal-acts = Obligat(ă) să comită fapte ilegale
ind-coached-to-lie = Învățat(ă) ce să spună autorităților, sau să mintă
ind-wages-withheld = Salariu reținut ca să rămână
ind-money-controlled = Card bancar, cont sau telefon ținute de alții
ind-depends-on-employer = Depinde de angajator pentru locuință și mâncare
rule-adult-forced-sex = Relații sexuale forțate împreună cu un alt semn de înșelăciune, control sau exploatare: exploatare sexuală, cu mijloacele ei.
rule-adult-coerced-in-transit = Constrângere pe drum împreună cu înșelăciune, abuz de vulnerabilitate, o destinație necunoscută sau instrucțiuni de a minți: traficul poate fi în curs înainte să înceapă exploatarea.
stop-urgent-medical-need = Persoana are nevoie acum de îngrijire medicală. Opriți discuția și întrebați-o dacă acceptă să chemați un medic sau o ambulanță; sunați fără să întrebați doar dacă nu poate răspunde și o viață este în pericol.
safety-non-punishment = Este posibil ca persoana să fi fost obligată să încalce legea sau să mintă autoritățile. Victimele nu trebuie pedepsite pentru fapte pe care au fost constrânse să le comită (principiul nepedepsirii, Convenția Consiliului Europei, art. 26): nu raportați aceste fapte ca infracțiuni și îndrumați spre consiliere juridică.
safety-sexual-violence-care = A fost dezvăluită violență sexuală. Oferiți îngrijire medicală confidențială (contracepția de urgență și prevenirea HIV au un termen), o lucrătoare sau un lucrător după preferința persoanei, și nu cereți niciodată detalii.

rule-adult-coerced-to-work = Muncă obținută prin constrângere: constrângere la destinație împreună cu condiții de exploatare, sau condiții de exploatare sub o formă puternică de control (închidere, acte, servitute pentru datorii, violență).
