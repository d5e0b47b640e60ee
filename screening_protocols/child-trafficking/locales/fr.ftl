# Brouillon : à faire relire par une personne de langue maternelle.
title = Dépistage des enfants
summary = Pour toute personne de moins de 18 ans, ou qui pourrait l'être. Aucun moyen de contrainte n'est requis pour un enfant ; la protection de l'enfance est toujours impliquée.
q-age-child = Quel âge as-tu ? Quand est ton anniversaire ?
section-now = En ce moment
section-now-note = Posez cette question en premier. Si l'enfant est en danger maintenant, arrêtez et suivez la procédure d'urgence.
q-danger-now = Est-ce que quelqu'un va te faire du mal, à toi ou à quelqu'un que tu aimes, aujourd'hui ?
section-daily-life = Tes journées
section-daily-life-note = Utilisez des mots simples. Mettez-vous à la hauteur de l'enfant. Dites-lui qu'il peut répondre « je ne sais pas » ou « je ne veux pas le dire ».
q-lives-with = Avec qui vis-tu ?
c-lives-parents = Ma mère ou mon père
c-lives-relatives = D'autres membres de ma famille
c-lives-employer = Les personnes pour qui je travaille
c-lives-friends = Des amis
c-lives-alone = Personne, je suis seul
c-lives-other = Quelqu'un d'autre
q-school = Est-ce que tu vas à l'école ?
q-works = Est-ce que tu travailles, ou tu aides quelqu'un, à la maison, chez d'autres gens, dans un magasin, aux champs ou dans la rue, payé ou pas ?
q-hours-per-day = Combien d'heures travailles-tu un jour normal ?
q-night-work = Est-ce que tu travailles la nuit ?
q-dangerous-work = Ton travail utilise-t-il des machines, des produits chimiques, de lourdes charges ou des endroits en hauteur qui pourraient te blesser ?
q-keeps-money = Est-ce que tu gardes l'argent que tu gagnes ?
c-money-all = Oui, tout
c-money-some = Une partie
c-money-none = Non, quelqu'un d'autre le prend
c-money-no-pay = Je ne suis pas payé
section-journey = Comment tu es arrivé ici
q-brought-here = Est-ce que quelqu'un t'a amené ici depuis une autre ville ou un autre pays ?
q-promised = Est-ce qu'on t'a promis l'école, un travail ou une vie meilleure ?
section-safety = Se sentir en sécurité
section-safety-note = Allez doucement. Si l'enfant est bouleversé, arrêtez et réconfortez-le ; vous pourrez finir plus tard.
q-afraid-of-someone = Y a-t-il quelqu'un dont tu as peur là où tu vis ou travailles ?
q-hurt = Est-ce que quelqu'un t'a { $gender ->
        [woman] frappée
        [man] frappé
       *[unknown] frappé·e
    } ou t'a fait du mal ?
q-sexual = Est-ce que quelqu'un t'a touché d'une manière que tu ne voulais pas, ou t'a demandé de faire des choses sexuelles ?
q-sexual-note = Demandez une fois, doucement. Si la réponse est oui, ne demandez pas de détails : c'est le rôle des spécialistes.
q-papers-kept = Est-ce que quelqu'un garde ton passeport ou tes papiers pour que tu ne puisses pas les avoir, même quelqu'un de ta famille ?
section-observations = Ce que vous avez observé
section-observations-note = Remplissez vous-même après la conversation. Ne posez pas ces questions.
q-obs-adult-controls = Un adulte a essayé de répondre à la place de l'enfant, ou refusait de le laisser seul.
q-obs-injuries = Vous avez vu des blessures ou des signes de violence.
q-obs-age-mismatch = Les documents de l'enfant indiquent un âge qui ne correspond pas à son apparence ou à ce qu'il dit.
section-closing = Clôture
q-closing-note = Remerciez l'enfant. Dites-lui, avec des mots qu'il comprend, qui va l'aider ensuite. Ne le laissez pas sans un adulte de confiance.
dim-deceptive-recruitment = Recrutement et déplacement
dim-exploitative-conditions = Exploitation
dim-coercion-destination = Contrainte et contrôle
dim-vulnerability-destination = Vulnérabilité
ind-moved-by-others = Amené ici par d'autres
ind-false-promises = Promesses d'école, de travail ou d'une vie meilleure non tenues
ind-long-hours = Travaille plus de 8 heures par jour
ind-night-work = Travaille la nuit
ind-hazardous-work = Travail dangereux
ind-earnings-taken = Gains confisqués ou pas de salaire
ind-out-of-school = Non scolarisé
ind-lives-with-employer = Vit chez l'employeur
ind-sexual-exploitation = Exploitation ou abus sexuels
ind-not-free-to-leave = Ne peut pas rentrer chez lui ou elle, ni contacter sa famille
ind-fear-of-someone = A peur de quelqu'un, ou un adulte contrôle l'enfant
ind-violence = Violence
ind-papers-withheld = Papiers gardés loin de l'enfant, par qui que ce soit
ind-false-age-documents = Documents qui ne correspondent pas à l'âge de l'enfant
rule-child-exploitation = Un enfant exploité, sous contrôle ou exploité sexuellement. Pour un enfant, aucune tromperie ni force n'a besoin d'être démontrée : orientez maintenant.
rule-child-any-indicator = Au moins un indicateur pour un enfant : évaluez davantage, avec la protection de l'enfance.
stop-imminent-danger = L'enfant craint qu'on lui fasse du mal aujourd'hui. Arrêtez. Suivez votre procédure d'urgence et appelez la protection de l'enfance ; expliquez à l'enfant, avec des mots qu'il comprend, ce que vous faites et pourquoi.
ref-emergency = En cas de danger immédiat pour la vie ou la sécurité.
ref-child-protection = Protection et tuteur pour l'enfant ; le signalement peut être obligatoire.
ref-nrm = Identification formelle et accès à l'aide prévue par la loi.
ref-medical = Soins des blessures et de la santé, par un personnel formé à l'examen des enfants.
safety-child-first = L'intérêt supérieur de l'enfant passe avant tout. Ne renvoyez pas l'enfant vers le lieu ou les personnes d'où il vient avant l'évaluation de la protection de l'enfance.
safety-adult-use-adult-protocol = L'étape de l'âge indique un adulte. Utilisez plutôt le protocole adulte.
safety-no-detail-on-abuse = N'interrogez pas davantage l'enfant sur les abus : les questions répétées lui nuisent et peuvent affaiblir les preuves.
safety-adult-controls = Un adulte contrôle peut-être l'enfant. Ne lui faites pas savoir ce que l'enfant a dit ; ne lui rendez pas l'enfant.

section-about-you = À propos de vous
q-gender = Tu es une fille, un garçon, ou tu te décris autrement ?
q-gender-note = Ne posez la question que si c'est sans danger ; notez la réponse de la personne. « Préfère ne pas répondre » convient toujours.
c-gender-woman = Femme ou fille
c-gender-man = Homme ou garçon
c-gender-other = Un autre genre

q-medical-urgent = Est-ce que tu as mal ou tu es malade, au point d'avoir besoin d'un médecin tout de suite ?
q-chores-heavy = À la maison, est-ce que tu as tellement de ménage ou de personnes à garder que tu ne peux pas aller à l'école, jouer ou te reposer ?
q-begs = Est-ce que tu demandes de l'argent aux gens, ou tu vends des choses dans la rue, et tu donnes l'argent à quelqu'un d'autre ?
q-crime = Est-ce que quelqu'un t'a obligé{ $gender ->
        [woman] e
        [man] {""}
       *[unknown] ·e
    } à voler, à porter ou vendre de la drogue, ou à faire d'autres choses interdites ?
q-crime-note = Dites à l'enfant qu'il n'a pas d'ennuis pour ce qu'on l'a obligé à faire. Ne demandez pas de détails.
q-owes-money = Est-ce que toi ou ta famille devez de l'argent aux gens pour qui tu travailles, ou à ceux qui t'ont amené{ $gender ->
        [woman] e
        [man] {""}
       *[unknown] ·e
    } ici ?
q-promise-kept = Est-ce qu'ils ont tenu ces promesses ?
q-can-go-home = Est-ce que tu peux rentrer chez toi quand tu veux ?
q-can-call-family = Est-ce que tu peux appeler ou voir ta famille quand tu veux ?
q-family-threatened = Est-ce que quelqu'un a dit qu'il ferait du mal à ta famille, ou que ta famille aurait des ennuis, si tu ne fais pas ce qu'on te dit ?
q-papers-kept-note = Un parent qui range les papiers d'un jeune enfant n'est pas un signe ; des papiers gardés loin de l'enfant pour qu'il ne puisse pas partir, par qui que ce soit, en sont un.
q-knows-where = Est-ce que tu connais le nom de la ville ou de l'endroit où tu es maintenant ?
ind-long-hours-young = Travaille plus de 4 heures par jour, moins de 15 ans
ind-night-work-young = Travaille la nuit, moins de 15 ans
ind-heavy-chores = Tant de tâches ménagères ou de soins que l'école, le jeu ou le repos sont impossibles
ind-begging-for-others = Mendie ou vend dans la rue pour quelqu'un d'autre
ind-forced-crime = Contraint·e à commettre des actes illégaux
ind-child-debt = L'enfant ou sa famille doit de l'argent à ceux qui le contrôlent
ind-family-threatened = Menaces contre la famille de l'enfant
ind-separated-from-family = Séparé·e de ses parents et de ceux qui s'occupent de lui ou d'elle
ind-does-not-know-where = Ne sait pas où il ou elle se trouve
stop-urgent-medical-need = L'enfant a besoin de soins maintenant. Arrêtez l'entretien et faites-le soigner ; expliquez-lui ce qui se passe et restez avec lui.
safety-non-punishment = L'enfant a peut-être été contraint d'enfreindre la loi. Les enfants ne doivent pas être punis pour des actes qu'ils ont été contraints de commettre (principe de non-sanction) : ne signalez pas ces actes comme des infractions ; faites intervenir la protection de l'enfance et un conseil juridique.
