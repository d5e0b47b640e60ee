# Borrador: necesita revisión por una persona nativa.
title = Cribado de adultos: explotación laboral y sexual
summary = Un cribado completo para adultos según las seis dimensiones de los indicadores operativos OIT/CE. Unos 20 minutos.

section-now = Ahora mismo
section-now-note = Pregunte esto primero. Si la persona está en peligro ahora, pare y siga el procedimiento de emergencia.
q-danger-now = ¿Tiene miedo de que alguien le haga daño a usted, o a alguien cercano, hoy?
q-danger-now-note = Si la respuesta es sí, la entrevista se detiene y se muestran los contactos de emergencia.

section-work-situation = Su trabajo
q-sector = ¿Qué tipo de trabajo hace, o hacía?
c-sector-agriculture = Trabajo agrícola o en el campo
c-sector-construction = Construcción
c-sector-factory = Fábrica o taller
c-sector-domestic = Trabajo en la casa de otra persona
c-sector-hospitality = Restaurante, hotel o limpieza
c-sector-fishing = Pesca o trabajo en un barco
c-sector-sex-industry = Bar, club, masajes o trabajo sexual
c-sector-street = Mendicidad o venta en la calle
c-sector-online-scam = Trabajo en línea desde un recinto (llamadas, chats, fraude)
c-sector-other = Otra cosa
q-origin-country = ¿De qué país es usted?
q-time-in-work = ¿Cuánto tiempo lleva haciendo este trabajo?
q-arrival-date = ¿Cuándo llegó a este país?
q-arrival-date-note = Basta una fecha aproximada; elija «no sé» si la persona no está segura.
q-preferred-language = ¿En qué idioma le gustaría hablar con nosotros?

section-recruitment = Cómo llegó a este trabajo
section-recruitment-note = Pregunte por el tiempo antes de empezar el trabajo. Deje que la persona lo cuente en su propio orden.
q-recruiter-relation = ¿Quién le consiguió este trabajo, o le trajo a él?
c-relation-partner = Mi pareja, novio o novia
c-relation-family = Alguien de mi familia
c-relation-friend = Un amigo o alguien que conocía
c-relation-agency = Una agencia o un reclutador
c-relation-stranger = Alguien que no conocía
c-relation-nobody = Nadie, lo encontré yo
q-promised = Antes de empezar, ¿alguien le prometió un trabajo, un sueldo, papeles u otras cosas?
q-job-different = ¿El trabajo es distinto de lo que le prometieron?
q-pay-different = ¿El sueldo o las condiciones son peores de lo que le prometieron?
q-recruit-fee = ¿Tuvo que pagar una cuota, o pedir dinero prestado, para conseguir este trabajo o para viajar?
q-recruit-forced = ¿Alguien le obligó, le amenazó o le llevó contra su voluntad para empezar este trabajo?
q-hardship-before = En ese momento, ¿estaba en una situación muy difícil, por ejemplo sin dinero, con deudas o sin papeles?

section-work-conditions = Sus condiciones de trabajo y de vida
q-hours-per-day = En un día normal, ¿cuántas horas trabaja?
q-day-off = ¿Tiene al menos un día libre a la semana?
q-pay = ¿Cómo le pagan?
c-pay-as-agreed = Como se acordó
c-pay-less = Menos de lo acordado
c-pay-nothing = Nada
c-pay-to-someone-else = El dinero va a otra persona
q-deductions = ¿Le descuentan dinero del sueldo, por ejemplo por comida, cama, transporte o una deuda?
q-housing-bad = ¿El lugar donde duerme está abarrotado, sucio o es inseguro?
q-dangerous-work = ¿Ha tenido que hacer trabajos peligrosos sin protección?
q-sexual-exploitation = ¿Alguien le ha obligado a tener relaciones sexuales, o a vender sexo, sin querer?
q-sexual-exploitation-note = Pregunte con suavidad, una sola vez. Acepte «prefiero no decirlo» sin insistir. No pida detalles.

section-control = Libertad y control
section-control-note = Estas preguntas pueden asustar. Recuerde a la persona que puede saltar cualquier pregunta.
q-free-to-leave = ¿Podría dejar este trabajo si quisiera?
q-documents-held = ¿Otra persona guarda su pasaporte o documento de identidad contra su voluntad?
q-debt = ¿Debe dinero a su empleador, o a la persona que le trajo aquí?
q-debt-unpayable = ¿La deuda no deja de crecer, o no ve forma de pagarla?
q-threats = ¿Alguien le ha amenazado a usted o a su familia?
q-threat-authorities = ¿Alguien ha dicho que le denunciaría a la policía o a inmigración?
q-violence = ¿Alguien le ha golpeado, herido, o le ha hecho algo sexual contra su voluntad?
q-violence-note = Si la persona está herida, ofrezca ayuda médica antes que nada.
q-watched = ¿Le vigilan, le encierran o le impiden hablar con otras personas?

section-vulnerability = Su situación aquí
q-knows-address = ¿Sabe la dirección del lugar donde vive?
q-speaks-local-language = ¿Habla el idioma de este país?
q-status-fear = ¿Tiene miedo por sus papeles de residencia o de trabajo aquí?

section-observations = Lo que usted observó
section-observations-note = Complete esto usted después de la conversación. No lo pregunte.
q-obs-injuries = ¿Vio lesiones o señales de violencia?
q-obs-fear = ¿La persona parecía muy asustada, o miraba a otra persona antes de responder?

section-your-views = Su opinión, con sus palabras
section-your-views-note = Opcional y aparte de la detección. Diga que nada cambia para la persona si dice que no.
q-views-consent = Aparte de estas preguntas: ¿quiere contarme, con sus palabras, qué necesita y cómo le han tratado? Queda solo en su expediente. Nunca se cuenta ni se comparte, salvo el número de personas que eligieron hablar.
q-views-needs = ¿Qué es lo que más necesita ahora?
q-views-treatment = ¿Cómo le han tratado, quien sea, incluidas las autoridades y organizaciones como la nuestra?
section-closing = Cierre
q-anything-else = ¿Hay algo más que quiera contarme?
q-closing-note = Dé las gracias a la persona. Explique qué pasará ahora, qué ayuda hay, y que no se hará nada sin su acuerdo salvo que la ley lo exija.

dim-deceptive-recruitment = Reclutamiento engañoso
dim-coercive-recruitment = Reclutamiento coercitivo
dim-vulnerability-recruitment = Reclutamiento con abuso de vulnerabilidad
dim-exploitative-conditions = Condiciones de trabajo de explotación
dim-coercion-destination = Coerción en el destino
dim-vulnerability-destination = Abuso de vulnerabilidad en el destino

ind-deceived-nature-of-job = Engaño sobre la naturaleza del trabajo
ind-deceived-conditions = Engaño sobre el sueldo o las condiciones
ind-recruitment-debt = Deuda ligada al reclutamiento o al viaje
ind-recruitment-force = Fuerza, amenazas o secuestro en el reclutamiento
ind-recruited-by-intimate = Reclutado por la pareja o un familiar
ind-hardship-at-recruitment = Dificultad económica o legal al ser reclutado
ind-excessive-hours = Jornadas excesivas (más de 12 horas al día)
ind-no-rest-day = Sin día de descanso semanal
ind-low-or-no-pay = Sin sueldo, o sueldo que se queda otra persona
ind-underpaid = Pagado menos de lo acordado
ind-wage-deductions = Descuentos del sueldo
ind-bad-living-conditions = Condiciones de vida degradantes
ind-hazardous-work = Trabajo peligroso sin protección
ind-sexual-exploitation = Explotación sexual
ind-not-free-to-leave = No es libre de irse
ind-documents-withheld = Documentos de identidad retenidos
ind-debt-bondage = Servidumbre por deudas
ind-debt-owed = Deuda con el empleador o el reclutador
ind-threats = Amenazas contra la persona o su familia
ind-threat-of-denunciation = Amenaza de denuncia a las autoridades
ind-violence = Violencia
ind-isolation-surveillance = Aislamiento, encierro o vigilancia
ind-does-not-know-address = No conoce la dirección de su casa o trabajo
ind-language-barrier = No habla el idioma local
ind-irregular-status-fear = Miedo relacionado con su situación de residencia
ind-fearful-demeanour = Actitud de miedo observada

rule-adult-ilo-ec-combination = Se cumplen una dimensión de reclutamiento, condiciones de explotación, y coerción o abuso de vulnerabilidad en el destino: la combinación OIT/CE para adultos.
rule-adult-forced-at-destination = Condiciones de explotación junto con coerción en el destino: indicios de trabajo forzoso incluso sin elemento de reclutamiento.
rule-child-exploitation = Un niño o niña en explotación o bajo coerción: para la infancia no hace falta ningún medio de coerción o engaño.
rule-any-dimension-met = Se cumple al menos una dimensión, o hay un indicador fuerte de control: hace falta una evaluación más completa.
rule-child-any-indicator = Un niño o niña con al menos un indicador de trabajo de explotación.
rule-labour-rights = Condiciones de trabajo de explotación sin señales de coerción: un problema de derechos laborales.

stop-imminent-danger = La persona teme que le hagan daño hoy. Detenga la entrevista, siga su procedimiento de emergencia y llame al contacto de emergencia.

ref-emergency = Para un peligro inmediato para la vida o la seguridad.
ref-nrm = Identificación formal y acceso al apoyo que establece la ley.
ref-shelter = Alojamiento seguro, con un periodo de recuperación y reflexión.
ref-medical = Atención de lesiones y salud, de forma confidencial.
ref-legal = Asesoría sobre derechos, residencia, salarios impagados e indemnización.
ref-labour-inspection = Inspección del lugar de trabajo y recuperación de salarios.
ref-child-protection = Protección y un tutor para un niño o niña; informar puede ser obligatorio.
ref-hotline = Asesoría y derivación, en muchos idiomas.

safety-companion-present = Estaba presente alguien que puede controlar a la persona. No entregue material escrito que pueda encontrar; acuerde una forma segura de contacto.
safety-threats = Se han mencionado amenazas. No contacte al empleador ni a la familia sin el acuerdo de la persona.
safety-documents = Le retienen los documentos. No se enfrente al empleador por ellos durante esta visita.
safety-presumed-minor = La persona puede ser menor. Trátela como tal hasta que se establezca su edad e implique a protección de la infancia.
safety-consent-before-referral = Pida el consentimiento antes de cada derivación. Explique qué hace cada servicio y no haga promesas que no pueda cumplir.

section-about-you = Sobre usted
q-gender = ¿Cómo describe su género?
q-gender-note = Pregunte solo si es seguro; anote la respuesta de la persona. «Prefiere no decirlo» siempre es válido.
c-gender-woman = Mujer o niña
c-gender-man = Hombre o niño
c-gender-other = Otro género
