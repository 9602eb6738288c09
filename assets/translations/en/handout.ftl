# The handout's own words in English: every label, heading and sentence
# ptbuilder prints that the therapist did not type. Other languages copy
# this file's message ids (core/src/lang.rs checks they match). A label
# that runs on into text ("How much: 3 times") is written without its
# final space; the handout adds it.

## Page and title

home-exercises = Your home exercises
your-exercises = Your exercises
page-of = Page { $n } of { $total }
continued = { $what } (continued)
pdf-subject = Home exercise program

## The title block

phone = Phone:
field-name = Name
field-given = Date given
field-therapist = Therapist
field-review = Next visit
bigger-print = Need bigger print? Ask us for a large-print copy of this handout.
working-on = What we are working on
condition = Condition:
goals = Your goals:
about-program = About your program
take-care = Take care

## Dates, written out so nobody misreads them

date-a4 = { $day } { $month } { $year }
date-letter = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## The "Stay safe" box

safety-title = Stay safe
safety-pain-label = Pain while you exercise:
safety-pain = Mild aching or discomfort is fine if it settles within a day. Stop the exercise if you feel sharp or shooting pain, or pain that gets worse. Call us before you do it again.
safety-stop-label = Stop at once and get help
safety-stop = if you have chest pain, you are very short of breath, or you feel dizzy or faint.
safety-call-number = For chest pain or trouble breathing, call { $number }.
safety-call-emergency = For chest pain or trouble breathing, call your emergency number.
safety-emergency = Go to the emergency department now if you have:
safety-emergency-1 = Numbness around your groin, genitals or buttocks.
safety-emergency-2 = New trouble passing urine or controlling your bladder or bowels.
safety-emergency-3 = New loss of feeling during sex, or new trouble getting an erection.
safety-emergency-4 = New weakness in one or both legs.
safety-emergency-5 = Numbness or tingling in both legs.
safety-same-day = See a doctor the same day if you have:
safety-same-day-1 = Back pain that started after a fall or an injury.
safety-same-day-2 = A fever, or you feel generally unwell.
safety-same-day-3 = Recent weight loss without trying.
safety-same-day-4 = A history of cancer, and this back pain is new.
safety-same-day-5 = Severe pain at night, or pain that keeps getting worse.
safety-soon-label = See your doctor or therapist within a few days
safety-soon = if one leg goes numb or tingles, or your back is no better after 2 weeks.
call-blank = Questions or worries? Call your clinic: ____________________
call-phone = Questions or worries? Call us on { $phone }.
call-clinic = Questions or worries? Call { $clinic }.
call-clinic-phone = Questions or worries? Call { $clinic } on { $phone }.

## The summary card

card-for-phase = For { $name } · { $phase }
card-for = For { $name }
card-help-label = Get help at once
card-help = for chest pain, trouble breathing, numbness around your groin or buttocks, new bladder or bowel trouble, or new weakness in your legs.

## Phases

how-long = How long:
phase-weeks = { $n ->
    [one] About 1 week.
   *[other] About { $n } weeks.
    }
phase-session = { $n ->
    [one] Each session takes about 1 minute.
   *[other] Each session takes about { $n } minutes.
    }
move-on = Move on when:

## Each exercise

you-need = You need:
how-much = How much:
therapist-says = Your therapist says:
how-to-start = Get into position:
you-know-this = You know this one.
earlier = Do it the same way as exercise { $number }, with the amount below.
earlier-on-page = Do it the same way as exercise { $number } on page { $page }, with the amount below.
take-care-label = Take care:
avoid-label = Avoid:
avoid-mistakes = Avoid these mistakes
figure-start = Start
figure-finish = Finish
picture-missing = Picture not available

## What the patient needs at hand, as it reads in a list

equipment-mat = mat
equipment-pillow = pillow
equipment-towel = towel
equipment-chair = chair
equipment-wall = wall
equipment-doorway = doorway
equipment-ball = exercise ball
equipment-band = resistance band
equipment-weights = weights
equipment-heatpack = heat pack
equipment-coldpack = cold pack
equipment-bike = exercise bike
equipment-pool = pool

## The exercise diary

chart-title = Your exercise diary
chart-how = Mark a box each day you do an exercise. Each evening, write your pain from 0 (none) to 10 (the worst you can imagine). Bring this diary to your next visit.
chart-exercise = Exercise
chart-pain = Pain today (0 to 10)
chart-week = Week starting:
chart-notes = Notes and questions for your therapist
day-1 = Mon
day-2 = Tue
day-3 = Wed
day-4 = Thu
day-5 = Fri
day-6 = Sat
day-7 = Sun

## How much: the dose in short sentences, with no sums to do

dose-minutes = Keep going for { $n ->
    [one] 1 minute
   *[other] { $n } minutes
    }.
dose-minutes-range = Keep going for { $low } to { $high } minutes.
dose-hold = Hold for { $n ->
    [one] 1 second
   *[other] { $n } seconds
    }.
dose-hold-range = Hold for { $low } to { $high } seconds.
times = { $n ->
    [1] once
   *[other] { $n } times
    }
side-each = on each side
side-left = on your left side only
side-right = on your right side only
# $side is empty, or a side with a space before it (" on each side").
dose-repeat = Do it { $times }{ $side }.
dose-side = Do it { $side }.
dose-sets = Do it { $times }{ $side }. That is one set. Do { $sets } sets{ $rest }.
dose-rest-between-sets = , with a { $rest } rest between sets
rest-minutes = { $n }-minute
rest-seconds = { $n }-second
dose-load = Use: { $load }.
dose-when = Do this { $when }.
per-day = { $n ->
    [1] Once a day
    [2] Twice a day
   *[other] { $n } times a day
    }
days-a-week = { $n ->
    [7] every day
    [1] 1 day a week
   *[other] { $n } days a week
    }
dose-frequency = { $per_day }, { $days }.
# The summary card's shorter form of sets.
dose-brief-sets = Do { $sets } sets of { $reps }{ $side }{ $rest }.
dose-brief-rest = , with a { $rest } rest between
