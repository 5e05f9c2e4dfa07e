## tidsbokningar

nav-appointments = Tidsbokningar
front-appointments-text = Kommande och tidigare tidsbokningar, anvisningar och att lägga till tiden i kalendern.
appointments-title = Tidsbokningar
appointments-intro = Här ser du de tidsbokningar som vården har meddelat dig. Alla tider visas inte i MittKanta. Du kan avboka eller flytta en tid i serviceproducentens tidsbokning.
appointments-upcoming = Kommande tider
appointments-upcoming-none = Du har inga kommande tider.
appointments-calendar-all = Lägg till alla kommande tider i kalendern (ics-fil)
appointments-past = Tidigare tider
appointments-past-none = Det finns inga tidigare tider under den valda perioden.
appointments-past-more = Det finns fler tidigare tider än sidan visar. Välj en kortare period.
appointments-past-period = Visa tidigare tider
appointments-past-3m = under 3 månader
appointments-past-1y = under ett år
appointments-past-3y = under 3 år
appointments-past-all = alla
appointments-past-submit = Visa
appointments-past-caption = { $count ->
    [one] Tidigare tider, { $count } tid
   *[other] Tidigare tider, { $count } tider
}
appointments-when = Tid
appointments-kind = Typ av besök
appointments-unit = Enhet
appointments-back = Tillbaka till tidsbokningarna
appointments-calendar-name = MittKanta: tidsbokningar
appointment-title = Tidsbokning
appointment-heading = { $kind }, { $when }
appointment-when = { $weekday } { $date } kl. { $start }–{ $end }
appointment-duration = Längd
appointment-minutes = { $count ->
    [one] { $count } minut
   *[other] { $count } minuter
}
appointment-role = Yrkesperson
appointment-mode = Sätt att delta
appointment-organisation = Serviceproducent
appointment-address = Adress
appointment-reference = Bokningsnummer
appointment-join = Delta i videomottagningen
appointment-preparation = Så här förbereder du dig
appointment-changes = Avboka eller flytta tiden
appointment-changes-intro = Tiden avbokas eller flyttas i serviceproducentens tidsbokning. Länken leder bort från MittKanta.
appointment-booking-service = Serviceproducentens tidsbokning ({ $site })
appointment-changes-call = Avboka eller flytta tiden genom att ringa enheten.
appointment-calendar = Lägg till i kalendern (ics-fil)
appointment-kind-doctor-visit = Läkarmottagning
appointment-kind-nurse-visit = Skötarmottagning
appointment-kind-laboratory = Laboratorieprov
appointment-kind-imaging = Bilddiagnostisk undersökning
appointment-kind-vaccination = Vaccination
appointment-kind-physiotherapy = Fysioterapi
appointment-kind-oral-health = Munhälsovård
appointment-kind-child-health-clinic = Besök på rådgivningen
appointment-kind-follow-up = Uppföljningsbesök
appointment-kind-psychiatry = Psykiatriskt besök
appointment-kind-clinical-genetics = Besök inom klinisk genetik
appointment-mode-in-person = Besök på plats
appointment-mode-phone = Telefontid
appointment-mode-video = Videomottagning
appointment-role-doctor = Läkare
appointment-role-nurse = Sjukskötare
appointment-role-public-health-nurse = Hälsovårdare
appointment-role-laboratory-nurse = Laboratorieskötare
appointment-role-radiographer = Röntgenskötare
appointment-role-physiotherapist = Fysioterapeut
appointment-role-dentist = Tandläkare
appointment-role-dental-hygienist = Munhygienist
weekday-1 = mån
weekday-2 = tis
weekday-3 = ons
weekday-4 = tors
weekday-5 = fre
weekday-6 = lör
weekday-7 = sön
action-appointments-list = Visning av tidsbokningar
action-appointments-read = Visning av en tidsbokning
action-appointments-calendar = Nedladdning av tidsbokningar till kalendern
action-appointments-news = Visning av nya tidsbokningar
news-appointments-none = Inga nya tidsbokningar sedan ditt förra besök.
news-appointments-booked = { $count ->
    [one] En ny tidsbokning sedan ditt förra besök.
   *[other] { $count } nya tidsbokningar sedan ditt förra besök.
}
news-appointments-next = Nästa tid { $date } kl. { $time }.
