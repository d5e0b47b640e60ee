# Brouillon : à faire relire par une personne de langue maternelle.
cli-list-languages = langues : { $languages }  (* = brouillon, relecture nécessaire)
cli-show-review-by = À réviser avant le { $date }
cli-interviewer-note = (enquêteur) { $note }
cli-observed-only = (enquêteur seulement : observer, ne pas lire à voix haute)
cli-hint-multiple = Plusieurs numéros, séparés par des virgules.
cli-hint-number = Un nombre entier de { $min } à { $max }.
cli-hint-date = Une date : AAAA-MM-JJ.
cli-hint-duration = Une durée : un nombre et d, w, m ou y (par exemple 3m).
cli-hint-country = Un code pays à deux lettres (ISO 3166), par exemple MD.
cli-hint-language = Un code de langue, par exemple ro ou ar-SD.
cli-hint-text = Saisissez la réponse avec les mots de la personne.
cli-hint-note = Appuyez sur Entrée pour continuer.
cli-current-answer = Réponse actuelle : { $answer }
cli-commands = ? je ne sais pas   - préfère ne pas répondre   < retour   > passer   ! arrêter
cli-commands-required = < retour   ! arrêter   (cette étape ne peut pas être passée)
cli-completed-prompt = Toutes les questions sont faites. Entrée pour le résultat, < pour revenir, ou :override NIVEAU RAISON.
cli-at-start = C'est la première question.
cli-invalid-yes-no = Tapez 1 pour oui ou 2 pour non.
cli-invalid-choice = Tapez le numéro d'un des choix.
cli-invalid-number = Tapez un nombre entier.
cli-invalid-date = Tapez une date au format AAAA-MM-JJ.
cli-invalid-duration = Tapez un nombre et d, w, m ou y, par exemple 3m.
cli-invalid-answer = Cette réponse ne convient pas à cette question.
cli-invalid-level = Niveaux : refer-now, assess-further, labour-rights-concern, no-indication.
cli-override-needs-reason = Une modification du niveau exige une raison écrite : :override NIVEAU RAISON
cli-error-required = Cette étape exige une réponse.
cli-error-ended = L'entretien est terminé.
cli-script-stopped = La réponse de la ligne { $line } (question `{ $question }`) n’a pas été acceptée ; l’entretien scripté s’arrête ici.
cli-input-ended = Les réponses se sont arrêtées avant la fin de l'entretien. Le dossier reste ouvert : reprenez-le avec --resume { $case }.
cli-consent-refused = La personne n'a pas consenti. Seul le fait du refus est conservé.
cli-postponed = L'entretien a été reporté pour raison de sécurité.
cli-outcome-title = Résultat : { $level }
cli-outcome-override = (l'enquêteur a modifié le niveau calculé, { $computed }, pour la raison suivante : { $reason })
cli-outcome-incomplete = Ce n’est pas un résultat : l’entretien n’est pas terminé. Ce qui suit ne porte que sur les réponses données.
cli-outcome-age-assumed = L'étape de l'âge n'a pas été atteinte ; les listes d'indicateurs pour adultes ont été utilisées.
cli-outcome-profile = { $profile } : { $level }
cli-outcome-because = Pourquoi : { $reason }
cli-dimension-met = { $dimension } : atteinte ({ $strong } fort, { $medium } moyen, { $weak } faible)
cli-dimension-not-met = { $dimension } : non atteinte ({ $strong } fort, { $medium } moyen, { $weak } faible)
cli-strength-strong = fort
cli-strength-medium = moyen
cli-strength-weak = faible
cli-outcome-referrals = Orientations suggérées :
cli-referral-example = Exemple : remplacez-le par votre service local avant usage.
cli-referral-mandatory = Le signalement à ce service peut être obligatoire.
cli-referrals-expired = Non affichés, coordonnées périmées : { $ids }
cli-outcome-safety = Notes de sécurité pour vous :
cli-outcome-excluded = Réponses écartées car leurs questions ne s'appliquent plus : { $ids }
cli-fallbacks = { $count } texte(s) affiché(s) dans une autre langue : { $keys }
cli-answer-hidden = (conservée, mais écartée : la question ne s'applique plus)
cli-vault-init-warning = Choisissez une phrase secrète dont vous vous souviendrez. Elle ne peut pas être récupérée : sans elle personne, pas même l'équipe FieldScreen, ne peut ouvrir ce coffre.
cli-vault-created = Coffre { $id } créé dans { $dir }.
cli-vault-unlocked = Coffre { $id } ouvert : { $cases } dossier(s).
cli-vault-passwd-done = Phrase secrète changée. Seule la clé a été ré-enveloppée (--keep-key) : une ancienne copie du fichier de clé ouvre encore le coffre avec l’ancienne phrase.
cli-vault-check-ok = Le coffre est sain : chaque page est authentifiée et la structure de la base est intacte.
cli-vault-check-problems = { $count } problème(s) trouvé(s). Gardez une copie du dossier du coffre avant de modifier quoi que ce soit.
cli-needs-yes = Une confirmation est demandée ; dans un script, ajoutez --yes.
cli-confirm-delete = Supprimer définitivement le dossier { $id } ? Ses réponses et son historique ne pourront pas être récupérés ; si cet appareil fait partie d'une équipe, le dossier sera aussi supprimé sur tous les appareils de l'équipe à la prochaine synchronisation. Tapez yes pour confirmer :
cli-confirm-export = Ceci écrit des données personnelles (chaque dossier et ses réponses) dans { $target }, SANS CHIFFREMENT. Quiconque les obtient peut les lire. Tapez yes pour confirmer :
cli-nothing-done = Rien n'a été fait.
cli-case-deleted = Dossier { $id } supprimé.
cli-case-started = Dossier { $id } : chaque réponse est enregistrée, chiffrée, dès qu'elle est donnée.
cli-case-resumed = Reprise du dossier { $id }.
cli-practice = Mode entraînement : rien n'est enregistré.
cli-resume-dropped = Réponses enregistrées que cette version du protocole n'accepte pas, écartées : { $ids }
cli-confirm-htcds-sealed = Ceci écrit des données personnelles sur chaque personne qui y a consenti (export de cas HTCDS) dans { $target }, scellées sous une phrase secrète que vous choisissez maintenant. Tapez yes pour confirmer :
cli-confirm-htcds-plain = Ceci écrit des données personnelles sur chaque personne qui y a consenti (export de cas HTCDS) dans { $target }, SANS CHIFFREMENT. Quiconque obtient le fichier peut le lire. Tapez yes pour confirmer :
cli-export-passphrase = Phrase secrète du fichier d'export (pas celle du coffre) :
cli-export-passphrase-again = La même phrase secrète encore :
cli-export-passphrase-short = La phrase secrète d'export doit compter au moins { $min } caractères.
cli-written-sealed = { $count } cas écrit(s) dans { $target }, scellé(s). Ouvrez-le avec `fieldscreen unseal { $target }` et la phrase secrète d'export.
cli-written-plain = { $count } cas écrit(s) dans { $target }, sans chiffrement. Supprimez-le quand il n'est plus utile.
cli-htcds-without-consent = { $count } cas laissé(s) de côté : la personne n'a pas accepté que ses données soient conservées nominativement.
cli-not-sealed = { $file } n'est pas un fichier scellé FieldScreen.
cli-sealed-content = Fichier scellé contenant { $content }.
cli-team-created = Équipe « { $name } » ({ $team }) créée sur { $relay }. Cet appareil en est le premier administrateur : `fieldscreen team invite` permet d’en inviter d’autres.
cli-team-invite = Invitation { $id } : elle ne sert qu’une fois, pendant { $minutes } minute(s), jusqu’à { $until }. Elle ne contient aucune clé : le nouvel appareil demande à rejoindre l’équipe, et vous l’acceptez avec `fieldscreen team approve --code …` quand les six chiffres sont les mêmes sur les deux écrans. Code :
cli-team-code-prompt = Code d’invitation :
cli-team-joined = Équipe « { $name } » ({ $team }) rejointe comme appareil { $device }. `fieldscreen sync` échange maintenant les dossiers.
cli-team-revoked = Appareil { $device } révoqué : le relais le refuse désormais, et l’équipe a une nouvelle clé (époque { $epoch }) qu’il ne peut pas ouvrir.
cli-team-show = Équipe « { $name } » ({ $team }), époque { $epoch }, relais { $relay }. Dernière synchronisation : { $last }. Modifications en attente : { $pending }.
cli-synced = Synchronisé : { $sent } lot(s) envoyé(s), { $received } reçu(s) ; { $new } nouveau(x) dossier(s), { $changed } mis à jour.
cli-sync-erased = { $count } dossier(s) supprimé(s) sur un autre appareil de l'équipe ont aussi été supprimés ici.
cli-conflicts-waiting = { $count } réponse(s) modifiée(s) sur deux appareils à la fois : les deux valeurs sont gardées. Voir `fieldscreen cases conflicts`.
cli-bundle-written = { $count } dossier(s) scellé(s) pour l'équipe dans { $target }.
cli-bundle-read = Fusionné : { $new } nouveau(x) dossier(s), { $changed } mis à jour.
cli-conflict-resolved = Une valeur de `{ $question }` gardée dans le dossier { $id } ; le choix figure dans l'historique du dossier et le journal d'audit.

cli-switched-protocol = La personne a, ou pourrait avoir, moins de 18 ans : l’entretien continue avec les questions de « { $protocol } ».

cli-script-missing = Le fichier de réponses n’a pas de ligne pour la question `{ $question }` : ajoutez-en une, ou lancez avec --unlisted skip.

cli-confirm-export-sealed = Ceci écrit des données personnelles (chaque dossier et ses réponses) dans { $target }, scellées sous une phrase secrète que vous choisissez maintenant. Tapez yes pour confirmer :
cli-sealed-needs-output = Un export scellé est un fichier : indiquez --output FICHIER (ou --plaintext pour afficher un texte non chiffré).
cli-team-join-preview = Relais : { $host }. Équipe : « { $name } », invitation de « { $inviter } ». Vérifiez les deux avec la personne qui vous a invité.
cli-team-join-send-prompt = Envoyer à l’équipe les { $count } dossier(s) déjà présents sur cet appareil ? Tapez yes pour les envoyer ; toute autre réponse les garde sur cet appareil seulement :
cli-team-join-kept = Les { $count } dossier(s) déjà présents sur cet appareil y restent seulement (--send-cases les envoie à l’équipe).
cli-team-join-requested = Demande envoyée. Code de comparaison : { $code }. L’administrateur n’accepte cet appareil que si son écran affiche les mêmes six chiffres.
cli-team-join-others = Attention : cette invitation a reçu { $count } demandes. Quelqu’un d’autre a peut-être le code : prévenez l’administrateur.
cli-team-waiting = En attente de l’accord d’un administrateur…
cli-team-join-pending = En attente de l’accord d’un administrateur (code de comparaison { $code }). `fieldscreen team wait` termine l’adhésion.
cli-team-join-refused = La demande a été refusée, l’invitation a expiré, ou un autre appareil a été accepté avec elle. Demandez une nouvelle invitation à un administrateur.
cli-team-no-join = Aucune demande d’adhésion n’est en attente sur cet appareil.
cli-team-no-requests = Aucune demande d’adhésion en attente.
cli-team-request = Appareil { $device } « { $name } » : code de comparaison { $code } (invitation { $invitation }).
cli-team-request-others = { $count } demandes sur cette invitation : quelqu’un d’autre a le code. N’acceptez que l’appareil dont l’écran affiche les mêmes chiffres.
cli-team-approved = L’appareil { $device } fait partie de l’équipe. Tous les dossiers lui parviennent à votre prochaine synchronisation.
cli-team-refused = Demande de l’appareil { $device } refusée.
cli-team-rotated = L’équipe a une nouvelle clé : époque { $epoch }.
cli-team-admin-added = L’appareil { $device } est maintenant administrateur.
cli-team-admin-removed = L’appareil { $device } n’est plus administrateur.
cli-team-leave-confirm = Quitter l’équipe « { $name } » sur cet appareil ? Ses dossiers restent ici. Tapez yes pour confirmer :
cli-team-left = Cet appareil a quitté l’équipe ; ses dossiers restent ici. Un administrateur doit encore le révoquer, ce qui change la clé de l’équipe.
cli-team-member = { $device }  { $role ->
        [admin] administrateur
        [revoked] révoqué
       *[member] membre
    }  « { $name } »{ $this ->
        [yes] {" "}(cet appareil)
       *[no] {""}
    }
cli-vault-passwd-rekeyed = Phrase secrète changée et coffre rechiffré sous une nouvelle clé : les anciennes copies du fichier de clé n’ouvrent plus rien.
cli-vault-rekeying = Rechiffrement du coffre sous une nouvelle clé…
cli-vault-duress-set = Phrase de contrainte définie : { $action }.
cli-vault-duress-off = Phrase de contrainte supprimée et son coffre d’exercice effacé.
cli-vault-duress-none = Aucune phrase de contrainte n’est définie.
cli-vault-duress-current = Saisir la phrase de contrainte fait : { $action }.
cli-vault-duress-explain = Une phrase de contrainte est une seconde phrase secrète pour le cas où l’on vous force à déverrouiller. decoy : ouvre un coffre d’exercice avec quelques entretiens d’exercice ; vos vrais dossiers restent verrouillés. wrong : se comporte exactement comme une mauvaise phrase. destroy-decoy et destroy-wrong : détruisent d’abord la clé, si bien que personne, vous compris, ne pourra plus jamais ouvrir les vrais dossiers. Détruire peut rendre une situation plus dangereuse ou être considéré comme une destruction de preuves là où vous travaillez : ne le choisissez qu’après l’avoir pesé. Quelqu’un qui copie les fichiers de l’appareil peut voir qu’une seconde base de données existe.
cli-duress-passphrase = Phrase de contrainte (pas celle du coffre) : 
cli-vault-erase-set = Après { $attempts } mauvaises phrases d’affilée, la clé sera détruite et le coffre ne pourra plus jamais être ouvert.
cli-vault-erase-off = Les mauvaises phrases n’effacent plus le coffre.
cli-vault-wait = Trop de mauvaises phrases secrètes ; attente avant la prochaine tentative
cli-sync-set-aside = Mis de côté, non fusionné : entrée { $pos } du journal (lot { $seq } de l'appareil { $device }) : { $reason }
cli-sync-gap = Manquant : le lot { $seq } de l'appareil { $device } a été sauté par le relais. Il est redemandé à chaque synchronisation ; s'il n'arrive jamais, le relais l'a retenu ou perdu.
cli-sync-troubled = La synchronisation est terminée, mais une partie du journal de l'équipe a été mise de côté ou manque (ci-dessus). Prévenez l'administrateur de l'équipe : un appareil est peut-être endommagé, ou le relais en cause.
cli-team-log-trouble = Entrées du journal mises de côté : { $aside }. Lots absents du relais : { $missing }. Lancez `fieldscreen sync` pour les voir.
cli-team-relay-device = { $device } « { $name } » : { $state ->
    [revoked] révoqué
    [not-come] admis, jamais venu
   *[active] actif
} ; a lu le journal jusqu'à la position { $acked } ; dernier lot { $seq }.
