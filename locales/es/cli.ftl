# Borrador: necesita revisión por una persona nativa.
cli-list-languages = idiomas: { $languages }  (* = borrador, necesita revisión)
cli-show-review-by = Revisar antes del { $date }
cli-interviewer-note = (entrevistador) { $note }
cli-observed-only = (solo el entrevistador: observe, no lo lea en voz alta)
cli-hint-multiple = Varios números, separados por comas.
cli-hint-number = Un número entero de { $min } a { $max }.
cli-hint-date = Una fecha: AAAA-MM-DD.
cli-hint-duration = Un periodo: un número y d, w, m o y (por ejemplo 3m).
cli-hint-country = Un código de país de dos letras (ISO 3166), por ejemplo MD.
cli-hint-language = Un código de idioma, por ejemplo ro o ar-SD.
cli-hint-text = Escriba la respuesta con las palabras de la persona.
cli-hint-note = Pulse Intro para continuar.
cli-current-answer = Respuesta actual: { $answer }
cli-commands = ? no sé   - prefiero no decirlo   < atrás   > saltar   ! parar
cli-commands-required = < atrás   ! parar   (este paso no se puede saltar)
cli-completed-prompt = Todas las preguntas están hechas. Intro para el resultado, < para volver, o :override NIVEL RAZÓN.
cli-at-start = Esta es la primera pregunta.
cli-invalid-yes-no = Escriba 1 para sí o 2 para no.
cli-invalid-choice = Escriba el número de una de las opciones.
cli-invalid-number = Escriba un número entero.
cli-invalid-date = Escriba una fecha como AAAA-MM-DD.
cli-invalid-duration = Escriba un número y d, w, m o y, por ejemplo 3m.
cli-invalid-answer = Esa respuesta no corresponde a esta pregunta.
cli-invalid-level = Niveles: refer-now, assess-further, labour-rights-concern, no-indication.
cli-override-needs-reason = Cambiar el nivel exige una razón escrita: :override NIVEL RAZÓN
cli-error-required = Este paso necesita una respuesta.
cli-error-ended = La entrevista ha terminado.
cli-script-stopped = La respuesta de la línea { $line } (pregunta `{ $question }`) no fue aceptada; la entrevista guionizada se detiene aquí.
cli-input-ended = Las respuestas se acabaron antes de terminar la entrevista. El caso sigue abierto: continúelo con --resume { $case }.
cli-consent-refused = La persona no dio su consentimiento. Solo se guarda el hecho del rechazo.
cli-postponed = La entrevista se aplazó por seguridad.
cli-outcome-title = Resultado: { $level }
cli-outcome-override = (el entrevistador cambió el nivel calculado, { $computed }, porque: { $reason })
cli-outcome-incomplete = No es un resultado: la entrevista no terminó. Lo que sigue solo abarca las respuestas dadas.
cli-outcome-age-assumed = No se llegó al paso de la edad; se usaron las listas de indicadores para adultos.
cli-outcome-profile = { $profile }: { $level }
cli-outcome-because = Por qué: { $reason }
cli-dimension-met = { $dimension }: se cumple ({ $strong } fuerte, { $medium } medio, { $weak } débil)
cli-dimension-not-met = { $dimension }: no se cumple ({ $strong } fuerte, { $medium } medio, { $weak } débil)
cli-strength-strong = fuerte
cli-strength-medium = medio
cli-strength-weak = débil
cli-outcome-referrals = Derivaciones sugeridas:
cli-referral-example = Ejemplo: sustitúyalo por su servicio local antes de usarlo.
cli-referral-mandatory = Puede ser obligatorio informar a este servicio.
cli-referrals-expired = No se muestran, datos caducados: { $ids }
cli-outcome-safety = Notas de seguridad para usted:
cli-outcome-excluded = Respuestas excluidas porque sus preguntas ya no se aplican: { $ids }
cli-fallbacks = { $count } texto(s) se mostraron en otro idioma: { $keys }
cli-answer-hidden = (se conserva, pero se excluye: la pregunta ya no se aplica)
cli-vault-init-warning = Elija una frase de contraseña que vaya a recordar. No se puede recuperar: sin ella nadie, ni siquiera el equipo de FieldScreen, puede abrir este almacén.
cli-vault-created = Almacén { $id } creado en { $dir }.
cli-vault-unlocked = Almacén { $id } abierto: { $cases } caso(s).
cli-vault-passwd-done = Frase de contraseña cambiada. Solo se reenvolvió la clave (--keep-key): una copia antigua del archivo de clave aún abre la bóveda con la frase antigua.
cli-vault-check-ok = El almacén está sano: cada página está autenticada y la estructura de la base de datos está intacta.
cli-vault-check-problems = Se encontraron { $count } problema(s). Guarde una copia de la carpeta del almacén antes de cambiar nada.
cli-needs-yes = Esto pide confirmación; en un script, añada --yes.
cli-confirm-delete = ¿Borrar para siempre el caso { $id }? Sus respuestas e historial no se podrán recuperar; si este dispositivo está en un equipo, el caso también se borrará en todos los dispositivos del equipo en la próxima sincronización. Escriba yes para confirmar:
cli-confirm-export = Esto escribe datos personales (cada caso y sus respuestas) en { $target }, SIN CIFRAR. Cualquiera que los obtenga puede leerlos. Escriba yes para confirmar:
cli-nothing-done = No se hizo nada.
cli-case-deleted = Caso { $id } borrado.
cli-case-started = Caso { $id }: cada respuesta se guarda, cifrada, en cuanto se da.
cli-case-resumed = Continuando el caso { $id }.
cli-practice = Modo de práctica: no se guarda nada.
cli-resume-dropped = Respuestas guardadas que esta versión del protocolo no acepta, excluidas: { $ids }
cli-confirm-htcds-sealed = Esto escribe datos personales de cada persona que lo consintió (exportación de casos HTCDS) en { $target }, sellados con una frase de contraseña que usted elige ahora. Escriba yes para confirmar:
cli-confirm-htcds-plain = Esto escribe datos personales de cada persona que lo consintió (exportación de casos HTCDS) en { $target }, SIN CIFRAR. Cualquiera que obtenga el archivo puede leerlo. Escriba yes para confirmar:
cli-export-passphrase = Frase de contraseña del archivo de exportación (no la de la bóveda):
cli-export-passphrase-again = La misma frase de contraseña otra vez:
cli-export-passphrase-short = La frase de contraseña de exportación debe tener al menos { $min } caracteres.
cli-written-sealed = { $count } caso(s) escritos en { $target }, sellados. Ábralo con `fieldscreen unseal { $target }` y la frase de contraseña de exportación.
cli-written-plain = { $count } caso(s) escritos en { $target }, sin cifrar. Bórrelo cuando ya no sea necesario.
cli-htcds-without-consent = { $count } caso(s) omitidos: la persona no aceptó que sus datos se guarden con su nombre.
cli-not-sealed = { $file } no es un archivo sellado de FieldScreen.
cli-sealed-content = Archivo sellado que contiene { $content }.
cli-team-created = Equipo «{ $name }» ({ $team }) creado en { $relay }. Este dispositivo es su primer administrador: `fieldscreen team invite` permite invitar a otros.
cli-team-invite = Invitación { $id }: sirve una sola vez y durante { $minutes } minuto(s), hasta { $until }. No contiene ninguna clave: el nuevo dispositivo pide unirse y usted lo acepta con `fieldscreen team approve --code …` cuando los seis dígitos coinciden en ambas pantallas. Código:
cli-team-code-prompt = Código de invitación:
cli-team-joined = Se unió al equipo «{ $name }» ({ $team }) como dispositivo { $device }. `fieldscreen sync` ya intercambia los casos.
cli-team-revoked = Dispositivo { $device } revocado: el relé lo rechaza desde ahora y el equipo tiene una clave nueva (época { $epoch }) que no puede abrir.
cli-team-show = Equipo «{ $name }» ({ $team }), época { $epoch }, relé { $relay }. Última sincronización: { $last }. Cambios pendientes: { $pending }.
cli-synced = Sincronizado: { $sent } lote(s) enviado(s), { $received } recibido(s); { $new } caso(s) nuevo(s), { $changed } actualizado(s).
cli-sync-erased = { $count } caso(s) borrado(s) en otro dispositivo del equipo también se borraron aquí.
cli-conflicts-waiting = { $count } respuesta(s) cambiada(s) en dos dispositivos a la vez: se guardan ambos valores. Vea `fieldscreen cases conflicts`.
cli-bundle-written = { $count } caso(s) sellado(s) para el equipo en { $target }.
cli-bundle-read = Fusionado: { $new } caso(s) nuevo(s), { $changed } actualizado(s).
cli-conflict-resolved = Se conservó un valor de `{ $question }` en el caso { $id }; la elección consta en el historial del caso y en el registro de auditoría.

cli-switched-protocol = La persona es, o puede ser, menor de 18 años: la entrevista sigue con las preguntas de «{ $protocol }».

cli-script-missing = El archivo de respuestas no tiene línea para la pregunta `{ $question }`: añada una o ejecute con --unlisted skip.

cli-confirm-export-sealed = Esto escribe datos personales (cada caso y sus respuestas) en { $target }, sellados con una frase de contraseña que usted elige ahora. Escriba yes para confirmar:
cli-sealed-needs-output = Una exportación sellada es un archivo: indique --output ARCHIVO (o --plaintext para mostrar texto sin cifrar).
cli-team-join-preview = Relé: { $host }. Equipo: «{ $name }», invitación de «{ $inviter }». Compruebe ambos con la persona que le invitó.
cli-team-join-send-prompt = ¿Enviar al equipo los { $count } caso(s) que ya hay en este dispositivo? Escriba yes para enviarlos; cualquier otra respuesta los deja solo en este dispositivo:
cli-team-join-kept = Los { $count } caso(s) que ya hay en este dispositivo se quedan solo en él (--send-cases los envía al equipo).
cli-team-join-requested = Solicitud enviada. Código de comparación: { $code }. El administrador acepta este dispositivo solo si su pantalla muestra los mismos seis dígitos.
cli-team-join-others = Atención: esta invitación ha recibido { $count } solicitudes. Puede que otra persona tenga el código: avise al administrador.
cli-team-waiting = Esperando la aprobación de un administrador…
cli-team-join-pending = Esperando la aprobación de un administrador (código de comparación { $code }). `fieldscreen team wait` completa la unión.
cli-team-join-refused = La solicitud fue rechazada, la invitación caducó o se aceptó otro dispositivo con ella. Pida una nueva invitación a un administrador.
cli-team-no-join = No hay ninguna solicitud de unión pendiente en este dispositivo.
cli-team-no-requests = No hay solicitudes de unión pendientes.
cli-team-request = Dispositivo { $device } «{ $name }»: código de comparación { $code } (invitación { $invitation }).
cli-team-request-others = { $count } solicitudes con esta invitación: otra persona tiene el código. Acepte solo el dispositivo cuya pantalla muestre los mismos dígitos.
cli-team-approved = El dispositivo { $device } está en el equipo. Todos los casos le llegan en su próxima sincronización.
cli-team-refused = Solicitud del dispositivo { $device } rechazada.
cli-team-rotated = El equipo tiene una clave nueva: época { $epoch }.
cli-team-admin-added = El dispositivo { $device } es ahora administrador.
cli-team-admin-removed = El dispositivo { $device } ya no es administrador.
cli-team-leave-confirm = ¿Salir del equipo «{ $name }» en este dispositivo? Sus casos se quedan aquí. Escriba yes para confirmar:
cli-team-left = Este dispositivo salió del equipo; sus casos se quedan aquí. Un administrador debe revocarlo igualmente, lo que cambia la clave del equipo.
cli-team-member = { $device }  { $role ->
        [admin] administrador
        [revoked] revocado
       *[member] miembro
    }  «{ $name }»{ $this ->
        [yes] {" "}(este dispositivo)
       *[no] {""}
    }
cli-vault-passwd-rekeyed = Frase cambiada y bóveda recifrada con una clave nueva: las copias antiguas del archivo de clave ya no abren nada.
cli-vault-rekeying = Recifrando la bóveda con una clave nueva…
cli-vault-duress-set = Frase de coacción establecida: { $action }.
cli-vault-duress-off = Frase de coacción eliminada y su bóveda de práctica borrada.
cli-vault-duress-none = No hay ninguna frase de coacción.
cli-vault-duress-current = Escribir la frase de coacción hace: { $action }.
cli-vault-duress-explain = Una frase de coacción es una segunda frase para cuando le obligan a desbloquear. decoy: abre una bóveda de práctica con algunas entrevistas de práctica; sus casos reales siguen bloqueados. wrong: se comporta exactamente como una frase incorrecta. destroy-decoy y destroy-wrong: primero destruyen la clave, de modo que nadie, usted incluido, podrá volver a abrir los casos reales. Destruir puede hacer más peligrosa una situación o considerarse destrucción de pruebas donde usted trabaja: elíjalo solo después de sopesarlo. Quien copie los archivos del dispositivo puede ver que existe una segunda base de datos.
cli-duress-passphrase = Frase de coacción (no la de la bóveda): 
cli-vault-erase-set = Tras { $attempts } frases incorrectas seguidas, la clave se destruirá y la bóveda no podrá volver a abrirse.
cli-vault-erase-off = Las frases incorrectas ya no borran la bóveda.
cli-vault-wait = Demasiadas frases incorrectas; esperando antes del próximo intento
cli-sync-set-aside = Apartado, no fusionado: entrada { $pos } del registro (lote { $seq } del dispositivo { $device }): { $reason }
cli-sync-gap = Falta: el relé saltó el lote { $seq } del dispositivo { $device }. Se vuelve a pedir en cada sincronización; si nunca llega, el relé lo retuvo o lo perdió.
cli-sync-troubled = La sincronización terminó, pero parte del registro del equipo se apartó o falta (arriba). Avise al administrador del equipo: puede que un dispositivo esté dañado o que el relé falle.
cli-team-log-trouble = Entradas del registro apartadas: { $aside }. Lotes que faltan en el relé: { $missing }. Ejecute `fieldscreen sync` para verlos.
cli-team-relay-device = { $device } «{ $name }»: { $state ->
    [revoked] revocado
    [not-come] admitido, nunca vino
   *[active] activo
}; leyó el registro hasta la posición { $acked }; último lote { $seq }.
