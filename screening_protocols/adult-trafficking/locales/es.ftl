# Borrador: necesita revisión por una persona nativa.
title = Cribado de adultos: explotación laboral y sexual
summary = Una entrevista de identificación completa para personas adultas, según las seis dimensiones de los indicadores operativos OIT/CE. Unos 20 minutos.

section-now = Ahora mismo
section-now-note = Pregunte esto primero. Si la persona está en peligro ahora, pare y siga el procedimiento de emergencia.
q-danger-now = ¿Tiene miedo de que alguien le haga daño a usted, o a alguien cercano, hoy?
q-danger-now-note = Si la respuesta es sí, la entrevista se detiene. Pregunte a la persona qué quiere que pase antes de llamar a nadie: para alguien sin papeles, la policía puede significar la detención.

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
q-work-country = ¿En qué país hace este trabajo, o lo hizo?
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
q-sexual-exploitation = ¿Alguien le ha obligado a tener relaciones sexuales, o a vender sexo, en contra de su voluntad?
q-sexual-exploitation-note = Pregunte con suavidad, una sola vez. Acepte «prefiero no decirlo» sin insistir. No pida detalles.

section-control = Libertad y control
section-control-note = Estas preguntas pueden asustar. Recuerde a la persona que puede saltar cualquier pregunta.
q-free-to-leave = ¿Podría dejar este trabajo si quisiera?
q-documents-held = ¿Su empleador u otra persona guarda su pasaporte o documento de identidad, por el motivo que sea, aunque sea «para que no se pierda»?
q-debt = ¿Debe dinero a su empleador, o a la persona que le trajo aquí?
q-debt-unpayable = ¿La deuda no deja de crecer, o no ve forma de pagarla?
q-threats = ¿Alguien le ha amenazado a usted o a su familia?
q-threat-authorities = ¿Alguien ha dicho que le denunciaría a la policía o a inmigración?
q-violence = ¿Alguien le ha pegado, le ha herido o le ha hecho daño físico?
q-violence-note = Solo daño físico: el daño sexual se pregunta una sola vez, en la pregunta siguiente. Si la persona está herida, ofrezca atención médica antes que nada.
q-watched = ¿Alguien vigila adónde va, o le impide salir { $gender ->
        [woman] sola
        [man] solo
       *[unknown] solo/a
    }?

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
q-views-consent = Aparte de estas preguntas: ¿quiere contarme, con sus palabras, qué necesita y cómo le han tratado? Sus propias palabras quedan en su expediente y nunca se cuentan. Dos listas cortas que puede marcar se cuentan sin su nombre, solo en cifras de muchas personas, igual que el número de personas que eligieron hablar. Todo ello se deja fuera de cualquier copia de su expediente salvo que usted acepte compartirlo.
q-views-needs = ¿Qué es lo que más necesita ahora?
q-views-treatment = ¿Cómo le han tratado, quien sea, incluidas las autoridades y organizaciones como la nuestra?
q-views-needs-list = De estas cosas, ¿qué necesita? Marque todo lo que corresponda.
q-views-needs-list-note = Lea las opciones en voz alta. Diga a la persona que estas marcas se cuentan sin su nombre y que puede saltarse la lista.
q-views-treatment-list = De estas cosas, ¿qué pasó cuando trató con autoridades u organizaciones? Marque todo lo que corresponda.
c-need-safety = Estar a salvo
c-need-shelter = Un lugar seguro donde quedarme
c-need-medical-care = Atención médica
c-need-counselling = Alguien con quien hablar
c-need-legal-advice = Asesoría legal
c-need-money = Dinero
c-need-work = Trabajo
c-need-documents = Documentos de identidad
c-need-return-home = Volver a casa
c-need-family-contact = Contacto con mi familia
c-need-interpreter = Un intérprete
c-need-other = Otra cosa
c-treated-respected = Me trataron con respeto
c-treated-believed = Me creyeron
c-treated-informed-in-own-language = Me explicaron en mi idioma
c-treated-given-time-to-decide = Me dieron tiempo para decidir
c-treated-pressured-to-testify = Me presionaron para declarar
c-treated-detained-or-fined = Me detuvieron o multaron
c-treated-threatened-with-removal = Me amenazaron con la expulsión
c-treated-blamed = Me culparon
c-treated-other = Otra cosa
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
ind-recruitment-debt = Un viaje que debe pagar trabajando
ind-recruitment-fee = Una tarifa pagada o prestada por el trabajo o el viaje
ind-recruited-by-intimate = Reclutado por la pareja o un familiar
ind-hardship-at-recruitment = Dificultad económica o legal al ser reclutado
ind-excessive-hours = Jornadas excesivas (más de 12 horas al día)
ind-no-rest-day = Sin día de descanso semanal
ind-low-or-no-pay = Sin sueldo, o sueldo que se queda otra persona
ind-underpaid = Pagado menos de lo acordado
ind-wage-deductions = Descuentos del sueldo
ind-bad-living-conditions = Condiciones de vida degradantes
ind-hazardous-work = Trabajo peligroso sin protección
ind-sexual-exploitation = Relaciones sexuales forzadas o explotación sexual
ind-not-free-to-leave = No es libre de irse
ind-documents-withheld = Documentos de identidad retenidos
ind-debt-bondage = Servidumbre por deudas
ind-debt-owed = Deuda con el empleador o el reclutador
ind-threats = Amenazas contra la persona o su familia
ind-threat-of-denunciation = Amenaza de denuncia a las autoridades
ind-violence = Violencia física
ind-isolation-surveillance = Aislamiento, encierro o vigilancia
ind-does-not-know-address = No conoce la dirección de su casa o trabajo
ind-language-barrier = No habla el idioma local
ind-irregular-status-fear = Miedo relacionado con su situación de residencia
ind-fearful-demeanour = Actitud de miedo observada

rule-adult-ilo-ec-combination = Se cumplen una dimensión de reclutamiento, condiciones de explotación, y coerción o abuso de vulnerabilidad en el destino: la combinación OIT/CE para adultos.
rule-adult-forced-at-destination = Condiciones de explotación junto con coerción en el destino: indicios de trabajo forzoso incluso sin elemento de reclutamiento.
rule-child-exploitation = Un niño o niña en explotación o bajo coerción: para la infancia no hace falta ningún medio de coerción o engaño.
rule-any-dimension-met = Se cumple al menos una dimensión, o hay una señal de coacción o de explotación sexual: hace falta una evaluación más completa.
rule-child-any-indicator = Un niño o niña con al menos un indicador de trabajo de explotación.
rule-labour-rights = Condiciones de trabajo de explotación sin señales de coerción: un problema de derechos laborales.

stop-imminent-danger = La persona teme que le hagan daño hoy. Detenga la entrevista. Pregúntele qué quiere que pase y a quién acepta que llame; llame a emergencias sin su acuerdo solo si una vida corre peligro inmediato.

ref-emergency = Para un peligro inmediato para la vida o la seguridad.
ref-nrm = Identificación formal como víctima de trata y acceso al apoyo que establece la ley.
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

q-medical-urgent = ¿Necesita un médico o atención médica urgente, ahora mismo?
q-medical-urgent-note = Si la respuesta es sí, la entrevista se detiene para que la atención vaya primero.
c-sector-not-yet = Todavía no trabajo: voy de camino
q-papers-deceived = ¿Le dijeron que le arreglarían los papeles o el permiso de trabajo, y no era verdad?
q-recruit-abducted = ¿Le llevaron o le trasladaron a algún sitio en contra de su voluntad?
q-recruit-threatened = ¿Alguien le amenazó a usted, o a alguien cercano, para que aceptara este trabajo o hiciera el viaje?
q-marriage-forced = ¿Le casaron, o le prometieron en matrimonio, con alguien a quien usted no eligió?
q-marriage-forced-note = Pregunte con voz neutra. Un matrimonio arreglado por la familia no es una señal en sí; no poder negarse sí lo es.
q-misinformed = Antes de venir, ¿le contaron cosas sobre la ley, las autoridades o la vida aquí que resultaron ser falsas?
section-journey = El viaje
section-journey-note = Estas preguntas sirven también en una frontera o una estación, antes de que empiece ningún trabajo.
q-travel-arranged = ¿Otra persona organizó o pagó su viaje?
q-travel-debt = ¿Esperan que usted devuelva el viaje trabajando para ellos?
q-documents-taken-journey = Durante el viaje, ¿alguien le quitó o se quedó con su pasaporte o su documento de identidad?
q-destination-known = ¿Sabe dónde va a vivir y trabajar, y para quién?
q-companion-holds = ¿Alguien que viaja con usted, o que le espera, guarda sus billetes, su dinero o sus papeles?
q-wages-held-back = ¿Su empleador le guarda el sueldo para más adelante, por ejemplo hasta el final de la temporada o hasta que termine?
q-bank-card-held = ¿Su empleador u otra persona guarda su tarjeta bancaria, los datos de su cuenta o su teléfono?
q-depends-on-employer = ¿Su empleador le da el lugar donde duerme y la comida, de modo que sin él no tendría adónde ir?
q-medical-refused = Cuando estuvo { $gender ->
        [woman] enferma o herida
        [man] enfermo o herido
       *[unknown] enfermo/a o herido/a
    }, ¿le impidieron ver a un médico?
q-documents-held-note = Cuente también los documentos entregados voluntariamente: lo que importa es si la persona puede recuperarlos en el acto.
q-threat-expose = ¿Alguien ha amenazado con contar cosas de usted a su familia o a su comunidad, o con enseñar fotos suyas?
q-kept-from-others = ¿Le impiden hablar con otras personas o usar un teléfono?
q-illegal-acts = ¿Le han obligado a hacer cosas que van contra la ley, por ejemplo robar, vender drogas o estafar a gente por internet?
q-illegal-acts-note = Diga que se pregunta para proteger a la persona, no para acusarla. No anote detalles de ningún delito.
q-coached-to-lie = ¿Alguien le dijo lo que tenía que decir a las autoridades, o que mintiera sobre su edad, su trabajo o su viaje?
q-status-fear-note = Si su cargo le obliga a informar de la situación migratoria (algunas inspecciones de trabajo, la policía), dígalo antes de preguntar, o salte esta pregunta.
q-threat-authorities-note = Si su cargo le obliga a informar de la situación migratoria (algunas inspecciones de trabajo, la policía), dígalo antes de preguntar, o salte esta pregunta.
ind-deceived-about-papers = Engaño sobre los papeles o la situación legal
ind-recruitment-abduction = Llevado/a o trasladado/a contra su voluntad
ind-recruitment-threats = Amenazas en la captación
ind-forced-marriage = Casado/a, o prometido/a en matrimonio, sin elección
ind-documents-taken-journey = Documentos quitados durante el viaje
ind-companion-controls = Un acompañante que controla billetes, dinero o papeles
ind-misinformed-about-migration = Información falsa sobre la ley o la migración
ind-destination-unknown = No sabe dónde vivirá o trabajará, ni para quién
ind-medical-care-refused = Atención médica negada
ind-threat-to-expose = Amenaza de contar cosas a la familia o la comunidad
ind-forced-illegal-acts = Obligado/a a cometer actos ilegales
ind-coached-to-lie = Instruido/a sobre qué decir a las autoridades, o para mentir
ind-wages-withheld = Sueldo retenido para que se quede
ind-money-controlled = Tarjeta bancaria, cuenta o teléfono en manos de otros
ind-depends-on-employer = Depende del empleador para la vivienda y la comida
rule-adult-forced-sex = Relaciones sexuales forzadas junto con otra señal de engaño, control o explotación: explotación sexual con sus medios.
rule-adult-coerced-in-transit = Coacción durante el viaje junto con engaño, abuso de vulnerabilidad, un destino desconocido o instrucciones para mentir: la trata puede estar en curso antes de que empiece la explotación.
stop-urgent-medical-need = La persona necesita atención médica ahora. Detenga la entrevista y pregúntele si acepta que llame a un médico o a una ambulancia; llame sin preguntar solo si no puede responder y una vida corre peligro.
safety-non-punishment = Puede que la persona haya sido obligada a infringir la ley o a mentir a las autoridades. Las víctimas no deben ser castigadas por actos que se vieron obligadas a cometer (principio de no punición, Convenio del Consejo de Europa, art. 26): no denuncie estos actos como delitos y derive a asesoría jurídica.
safety-sexual-violence-care = Se ha revelado violencia sexual. Ofrezca atención médica confidencial (la anticoncepción de emergencia y la profilaxis del VIH tienen un plazo), una profesional o un profesional según prefiera la persona, y nunca pida detalles.

rule-adult-coerced-to-work = Trabajo obtenido bajo coacción: coacción en destino junto con condiciones de explotación, o condiciones de explotación bajo una forma fuerte de control (encierro, documentos, servidumbre por deudas, violencia).
