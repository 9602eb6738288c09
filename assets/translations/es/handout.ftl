# Las palabras propias del folleto en español: cada título, etiqueta y
# frase que ptbuilder imprime y que el terapeuta no escribió. Mismos ids
# que en/handout.ftl. Se habla al paciente de "usted", con frases cortas
# y palabras de todos los días.

## Página y título

home-exercises = Sus ejercicios en casa
your-exercises = Sus ejercicios
page-of = Página { $n } de { $total }
continued = { $what } (continuación)
pdf-subject = Programa de ejercicios en casa

## El bloque del título

phone = Teléfono:
field-name = Nombre
field-given = Fecha de entrega
field-therapist = Terapeuta
field-review = Próxima cita
bigger-print = ¿Necesita letra más grande? Pídanos una copia de esta hoja en letra grande.
working-on = En qué estamos trabajando
condition = Su problema de salud:
goals = Sus metas:
about-program = Sobre su programa
take-care = Tenga cuidado

## Fechas, escritas con letras para que nadie se confunda

date-a4 = { $day } de { $month } de { $year }
date-letter = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## El recuadro "Para su seguridad"

safety-title = Para su seguridad
safety-pain-label = Dolor al hacer ejercicio:
safety-pain = Está bien sentir un poco de dolor o molestia si se le quita en un día o menos. Pare el ejercicio si siente un dolor como una punzada o como una corriente eléctrica, o un dolor que va empeorando. Llámenos antes de volver a hacerlo.
safety-stop-label = Pare enseguida y pida ayuda
safety-stop = si tiene dolor en el pecho o mucha falta de aire, o si siente mareo o que se va a desmayar.
safety-call-number = Si tiene dolor en el pecho o le cuesta respirar, llame al { $number }.
safety-call-emergency = Si tiene dolor en el pecho o le cuesta respirar, llame al número de emergencias.
safety-emergency = Vaya a la sala de emergencias ahora mismo si tiene:
safety-emergency-1 = Entumecimiento en la zona de la ingle, los genitales o las nalgas.
safety-emergency-2 = Problemas nuevos para orinar o para aguantar la orina o las heces.
safety-emergency-3 = Pérdida nueva de sensibilidad durante las relaciones sexuales, o problemas nuevos para tener una erección.
safety-emergency-4 = Debilidad nueva en una pierna o en las dos.
safety-emergency-5 = Entumecimiento u hormigueo en las dos piernas.
safety-same-day = Vea a un médico hoy mismo si tiene:
safety-same-day-1 = Dolor de espalda que empezó después de una caída o de lastimarse.
safety-same-day-2 = Fiebre, o se siente mal en general.
safety-same-day-3 = Ha bajado de peso hace poco sin querer.
safety-same-day-4 = Ha tenido cáncer y este dolor de espalda es nuevo.
safety-same-day-5 = Dolor fuerte por la noche, o un dolor que sigue empeorando.
safety-soon-label = Vea a su médico o terapeuta en los próximos días
safety-soon = si se le entumece o le hormiguea una pierna, o si después de 2 semanas su espalda no ha mejorado.
call-blank = ¿Preguntas o dudas? Llame a su clínica: ____________________
call-phone = ¿Preguntas o dudas? Llámenos al { $phone }.
call-clinic = ¿Preguntas o dudas? Llame a { $clinic }.
call-clinic-phone = ¿Preguntas o dudas? Llame a { $clinic } al { $phone }.

## La tarjeta de resumen

card-for-phase = Para { $name } · { $phase }
card-for = Para { $name }
card-help-label = Pida ayuda enseguida
card-help = si tiene dolor en el pecho, dificultad para respirar, entumecimiento en la zona de la ingle o las nalgas, problemas nuevos con la orina o las heces, o debilidad nueva en las piernas.

## Etapas

how-long = Cuánto tiempo:
phase-weeks = { $n ->
    [one] Más o menos 1 semana.
   *[other] Más o menos { $n } semanas.
    }
phase-session = { $n ->
    [one] Cada sesión dura más o menos 1 minuto.
   *[other] Cada sesión dura más o menos { $n } minutos.
    }
move-on = Pase a la siguiente etapa cuando:

## Cada ejercicio

you-need = Necesita:
how-much = Cuánto:
therapist-says = Su terapeuta le dice:
how-to-start = Cómo empezar:
you-know-this = Ya conoce este ejercicio.
earlier = Hágalo igual que el ejercicio { $number }, pero con la cantidad que dice abajo.
earlier-on-page = Hágalo igual que el ejercicio { $number } de la página { $page }, pero con la cantidad que dice abajo.
take-care-label = Tenga cuidado:
avoid-label = Evite:
avoid-mistakes = Evite estos errores
figure-start = Inicio
figure-finish = Final
picture-missing = Imagen no disponible

## Lo que el paciente necesita a mano, como se lee en una lista

equipment-mat = colchoneta
equipment-pillow = almohada
equipment-towel = toalla
equipment-chair = silla
equipment-wall = pared
equipment-doorway = marco de una puerta
equipment-ball = pelota de ejercicio
equipment-band = banda elástica
equipment-weights = pesas
equipment-heatpack = compresa caliente
equipment-coldpack = compresa fría
equipment-bike = bicicleta estática
equipment-pool = piscina

## El diario de ejercicios

chart-title = Su diario de ejercicios
chart-how = Marque una casilla cada día que haga un ejercicio. Cada noche, anote cuánto le duele, de 0 (nada de dolor) a 10 (el peor dolor que se pueda imaginar). Traiga este diario a su próxima cita.
chart-exercise = Ejercicio
chart-pain = Dolor hoy (0 a 10)
chart-week = Semana del:
chart-notes = Notas y preguntas para su terapeuta
day-1 = Lun
day-2 = Mar
day-3 = Mié
day-4 = Jue
day-5 = Vie
day-6 = Sáb
day-7 = Dom

## Cuánto: la dosis en frases cortas, sin cuentas que hacer

dose-minutes = Siga durante { $n ->
    [one] 1 minuto
   *[other] { $n } minutos
    }.
dose-minutes-range = Siga de { $low } a { $high } minutos.
dose-hold = Mantenga la posición durante { $n ->
    [one] 1 segundo
   *[other] { $n } segundos
    }.
dose-hold-range = Mantenga la posición de { $low } a { $high } segundos.
times = { $n ->
    [one] 1 vez
   *[other] { $n } veces
    }
side-each = en cada lado
side-left = solo del lado izquierdo
side-right = solo del lado derecho
# $side está vacío, o es un lado con un espacio delante (" en cada lado").
dose-repeat = Hágalo { $times }{ $side }.
dose-side = Hágalo { $side }.
dose-sets = Hágalo { $times }{ $side }. Eso es una serie. Haga { $sets } series{ $rest }.
dose-rest-between-sets = , con un descanso de { $rest } entre series
rest-minutes = { $n ->
    [one] 1 minuto
   *[other] { $n } minutos
    }
rest-seconds = { $n ->
    [one] 1 segundo
   *[other] { $n } segundos
    }
dose-load = Use: { $load }.
dose-when = Hágalo { $when }.
per-day = { $n ->
    [one] 1 vez al día
   *[other] { $n } veces al día
    }
days-a-week = { $n ->
    [7] todos los días
    [one] 1 día a la semana
   *[other] { $n } días a la semana
    }
dose-frequency = { $per_day }, { $days }.
# La forma más corta de las series, para la tarjeta de resumen.
dose-brief-sets = Haga { $sets } series de { $reps }{ $side }{ $rest }.
dose-brief-rest = , con un descanso de { $rest } entre series
