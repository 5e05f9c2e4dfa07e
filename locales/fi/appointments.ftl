## ajanvaraukset

nav-appointments = Ajanvaraukset
front-appointments-text = Tulevat ja menneet ajanvaraukset, ohjeet ja ajan lisääminen kalenteriin.
appointments-title = Ajanvaraukset
appointments-intro = Tässä näet ajanvaraukset, joista terveydenhuolto on kertonut sinulle. Kaikki ajat eivät näy OmaKannassa. Voit perua tai siirtää ajan palveluntuottajan ajanvarauksessa.
appointments-upcoming = Tulevat ajat
appointments-upcoming-none = Sinulla ei ole tulevia aikoja.
appointments-calendar-all = Lisää kaikki tulevat ajat kalenteriin (ics-tiedosto)
appointments-past = Menneet ajat
appointments-past-none = Valitulla ajanjaksolla ei ole menneitä aikoja.
appointments-past-more = Menneitä aikoja on enemmän kuin sivulla näkyy. Valitse lyhyempi ajanjakso.
appointments-past-period = Näytä menneet ajat
appointments-past-3m = 3 kuukauden ajalta
appointments-past-1y = vuoden ajalta
appointments-past-3y = 3 vuoden ajalta
appointments-past-all = kaikki
appointments-past-submit = Näytä
appointments-past-caption = { $count ->
    [one] Menneet ajat, { $count } aika
   *[other] Menneet ajat, { $count } aikaa
}
appointments-when = Aika
appointments-kind = Käynnin tyyppi
appointments-unit = Yksikkö
appointments-back = Takaisin ajanvarauksiin
appointments-calendar-name = OmaKanta: ajanvaraukset
appointment-title = Ajanvaraus
appointment-heading = { $kind }, { $when }
appointment-when = { $weekday } { $date } klo { $start }–{ $end }
appointment-duration = Kesto
appointment-minutes = { $count ->
    [one] { $count } minuutti
   *[other] { $count } minuuttia
}
appointment-role = Ammattilainen
appointment-mode = Asiointitapa
appointment-organisation = Palveluntuottaja
appointment-address = Osoite
appointment-reference = Varaustunnus
appointment-join = Liity videovastaanotolle
appointment-preparation = Näin valmistaudut
appointment-changes = Ajan peruminen tai siirtäminen
appointment-changes-intro = Aika perutaan tai siirretään palveluntuottajan ajanvarauksessa. Linkki vie pois OmaKannasta.
appointment-booking-service = Palveluntuottajan ajanvaraus ({ $site })
appointment-changes-call = Peru tai siirrä aika soittamalla yksikköön.
appointment-calendar = Lisää kalenteriin (ics-tiedosto)
appointment-kind-doctor-visit = Lääkärin vastaanotto
appointment-kind-nurse-visit = Hoitajan vastaanotto
appointment-kind-laboratory = Laboratorionäyte
appointment-kind-imaging = Kuvantamistutkimus
appointment-kind-vaccination = Rokotus
appointment-kind-physiotherapy = Fysioterapia
appointment-kind-oral-health = Suun terveydenhuolto
appointment-kind-child-health-clinic = Neuvolakäynti
appointment-kind-follow-up = Seurantakäynti
appointment-kind-psychiatry = Psykiatrinen käynti
appointment-kind-clinical-genetics = Perinnöllisyyslääketieteen käynti
appointment-mode-in-person = Käynti paikan päällä
appointment-mode-phone = Puhelinaika
appointment-mode-video = Videovastaanotto
appointment-role-doctor = Lääkäri
appointment-role-nurse = Sairaanhoitaja
appointment-role-public-health-nurse = Terveydenhoitaja
appointment-role-laboratory-nurse = Laboratoriohoitaja
appointment-role-radiographer = Röntgenhoitaja
appointment-role-physiotherapist = Fysioterapeutti
appointment-role-dentist = Hammaslääkäri
appointment-role-dental-hygienist = Suuhygienisti
weekday-1 = ma
weekday-2 = ti
weekday-3 = ke
weekday-4 = to
weekday-5 = pe
weekday-6 = la
weekday-7 = su
action-appointments-list = Ajanvarausten katselu
action-appointments-read = Ajanvarauksen katselu
action-appointments-calendar = Ajanvarausten lataaminen kalenteriin
action-appointments-news = Uusien ajanvarausten katselu
news-appointments-none = Ei uusia ajanvarauksia edellisen käyntisi jälkeen.
news-appointments-booked = { $count ->
    [one] Uusi ajanvaraus edellisen käyntisi jälkeen.
   *[other] { $count } uutta ajanvarausta edellisen käyntisi jälkeen.
}
news-appointments-next = Seuraava aika { $date } klo { $time }.
