# Brouillon : à faire relire par une personne de langue maternelle.
title = Dépistage adulte : exploitation par le travail et exploitation sexuelle
summary = Un entretien d'identification complet pour les adultes, selon les six dimensions des indicateurs opérationnels OIT/CE. Environ 20 minutes.

section-now = En ce moment
section-now-note = Posez cette question en premier. Si la personne est en danger maintenant, arrêtez et suivez la procédure d'urgence.
q-danger-now = Avez-vous peur que quelqu'un vous fasse du mal, à vous ou à un proche, aujourd'hui ?
q-danger-now-note = Si oui, l'entretien s'arrête. Demandez à la personne ce qu'elle souhaite avant d'appeler qui que ce soit : pour une personne sans papiers, la police peut signifier la rétention.

section-work-situation = Votre travail
q-sector = Quel genre de travail faites-vous, ou faisiez-vous ?
c-sector-agriculture = Travail agricole ou aux champs
c-sector-construction = Construction
c-sector-factory = Usine ou atelier
c-sector-domestic = Travail au domicile de quelqu'un
c-sector-hospitality = Restaurant, hôtel ou nettoyage
c-sector-fishing = Pêche ou travail sur un bateau
c-sector-sex-industry = Bar, club, massage ou travail du sexe
c-sector-street = Mendicité ou vente dans la rue
c-sector-online-scam = Travail en ligne depuis un complexe (appels, messages, fraude)
c-sector-other = Autre chose
q-origin-country = De quel pays venez-vous ?
q-work-country = Dans quel pays faites-vous ce travail, ou l’avez-vous fait ?
q-time-in-work = Depuis combien de temps faites-vous ce travail ?
q-arrival-date = Quand êtes-vous { $gender ->
        [woman] arrivée
        [man] arrivé
       *[unknown] arrivé·e
    } dans ce pays ?
q-arrival-date-note = Une date approximative suffit ; choisissez « je ne sais pas » si la personne n'est pas sûre.
q-preferred-language = Dans quelle langue souhaitez-vous nous parler ?

section-recruitment = Comment ce travail a commencé
section-recruitment-note = Interrogez sur la période avant le début du travail. Laissez la personne raconter dans son propre ordre.
q-recruiter-relation = Qui vous a trouvé ce travail, ou vous y a { $gender ->
        [woman] amenée
        [man] amené
       *[unknown] amené·e
    } ?
c-relation-partner = Un partenaire, petit ami ou petite amie
c-relation-family = Quelqu'un de ma famille
c-relation-friend = Un ami ou une connaissance
c-relation-agency = Une agence ou un recruteur
c-relation-stranger = Quelqu'un que je ne connaissais pas
c-relation-nobody = Personne, je l'ai trouvé moi-même
q-promised = Avant de commencer, quelqu'un vous a-t-il promis un emploi, un salaire, des papiers ou autre chose ?
q-job-different = Le travail est-il différent de ce qu'on vous avait promis ?
q-pay-different = Le salaire ou les conditions sont-ils pires que ce qu'on vous avait promis ?
q-recruit-fee = Avez-vous dû payer des frais, ou emprunter de l'argent, pour obtenir ce travail ou pour voyager ?
q-hardship-before = À ce moment-là, étiez-vous dans une situation très difficile, par exemple sans argent, avec des dettes ou sans papiers ?

section-work-conditions = Vos conditions de travail et de vie
q-hours-per-day = Un jour normal, combien d'heures travaillez-vous ?
q-day-off = Avez-vous au moins un jour de repos par semaine ?
q-pay = Comment êtes-vous { $gender ->
        [woman] payée
        [man] payé
       *[unknown] payé·e
    } ?
c-pay-as-agreed = Comme convenu
c-pay-less = Moins que convenu
c-pay-nothing = Pas du tout
c-pay-to-someone-else = L'argent va à quelqu'un d'autre
q-deductions = Vous retire-t-on de l'argent sur votre paie, par exemple pour la nourriture, un lit, le transport ou une dette ?
q-housing-bad = L'endroit où vous dormez est-il surpeuplé, sale ou dangereux ?
q-dangerous-work = Avez-vous dû faire un travail dangereux sans protection ?
q-sexual-exploitation = Quelqu'un vous a-t-il { $gender ->
        [woman] obligée
        [man] obligé
       *[unknown] obligé·e
    } à avoir des relations sexuelles, ou à vendre des services sexuels, contre votre volonté ?
q-sexual-exploitation-note = Posez la question doucement, une seule fois. Acceptez « je préfère ne pas répondre » sans insister. Ne demandez pas de détails.

section-control = Liberté et contrôle
section-control-note = Ces questions peuvent faire peur. Rappelez à la personne qu'elle peut passer n'importe quelle question.
q-free-to-leave = Pourriez-vous quitter ce travail si vous le vouliez ?
q-documents-held = Votre employeur ou quelqu'un d'autre garde-t-il votre passeport ou votre carte d'identité, pour quelque raison que ce soit, même « pour le mettre en sécurité » ?
q-debt = Devez-vous de l'argent à votre employeur, ou à la personne qui vous a { $gender ->
        [woman] amenée
        [man] amené
       *[unknown] amené·e
    } ici ?
q-debt-unpayable = La dette ne cesse-t-elle d'augmenter, ou ne voyez-vous aucun moyen de la rembourser ?
q-threats = Quelqu'un vous a-t-il { $gender ->
        [woman] menacée
        [man] menacé
       *[unknown] menacé·e
    }, vous ou votre famille ?
q-threat-authorities = Quelqu'un a-t-il dit qu'il vous dénoncerait à la police ou aux services d'immigration ?
q-violence = Quelqu'un vous a-t-il { $gender ->
        [woman] frappée, blessée
        [man] frappé, blessé
       *[unknown] frappé·e, blessé·e
    } ou fait du mal physiquement ?
q-violence-note = Violences physiques seulement : les violences sexuelles sont demandées une seule fois, à la question suivante. Si la personne est blessée, proposez d'abord des soins.
q-watched = Quelqu'un surveille-t-il où vous allez, ou vous empêche-t-il de sortir { $gender ->
        [woman] seule
        [man] seul
       *[unknown] seul·e
    } ?

section-vulnerability = Votre situation ici
q-knows-address = Connaissez-vous l'adresse de l'endroit où vous vivez ?
q-speaks-local-language = Parlez-vous la langue de ce pays ?
q-status-fear = Avez-vous peur à cause de vos papiers de séjour ou de travail ici ?

section-observations = Ce que vous avez observé
section-observations-note = Remplissez vous-même après la conversation. Ne posez pas ces questions.
q-obs-injuries = Avez-vous vu des blessures ou des signes de violence ?
q-obs-fear = La personne semblait-elle très effrayée, ou regardait-elle quelqu'un d'autre avant de répondre ?

section-your-views = Votre avis, avec vos mots
section-your-views-note = Facultatif et distinct du repérage. Dites que rien ne change pour la personne si elle dit non.
q-views-consent = En dehors de ces questions : souhaitez-vous me dire, avec vos mots, ce dont vous avez besoin et comment vous avez été { $gender ->
        [woman] traitée
        [man] traité
       *[unknown] traité·e
    } ? Vos propres mots restent dans votre dossier et ne sont jamais comptés. Deux courtes listes que vous pouvez cocher sont comptées sans votre nom, seulement dans des chiffres qui regroupent beaucoup de personnes, comme le nombre de personnes qui ont choisi de parler. Tout cela est retiré de toute copie de votre dossier sauf si vous acceptez de le partager.
q-views-needs = De quoi avez-vous le plus besoin maintenant ?
q-views-treatment = Comment avez-vous été { $gender ->
        [woman] traitée
        [man] traité
       *[unknown] traité·e
    }, par qui que ce soit, y compris les autorités et des organisations comme la nôtre ?
q-views-needs-list = Parmi ces choses, de quoi avez-vous besoin ? Cochez tout ce qui convient.
q-views-needs-list-note = Lisez les choix à voix haute. Dites à la personne que ces cases sont comptées sans son nom, et qu'elle peut passer la liste.
q-views-treatment-list = Parmi ces choses, que s'est-il passé quand vous avez rencontré des autorités ou des organisations ? Cochez tout ce qui convient.
c-need-safety = Être en sécurité
c-need-shelter = Un lieu sûr où rester
c-need-medical-care = Des soins médicaux
c-need-counselling = Quelqu'un à qui parler
c-need-legal-advice = Des conseils juridiques
c-need-money = De l'argent
c-need-work = Du travail
c-need-documents = Des papiers d'identité
c-need-return-home = Rentrer chez moi
c-need-family-contact = Un contact avec ma famille
c-need-interpreter = Un interprète
c-need-other = Autre chose
c-treated-respected = Un traitement respectueux
c-treated-believed = On a cru ce que je disais
c-treated-informed-in-own-language = Des explications dans ma langue
c-treated-given-time-to-decide = Du temps pour décider
c-treated-pressured-to-testify = Des pressions pour témoigner
c-treated-detained-or-fined = Une détention ou une amende
c-treated-threatened-with-removal = Une menace d'expulsion
c-treated-blamed = Des reproches
c-treated-other = Autre chose
section-closing = Clôture
q-anything-else = Y a-t-il autre chose que vous voulez me dire ?
q-closing-note = Remerciez la personne. Expliquez la suite, l'aide disponible, et que rien ne sera fait sans son accord, sauf si la loi l'exige.

dim-deceptive-recruitment = Recrutement trompeur
dim-coercive-recruitment = Recrutement sous la contrainte
dim-vulnerability-recruitment = Recrutement par abus de vulnérabilité
dim-exploitative-conditions = Conditions de travail abusives
dim-coercion-destination = Contrainte à destination
dim-vulnerability-destination = Abus de vulnérabilité à destination

ind-deceived-nature-of-job = Tromperie sur la nature du travail
ind-deceived-conditions = Tromperie sur le salaire ou les conditions
ind-recruitment-debt = Un voyage à rembourser en travaillant
ind-recruitment-fee = Des frais payés ou empruntés pour le travail ou le voyage
ind-recruited-by-intimate = Recruté par un partenaire ou un proche
ind-hardship-at-recruitment = Difficultés économiques ou juridiques au recrutement
ind-excessive-hours = Horaires excessifs (plus de 12 heures par jour)
ind-no-rest-day = Pas de jour de repos hebdomadaire
ind-low-or-no-pay = Aucun salaire, ou salaire pris par quelqu'un d'autre
ind-underpaid = Payé moins que convenu
ind-wage-deductions = Retenues sur salaire
ind-bad-living-conditions = Conditions de vie dégradantes
ind-hazardous-work = Travail dangereux sans protection
ind-sexual-exploitation = Relations sexuelles forcées ou exploitation sexuelle
ind-not-free-to-leave = Pas libre de partir
ind-documents-withheld = Documents d'identité confisqués
ind-debt-bondage = Servitude pour dettes
ind-debt-owed = Dette envers l'employeur ou le recruteur
ind-threats = Menaces contre la personne ou sa famille
ind-threat-of-denunciation = Menace de dénonciation aux autorités
ind-violence = Violences physiques
ind-isolation-surveillance = Isolement, enfermement ou surveillance
ind-does-not-know-address = Ne connaît pas l'adresse du domicile ou du travail
ind-language-barrier = Ne parle pas la langue locale
ind-irregular-status-fear = Peur liée au statut de séjour
ind-fearful-demeanour = Attitude craintive observée

rule-adult-ilo-ec-combination = Une dimension de recrutement, des conditions abusives, et une contrainte ou un abus de vulnérabilité à destination sont toutes atteintes : la combinaison OIT/CE pour les adultes.
rule-adult-forced-at-destination = Conditions abusives et contrainte à destination : indices de travail forcé même sans élément de recrutement.
rule-child-exploitation = Un enfant en situation d'exploitation ou sous contrainte : pour un enfant, aucun moyen de contrainte ou de tromperie n'est requis.
rule-any-dimension-met = Au moins une dimension est atteinte, ou un signe de contrainte ou d'exploitation sexuelle est présent : une évaluation plus complète est nécessaire.
rule-child-any-indicator = Un enfant avec au moins un indicateur de travail abusif.
rule-labour-rights = Des conditions de travail abusives sans signe de contrainte : une possible atteinte au droit du travail, à vérifier.

stop-imminent-danger = La personne craint d'être blessée aujourd'hui. Arrêtez l'entretien. Demandez-lui ce qu'elle souhaite et qui elle accepte que vous appeliez ; n'appelez les secours sans son accord que si une vie est en danger immédiat.

ref-emergency = En cas de danger immédiat pour la vie ou la sécurité.
ref-nrm = Identification formelle comme victime de la traite et accès à l'aide prévue par la loi.
ref-shelter = Hébergement sûr, avec un délai de rétablissement et de réflexion.
ref-medical = Soins des blessures et de la santé, en toute confidentialité.
ref-legal = Conseils sur les droits, le séjour, les salaires impayés et l'indemnisation.
ref-labour-inspection = Inspection du lieu de travail et recouvrement des salaires.
ref-child-protection = Protection et tuteur pour un enfant ; le signalement peut être obligatoire.
ref-hotline = Conseils et orientation, en de nombreuses langues.

safety-companion-present = Une personne qui pourrait contrôler l'intéressé était présente. Ne remettez aucun document écrit qu'elle pourrait trouver ; convenez d'un moyen sûr de reprendre contact.
safety-threats = Des menaces ont été signalées. Ne contactez ni l'employeur ni la famille sans l'accord de la personne.
safety-documents = Des documents sont confisqués. N'en parlez pas à l'employeur pendant cette visite.
safety-presumed-minor = La personne pourrait être un enfant. Traitez-la comme un enfant jusqu'à ce que son âge soit établi et impliquez la protection de l'enfance.
safety-consent-before-referral = Demandez le consentement avant chaque orientation. Expliquez ce que fait chaque service, et ne faites aucune promesse que vous ne pouvez pas tenir.

section-about-you = À propos de vous
q-gender = Comment décrivez-vous votre genre ?
q-gender-note = Ne posez la question que si c'est sans danger ; notez la réponse de la personne. « Préfère ne pas répondre » convient toujours.
c-gender-woman = Femme ou fille
c-gender-man = Homme ou garçon
c-gender-other = Un autre genre

q-medical-urgent = Avez-vous besoin d'un médecin ou de soins en urgence, maintenant ?
q-medical-urgent-note = Si oui, l'entretien s'arrête pour que les soins passent d'abord.
c-sector-not-yet = Pas encore de travail : je suis en route
q-papers-deceived = Vous a-t-on dit que vos papiers ou votre permis de travail seraient arrangés, et était-ce faux ?
q-recruit-abducted = Avez-vous été { $gender ->
        [woman] emmenée
        [man] emmené
       *[unknown] emmené·e
    } ou { $gender ->
        [woman] déplacée
        [man] déplacé
       *[unknown] déplacé·e
    } quelque part contre votre volonté ?
q-recruit-threatened = Quelqu'un vous a-t-il { $gender ->
        [woman] menacée
        [man] menacé
       *[unknown] menacé·e
    }, vous ou un proche, pour vous faire accepter ce travail ou faire le voyage ?
q-marriage-forced = Avez-vous été { $gender ->
        [woman] mariée, ou promise
        [man] marié, ou promis
       *[unknown] marié·e, ou promis·e
    } en mariage, à quelqu'un que vous n'aviez pas choisi ?
q-marriage-forced-note = Posez la question d'une voix neutre. Un mariage arrangé par la famille n'est pas un signe en soi ; ne pas pouvoir le refuser en est un.
q-misinformed = Avant de venir, vous a-t-on dit sur la loi, les autorités ou la vie ici des choses qui se sont révélées fausses ?
section-journey = Le voyage
section-journey-note = Ces questions servent aussi à une frontière ou dans une gare, avant que tout travail ait commencé.
q-travel-arranged = Quelqu'un d'autre a-t-il organisé ou payé votre voyage ?
q-travel-debt = Attend-on de vous que vous remboursiez le voyage en travaillant pour ces personnes ?
q-documents-taken-journey = Pendant le voyage, quelqu'un a-t-il pris ou gardé votre passeport ou votre carte d'identité ?
q-destination-known = Savez-vous où vous allez vivre et travailler, et pour qui ?
q-companion-holds = Quelqu'un qui voyage avec vous, ou qui vous attend, garde-t-il vos billets, votre argent ou vos papiers ?
q-wages-held-back = Votre employeur garde-t-il votre salaire pour plus tard, par exemple jusqu'à la fin de la saison ou de votre travail ?
q-bank-card-held = Votre employeur ou quelqu'un d'autre garde-t-il votre carte bancaire, les accès à votre compte ou votre téléphone ?
q-depends-on-employer = Votre employeur vous fournit-il le logement et la nourriture, au point que sans lui vous n'auriez nulle part où aller ?
q-documents-held-note = Comptez aussi les documents remis volontairement : ce qui compte, c'est de pouvoir les récupérer tout de suite.
q-threat-expose = Quelqu'un a-t-il menacé de raconter des choses sur vous à votre famille ou à votre communauté, ou de montrer des photos de vous ?
q-kept-from-others = Vous empêche-t-on de parler à d'autres personnes ou d'utiliser un téléphone ?
q-illegal-acts = Vous a-t-on { $gender ->
        [woman] obligée
        [man] obligé
       *[unknown] obligé·e
    } à faire des choses interdites par la loi, par exemple voler, vendre de la drogue ou escroquer des gens en ligne ?
q-illegal-acts-note = Dites que la question sert à protéger la personne, non à l'accuser. Ne notez aucun détail d'une infraction.
q-coached-to-lie = Quelqu'un vous a-t-il dit quoi répondre aux agents, ou de mentir sur votre âge, votre travail ou votre voyage ?
q-status-fear-note = Si votre fonction vous oblige à signaler la situation de séjour (certains inspecteurs du travail, la police), dites-le avant de demander, ou passez cette question.
q-threat-authorities-note = Si votre fonction vous oblige à signaler la situation de séjour (certains inspecteurs du travail, la police), dites-le avant de demander, ou passez cette question.
ind-deceived-about-papers = Tromperie sur les papiers ou le statut légal
ind-recruitment-abduction = Emmené·e ou déplacé·e contre sa volonté
ind-recruitment-threats = Menaces lors du recrutement
ind-forced-marriage = Marié·e, ou promis·e en mariage, sans choix
ind-documents-taken-journey = Documents pris pendant le voyage
ind-companion-controls = Un accompagnateur qui contrôle billets, argent ou papiers
ind-misinformed-about-migration = Fausses informations sur la loi ou la migration
ind-destination-unknown = Ne sait pas où elle vivra ou travaillera, ni pour qui
ind-medical-care-refused = Soins médicaux refusés
ind-threat-to-expose = Menace de révéler des choses à la famille ou à la communauté
ind-forced-illegal-acts = Contrainte à commettre des actes illégaux
ind-coached-to-lie = Dit quoi répondre aux agents, ou de mentir
ind-wages-withheld = Salaire retenu pour garder la personne
ind-money-controlled = Carte bancaire, compte ou téléphone détenus par d'autres
ind-depends-on-employer = Dépend de l'employeur pour le logement et la nourriture
rule-adult-forced-sex = Relations sexuelles forcées avec un autre signe de tromperie, de contrôle ou d'exploitation : exploitation sexuelle, avec ses moyens.
rule-adult-coerced-in-transit = Contrainte pendant le voyage, avec tromperie, abus de vulnérabilité, destination inconnue ou consignes pour mentir : la traite est peut-être en cours avant toute exploitation.
stop-urgent-medical-need = La personne a besoin de soins maintenant. Arrêtez l'entretien et demandez-lui si elle accepte que vous appeliez un médecin ou une ambulance ; appelez sans lui demander seulement si elle ne peut pas répondre et qu'une vie est en jeu.
safety-non-punishment = La personne a peut-être été contrainte d'enfreindre la loi ou de mentir aux agents. Les victimes ne doivent pas être punies pour des actes qu'elles ont été contraintes de commettre (principe de non-sanction, Convention du Conseil de l'Europe, art. 26) : ne signalez pas ces actes comme des infractions et orientez vers un conseil juridique.
safety-sexual-violence-care = Des violences sexuelles ont été révélées. Proposez des soins confidentiels (la contraception d'urgence et la prévention du VIH ont un délai), une intervenante ou un intervenant selon la préférence de la personne, et ne demandez jamais de détails.

q-medical-refused = { $gender ->
        [woman] Quand vous étiez malade ou blessée, vous a-t-on empêchée de voir un médecin ?
        [man] Quand vous étiez malade ou blessé, vous a-t-on empêché de voir un médecin ?
       *[unknown] Quand vous étiez malade ou blessé·e, vous a-t-on empêché·e de voir un médecin ?
    }

rule-adult-coerced-to-work = Travail obtenu sous la contrainte : contrainte à destination avec des conditions d'exploitation, ou conditions d'exploitation sous une forme forte de contrôle (enfermement, documents, servitude pour dettes, violence).
