## abroad

action-abroad-read = Ulkomaiden suostumusten katsominen
action-abroad-summary = Potilasyhteenvedon katsominen
action-abroad-give = Suostumuksen antaminen tietojen käyttöön ulkomailla
action-abroad-withdraw = Suostumuksen peruminen tietojen käyttöön ulkomailla
nav-abroad = Ulkomaat
front-abroad-text = Anna suostumus, jotta reseptiäsi ja potilasyhteenvetoasi voi käyttää muissa EU-maissa.
abroad-title = Ulkomaat
abroad-intro = Voit antaa suostumuksen siihen, että sähköistä reseptiäsi ja potilasyhteenvetoasi voi käyttää joissakin EU-maissa. Suostumus annetaan kummallekin palvelulle erikseen. Se tulee voimaan heti, ja voit perua sen milloin tahansa. Muutokset tallentuvat historiaan.
abroad-eprescription-title = Suomalainen sähköinen resepti ulkomailla
abroad-eprescription-explain = Kun olet antanut suostumuksen, voit ostaa lääkkeen suomalaisella sähköisellä reseptillä apteekista alla luetelluissa maissa. Apteekki näkee silloin voimassa olevat reseptisi.
abroad-eprescription-give = Anna suostumus sähköisen reseptin käyttöön ulkomailla
abroad-eprescription-withdraw = Peru suostumus sähköisen reseptin käyttöön ulkomailla
abroad-eprescription-excluded = Huumausaineita ja keskushermostoon vaikuttavia lääkkeitä ei voi ostaa ulkomailta suomalaisella reseptillä.
abroad-your-excluded = Näitä voimassa olevia reseptejäsi ei siksi voi käyttää ulkomailla:
abroad-patient-summary-title = Potilasyhteenveto ulkomailla
abroad-patient-summary-explain = Potilasyhteenveto kertoo tärkeimmät terveystietosi: allergiat, diagnoosit, lääkitykset, toimenpiteet ja implantit. Kun olet antanut suostumuksen, lääkäri voi katsoa sitä hoitaessaan sinua alla luetelluissa maissa.
abroad-patient-summary-give = Anna suostumus potilasyhteenvedon käyttöön ulkomailla
abroad-patient-summary-withdraw = Peru suostumus potilasyhteenvedon käyttöön ulkomailla
abroad-countries = Maat, joissa palvelu on nyt käytössä
abroad-no-countries = Palvelu ei ole nyt käytössä yhdessäkään maassa.
abroad-denials-ignored = Kiellot eivät koske potilasyhteenvetoa ulkomailla. Jos annat suostumuksen, ulkomainen lääkäri näkee potilasyhteenvedon tiedot, vaikka olisit kieltänyt niiden luovuttamisen Suomessa.
abroad-denials-in-force = { $count ->
    [0] Sinulla ei ole voimassa olevia kieltoja.
    [one] Sinulla on yksi voimassa oleva kielto.
   *[other] Sinulla on { $count } voimassa olevaa kieltoa.
}
abroad-see-denials = Katso suostumukset ja kiellot
abroad-denials-confirm = Olen lukenut, että kiellot eivät koske potilasyhteenvetoa ulkomailla.
abroad-in-force = Suostumus on voimassa { $date } alkaen.
abroad-not-given = Et ole antanut suostumusta.
abroad-given = Suostumus on annettu, ja se on voimassa heti.
abroad-withdrawn = Suostumus on peruttu heti.
abroad-history = Historia
abroad-history-caption = Suostumusten muutokset, uusin ensin
abroad-no-history = Et ole antanut etkä perunut suostumuksia.
abroad-col-service = Palvelu
abroad-event-given = Annettu
abroad-event-withdrawn = Peruttu
news-abroad-consents = { $count ->
    [0] Et ole antanut suostumusta tietojesi käyttöön ulkomailla.
    [one] Yksi suostumus tietojesi käyttöön ulkomailla on voimassa.
   *[other] { $count } suostumusta tietojesi käyttöön ulkomailla on voimassa.
}
news-abroad-new-countries = { $count ->
    [one] Palvelu on otettu käyttöön yhdessä uudessa maassa.
   *[other] Palveluja on otettu käyttöön { $count } uudessa maassa.
}
error-invalid-abroad-denials-not-read = Vahvista, että olet lukenut, että kiellot eivät koske potilasyhteenvetoa ulkomailla.
country-CZ = Tšekki
country-EE = Viro
country-ES = Espanja
country-HR = Kroatia
country-LV = Latvia
country-NO = Norja
country-PL = Puola
country-PT = Portugali
abroad-see-summary = Katso potilasyhteenvetosi

## the Patient Summary

nav-patient-summary = Potilasyhteenveto
front-patient-summary-text = Tärkeimmät terveystietosi yhdellä sivulla: tämän lääkäri näkee ulkomailla.
patient-summary-title = Potilasyhteenveto
patient-summary-intro = Potilasyhteenveto kokoaa tärkeimmät terveystietosi. Jos olet antanut suostumuksen, lääkäri näkee sen hoitaessaan sinua maissa, joissa palvelu on käytössä. Voit tulostaa sen tai ladata sen tiedostona (HL7 IPS, FHIR JSON).
patient-summary-denials = Kiellot eivät koske potilasyhteenvetoa: siinä ovat kaikki nämä tietosi.
patient-summary-name = Nimi
patient-summary-birth-date = Syntymäaika
patient-summary-compiled = Koottu
patient-summary-download = Lataa potilasyhteenveto (FHIR JSON)
patient-summary-allergies = Allergiat ja riskitiedot
patient-summary-problems = Diagnoosit
patient-summary-medication = Lääkitys
patient-summary-procedures = Toimenpiteet
patient-summary-immunizations = Rokotukset
patient-summary-results = Viimeisimmät laboratoriotulokset
patient-summary-none = Ei kirjattuja tietoja.
patient-summary-delayed-title = Tulossa myöhemmin
patient-summary-delayed = { $count ->
    [one] Yksi tieto näkyy potilasyhteenvedossa myöhemmin, kun ammattilaisen asettama viive päättyy:
   *[other] { $count } tietoa näkyy potilasyhteenvedossa myöhemmin, kun ammattilaisen asettama viive päättyy:
}
patient-summary-appears = näkyy { $date }
patient-summary-consent-link = Suostumus potilasyhteenvedon käyttöön ulkomailla
