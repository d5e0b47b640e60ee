# Ciornă: necesită revizuire de către un vorbitor nativ.
cli-list-languages = limbi: { $languages }  (* = ciornă, necesită revizuire)
cli-show-review-by = De revizuit până la { $date }
cli-interviewer-note = (intervievator) { $note }
cli-observed-only = (doar intervievatorul: observați, nu citiți cu voce tare)
cli-hint-multiple = Mai multe numere, separate prin virgule.
cli-hint-number = Un număr întreg de la { $min } la { $max }.
cli-hint-date = O dată: AAAA-LL-ZZ.
cli-hint-duration = O durată: un număr și d, w, m sau y (de exemplu 3m).
cli-hint-country = Un cod de țară din două litere (ISO 3166), de exemplu MD.
cli-hint-language = Un cod de limbă, de exemplu ro sau ar-SD.
cli-hint-text = Scrieți răspunsul cu cuvintele persoanei.
cli-hint-note = Apăsați Enter pentru a continua.
cli-current-answer = Răspunsul actual: { $answer }
cli-commands = ? nu știu   - prefer să nu spun   < înapoi   > sari   ! stop
cli-commands-required = < înapoi   ! stop   (acest pas nu poate fi sărit)
cli-completed-prompt = Toate întrebările sunt gata. Enter pentru rezultat, < pentru înapoi, sau :override NIVEL MOTIV.
cli-at-start = Aceasta este prima întrebare.
cli-invalid-yes-no = Tastați 1 pentru da sau 2 pentru nu.
cli-invalid-choice = Tastați numărul uneia dintre variante.
cli-invalid-number = Tastați un număr întreg.
cli-invalid-date = Tastați o dată ca AAAA-LL-ZZ.
cli-invalid-duration = Tastați un număr și d, w, m sau y, de exemplu 3m.
cli-invalid-answer = Acest răspuns nu se potrivește întrebării.
cli-invalid-level = Niveluri: refer-now, assess-further, labour-rights-concern, no-indication.
cli-override-needs-reason = Schimbarea nivelului cere un motiv scris: :override NIVEL MOTIV
cli-error-required = Acest pas are nevoie de un răspuns.
cli-error-ended = Interviul s-a încheiat.
cli-script-stopped = Răspunsul de pe rândul { $line } (întrebarea `{ $question }`) nu a fost acceptat; interviul scriptat se oprește aici.
cli-input-ended = Răspunsurile s-au terminat înainte de finalul interviului. Cazul rămâne deschis: continuați-l cu --resume { $case }.
cli-consent-refused = Persoana nu și-a dat consimțământul. Se păstrează doar faptul refuzului.
cli-postponed = Interviul a fost amânat din motive de siguranță.
cli-outcome-title = Rezultat: { $level }
cli-outcome-override = (intervievatorul a schimbat nivelul calculat, { $computed }, pentru că: { $reason })
cli-outcome-incomplete = Nu este un rezultat: discuția nu s-a încheiat. Ce urmează acoperă doar răspunsurile date.
cli-outcome-age-assumed = Pasul vârstei nu a fost atins; s-au folosit listele de indicatori pentru adulți.
cli-outcome-profile = { $profile }: { $level }
cli-outcome-because = De ce: { $reason }
cli-dimension-met = { $dimension }: îndeplinită ({ $strong } puternic, { $medium } mediu, { $weak } slab)
cli-dimension-not-met = { $dimension }: neîndeplinită ({ $strong } puternic, { $medium } mediu, { $weak } slab)
cli-strength-strong = puternic
cli-strength-medium = mediu
cli-strength-weak = slab
cli-outcome-referrals = Referiri sugerate:
cli-referral-example = Exemplu: înlocuiți-l cu serviciul local înainte de folosire.
cli-referral-mandatory = Raportarea către acest serviciu poate fi obligatorie.
cli-referrals-expired = Neafișate, date expirate: { $ids }
cli-outcome-safety = Note de siguranță pentru dumneavoastră:
cli-outcome-excluded = Răspunsuri excluse deoarece întrebările lor nu se mai aplică: { $ids }
cli-fallbacks = { $count } text(e) afișate în altă limbă: { $keys }
cli-answer-hidden = (păstrat, dar exclus: întrebarea nu se mai aplică)
cli-vault-init-warning = Alegeți o frază de acces pe care o veți ține minte. Nu poate fi recuperată: fără ea nimeni, nici echipa FieldScreen, nu poate deschide acest seif.
cli-vault-created = Seiful { $id } a fost creat în { $dir }.
cli-vault-unlocked = Seiful { $id } a fost deschis: { $cases } caz(uri).
cli-vault-passwd-done = Fraza de acces a fost schimbată. Doar cheia a fost reîmpachetată (--keep-key): o copie veche a fișierului de cheie încă deschide seiful cu fraza veche.
cli-vault-check-ok = Seiful este în regulă: fiecare pagină este autentificată, iar structura bazei de date este intactă.
cli-vault-check-problems = { $count } problemă(e) găsită(e). Păstrați o copie a dosarului seifului înainte de a schimba ceva.
cli-needs-yes = Se cere confirmare; într-un script, adăugați --yes.
cli-confirm-delete = Ștergeți definitiv cazul { $id }? Răspunsurile și istoricul nu pot fi recuperate; dacă acest dispozitiv face parte dintr-o echipă, cazul va fi șters și de pe toate dispozitivele echipei la următoarea sincronizare. Tastați yes pentru a confirma:
cli-confirm-export = Aceasta scrie date personale (fiecare caz și răspunsurile lui) în { $target }, NECRIPTATE. Oricine le obține le poate citi. Tastați yes pentru a confirma:
cli-nothing-done = Nu s-a făcut nimic.
cli-case-deleted = Cazul { $id } a fost șters.
cli-case-started = Cazul { $id }: fiecare răspuns este salvat, criptat, imediat ce este dat.
cli-case-resumed = Se reia cazul { $id }.
cli-practice = Mod de exersare: nu se salvează nimic.
cli-resume-dropped = Răspunsuri salvate pe care această versiune a protocolului nu le acceptă, excluse: { $ids }
cli-confirm-htcds-sealed = Aceasta scrie date personale despre fiecare persoană care a consimțit (export de cazuri HTCDS) în { $target }, sigilate cu o frază de acces pe care o alegeți acum. Tastați yes pentru a confirma:
cli-confirm-htcds-plain = Aceasta scrie date personale despre fiecare persoană care a consimțit (export de cazuri HTCDS) în { $target }, NECRIPTATE. Oricine obține fișierul îl poate citi. Tastați yes pentru a confirma:
cli-export-passphrase = Fraza de acces a fișierului exportat (nu cea a seifului):
cli-export-passphrase-again = Aceeași frază de acces încă o dată:
cli-export-passphrase-short = Fraza de acces pentru export trebuie să aibă cel puțin { $min } caractere.
cli-written-sealed = { $count } caz(uri) scrise în { $target }, sigilate. Deschideți-l cu `fieldscreen unseal { $target }` și fraza de acces pentru export.
cli-written-plain = { $count } caz(uri) scrise în { $target }, necriptate. Ștergeți-l când nu mai este necesar.
cli-htcds-without-consent = { $count } caz(uri) omise: persoana nu a acceptat păstrarea datelor sale nominal.
cli-not-sealed = { $file } nu este un fișier FieldScreen sigilat.
cli-sealed-content = Fișier sigilat care conține { $content }.
cli-team-created = Echipa „{ $name }” ({ $team }) a fost creată pe { $relay }. Acest dispozitiv este primul ei administrator: `fieldscreen team invite` îi invită pe ceilalți.
cli-team-invite = Invitația { $id }: merge o singură dată, timp de { $minutes } minut(e), până la { $until }. Nu conține nicio cheie: noul dispozitiv cere să intre, iar dumneavoastră îl acceptați cu `fieldscreen team approve --code …` după ce cele șase cifre coincid pe ambele ecrane. Cod:
cli-team-code-prompt = Codul invitației:
cli-team-joined = Ați intrat în echipa „{ $name }” ({ $team }) ca dispozitivul { $device }. `fieldscreen sync` schimbă acum cazurile.
cli-team-revoked = Dispozitivul { $device } a fost revocat: releul îl refuză de acum, iar echipa are o cheie nouă (epoca { $epoch }) pe care el nu o poate deschide.
cli-team-show = Echipa „{ $name }” ({ $team }), epoca { $epoch }, releu { $relay }. Ultima sincronizare: { $last }. Modificări în așteptare: { $pending }.
cli-synced = Sincronizat: { $sent } lot(uri) trimis(e), { $received } primit(e); { $new } caz(uri) noi, { $changed } actualizat(e).
cli-sync-erased = { $count } caz(uri) șterse pe alt dispozitiv al echipei au fost șterse și aici.
cli-conflicts-waiting = { $count } răspuns(uri) schimbat(e) pe două dispozitive deodată: ambele valori sunt păstrate. Vedeți `fieldscreen cases conflicts`.
cli-bundle-written = { $count } caz(uri) sigilat(e) pentru echipă în { $target }.
cli-bundle-read = Îmbinat: { $new } caz(uri) noi, { $changed } actualizat(e).
cli-conflict-resolved = S-a păstrat o valoare pentru `{ $question }` în cazul { $id }; alegerea apare în istoricul cazului și în jurnalul de audit.

cli-switched-protocol = Persoana are, sau ar putea avea, sub 18 ani: discuția continuă cu întrebările din „{ $protocol }”.

cli-script-missing = Fișierul de răspunsuri nu are niciun rând pentru întrebarea `{ $question }`: adăugați unul sau rulați cu --unlisted skip.

cli-confirm-export-sealed = Aceasta scrie date personale (fiecare caz și răspunsurile lui) în { $target }, sigilate cu o frază secretă pe care o alegeți acum. Tastați yes pentru a confirma:
cli-sealed-needs-output = Un export sigilat este un fișier: dați --output FIȘIER (sau --plaintext pentru text necriptat).
cli-team-join-preview = Releu: { $host }. Echipa: „{ $name }”, invitație de la „{ $inviter }”. Verificați-le pe amândouă cu persoana care v-a invitat.
cli-team-join-send-prompt = Trimiteți echipei cele { $count } caz(uri) aflate deja pe acest dispozitiv? Tastați yes pentru a le trimite; orice alt răspuns le păstrează doar pe acest dispozitiv:
cli-team-join-kept = Cele { $count } caz(uri) aflate deja pe acest dispozitiv rămân doar pe el (--send-cases le trimite echipei).
cli-team-join-requested = Cererea a fost trimisă. Cod de comparare: { $code }. Administratorul acceptă acest dispozitiv doar dacă ecranul său arată aceleași șase cifre.
cli-team-join-others = Atenție: această invitație a primit { $count } cereri. Poate că altcineva are codul: spuneți-i administratorului.
cli-team-waiting = Se așteaptă aprobarea unui administrator…
cli-team-join-pending = Se așteaptă aprobarea unui administrator (cod de comparare { $code }). `fieldscreen team wait` încheie intrarea.
cli-team-join-refused = Cererea a fost refuzată, invitația a expirat sau alt dispozitiv a fost acceptat cu ea. Cereți o invitație nouă unui administrator.
cli-team-no-join = Nicio cerere de intrare nu așteaptă pe acest dispozitiv.
cli-team-no-requests = Nicio cerere de intrare nu așteaptă.
cli-team-request = Dispozitivul { $device } „{ $name }”: cod de comparare { $code } (invitația { $invitation }).
cli-team-request-others = { $count } cereri pe această invitație: altcineva are codul. Acceptați doar dispozitivul al cărui ecran arată aceleași cifre.
cli-team-approved = Dispozitivul { $device } este în echipă. Toate cazurile ajung la el la următoarea sincronizare.
cli-team-refused = Cererea dispozitivului { $device } a fost refuzată.
cli-team-rotated = Echipa are o cheie nouă: epoca { $epoch }.
cli-team-admin-added = Dispozitivul { $device } este acum administrator.
cli-team-admin-removed = Dispozitivul { $device } nu mai este administrator.
cli-team-leave-confirm = Părăsiți echipa „{ $name }” pe acest dispozitiv? Cazurile rămân aici. Tastați yes pentru a confirma:
cli-team-left = Acest dispozitiv a părăsit echipa; cazurile rămân aici. Un administrator trebuie totuși să-l revoce, ceea ce schimbă cheia echipei.
cli-team-member = { $device }  { $role ->
        [admin] administrator
        [revoked] revocat
       *[member] membru
    }  „{ $name }”{ $this ->
        [yes] {" "}(acest dispozitiv)
       *[no] {""}
    }
cli-vault-passwd-rekeyed = Fraza a fost schimbată și seiful recriptat cu o cheie nouă: copiile vechi ale fișierului de cheie nu mai deschid nimic.
cli-vault-rekeying = Se recriptează seiful cu o cheie nouă…
cli-vault-duress-set = Fraza de constrângere a fost setată: { $action }.
cli-vault-duress-off = Fraza de constrângere a fost eliminată, iar seiful ei de exercițiu a fost șters.
cli-vault-duress-none = Nu este setată nicio frază de constrângere.
cli-vault-duress-current = Tastarea frazei de constrângere face: { $action }.
cli-vault-duress-explain = O frază de constrângere este o a doua frază pentru situația în care sunteți forțat să deblocați. decoy: deschide un seif de exercițiu cu câteva interviuri de exercițiu; cazurile reale rămân blocate. wrong: se comportă exact ca o frază greșită. destroy-decoy și destroy-wrong: mai întâi distrug cheia, astfel încât nimeni, nici dumneavoastră, nu va mai putea deschide vreodată cazurile reale. Distrugerea poate face o situație mai periculoasă sau poate fi considerată distrugere de probe acolo unde lucrați: alegeți-o doar după ce ați cântărit acest lucru. Cine copiază fișierele dispozitivului poate vedea că există o a doua bază de date.
cli-duress-passphrase = Fraza de constrângere (nu cea a seifului): 
cli-vault-erase-set = După { $attempts } fraze greșite la rând, cheia va fi distrusă și seiful nu va mai putea fi deschis niciodată.
cli-vault-erase-off = Frazele greșite nu mai șterg seiful.
cli-vault-wait = Prea multe fraze greșite; se așteaptă înainte de următoarea încercare
cli-sync-set-aside = Pus deoparte, neîmbinat: intrarea { $pos } din jurnal (lotul { $seq } de la dispozitivul { $device }): { $reason }
cli-sync-gap = Lipsește: releul a sărit lotul { $seq } de la dispozitivul { $device }. Este cerut din nou la fiecare sincronizare; dacă nu vine niciodată, releul l-a reținut sau l-a pierdut.
cli-sync-troubled = Sincronizarea s-a încheiat, dar o parte din jurnalul echipei a fost pusă deoparte sau lipsește (mai sus). Anunțați administratorul echipei: un dispozitiv poate fi deteriorat sau releul poate fi de vină.
cli-team-log-trouble = Intrări din jurnal puse deoparte: { $aside }. Loturi lipsă de pe releu: { $missing }. Rulați `fieldscreen sync` pentru a le vedea.
cli-team-relay-device = { $device } „{ $name }”: { $state ->
    [revoked] revocat
    [not-come] admis, nu a venit niciodată
   *[active] activ
}; a citit jurnalul până la poziția { $acked }; ultimul lot { $seq }.
