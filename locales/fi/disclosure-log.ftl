## the disclosure log

nav-disclosure-log = Luovutustiedot
front-disclosure-log-text = Kuka on katsonut tietojasi ja milloin.
disclosure-log-title = Luovutustiedot
disclosure-log-intro = Tässä näet, kuka on katsonut tai käsitellyt tietojasi, milloin ja miksi: palvelunantajat, apteekit ja Kela, jotka ovat pyytäneet tietojasi, sekä henkilöt, jotka ovat asioineet puolestasi (esimerkiksi huoltaja tai valtuutettu). Ensin näet kaksi viimeistä vuotta. Voit valita alla muut päivät tai yhden palvelunantajan.
disclosure-log-none = Kukaan muu ei ole käyttänyt tietojasi.
disclosure-log-when = Aika
disclosure-log-who = Kuka
disclosure-log-right = Oikeus tai tehtävä
disclosure-log-what = Mitä
disclosure-log-refused = Yritti: { $what } (estetty)
action-disclosure-log-read = Luovutustietojen katsominen
action-disclosure-log-news = Sen katsominen, mitä muut ovat tehneet tiedoilla
news-disclosures-none = Kukaan muu ei ole käyttänyt tietojasi edellisen käyntisi jälkeen.
news-disclosures = { $count ->
    [one] Yksi uusi merkintä edellisen käyntisi jälkeen: { $names }.
   *[other] { $count } uutta merkintää edellisen käyntisi jälkeen: { $names }.
}
news-disclosures-forwarded = { $count ->
    [one] Yksi todistus on lähetetty edellisen käyntisi jälkeen: { $names }.
   *[other] { $count } todistusta on lähetetty edellisen käyntisi jälkeen: { $names }.
}
disclosure-log-forwardings = Muille organisaatioille lähetetyt todistukset
disclosure-log-forwardings-intro = Todistus tai lausunto, joka on lähetetty Kannan kautta esimerkiksi Kelalle tai Traficomille, on luovutettu sille. Tässä näet, milloin, kenelle ja mikä.
disclosure-log-forwardings-none = Todistuksia tai lausuntoja ei ole lähetetty muille organisaatioille.
disclosure-log-to = Kenelle
disclosure-log-why = Käyttötarkoitus
disclosure-log-filter = Valitse, mitä näytetään
disclosure-log-filter-from = Alkaen
disclosure-log-filter-to = Päättyen
disclosure-log-filter-organisation = Palvelunantaja
disclosure-log-filter-all = Kaikki sekä puolestasi asioineet
disclosure-log-filter-submit = Näytä
disclosure-log-none-chosen = Valintaasi vastaavia tietoja ei ole.
disclosure-log-paging = Luovutustietojen sivut
disclosure-log-first-page = Uusimmat
disclosure-log-next-page = Vanhemmat
disclosure-log-csv = Lataa nämä tiedot CSV-tiedostona (taulukkolaskentaan)
disclosure-log-documents = { $count ->
    [one] { $count } asiakirja
   *[other] { $count } asiakirjaa
}
disclosure-log-prescriptions = { $count ->
    [one] { $count } resepti
   *[other] { $count } reseptiä
}
disclosure-log-measurements = { $count ->
    [one] { $count } mittaus
   *[other] { $count } mittausta
}
disclosure-log-withheld = { $count ->
    [one] { $count } jäi näkymättä kieltojesi vuoksi
   *[other] { $count } jäi näkymättä kieltojesi vuoksi
}
disclosure-log-declarations = Mitä nähtiin
disclosure-log-disclosed = Luovutettu
disclosure-log-kept-back = Ei luovutettu
purpose-citizen-service = Asiointi OmaKannassa
purpose-treatment = Hoitosi
purpose-dispensing = Lääkkeen toimittaminen
purpose-reimbursement = Lääkekorvaus
query-role-physician = Lääkäri
query-role-nurse = Hoitaja
query-role-pharmacist = Farmaseutti
query-role-reimbursement-handler = Kelan korvauskäsittelijä
action-provider-documents = Asiakirjojen katsominen
action-provider-prescriptions = Reseptien katsominen
action-provider-declarations = Suostumuksen, hoitotahdon ja elinluovutustahdon katsominen
action-provider-wellbeing = Itse tallentamiesi hyvinvointitietojen katsominen
disclosure-entry-title = Luovutustieto
disclosure-entry-unit = Yksikkö
disclosure-entry-documents = Luovutetut asiakirjat
disclosure-entry-prescriptions = Luovutetut reseptit
disclosure-entry-recorded = Kirjattu
disclosure-entry-document = Asiakirja
disclosure-entry-issued = Kirjoitettu
disclosure-entry-medicine = Lääke
disclosure-entry-written-by = Kirjaaja
disclosure-entry-none = Mitään ei luovutettu.
disclosure-entry-declarations = Palvelunantaja näki, onko suostumuksesi tietojen luovutukseen, hoitotahtosi ja elinluovutustahtosi voimassa ja mitä niissä lukee. Kiellot eivät koske niitä.
disclosure-entry-withheld = { $count ->
    [one] { $count } asiakirja tai resepti jäi näkymättä kieltojesi vuoksi.
   *[other] { $count } asiakirjaa tai reseptiä jäi näkymättä kieltojesi vuoksi.
}
disclosure-entry-back = Takaisin luovutustietoihin
news-disclosures-queries = { $count ->
    [one] Palvelunantaja on katsonut tietojasi kerran edellisen käyntisi jälkeen: { $names }.
   *[other] Palvelunantajat ovat katsoneet tietojasi { $count } kertaa edellisen käyntisi jälkeen: { $names }.
}
