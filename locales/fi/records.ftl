## health records: the list, documents, summaries, laboratory results

nav-records = Terveystiedot
nav-summaries = Yhteenvedot
nav-lab = Laboratoriotulokset
front-records-text = Käynnit, hoitojaksot ja niiden asiakirjat.
front-summaries-text = Diagnoosit, riskitiedot, rokotukset, mittaukset, kuvantamistutkimukset, lähetteet ja hoitosuunnitelmat.
front-lab-text = Laboratoriotulokset ja niiden kehitys.
records-title = Terveystiedot
records-filter = Rajaa tietoja
records-filter-from = Alkamispäivä
records-filter-to = Päättymispäivä
records-filter-organisation = Organisaatio
records-filter-kind = Tiedon laji
records-filter-all = Kaikki
records-filter-submit = Näytä
records-documents = Asiakirjat
records-none = Valinnoillasi ei löytynyt asiakirjoja.
records-count = { $count ->
    [one] Näytetään yksi asiakirja.
   *[other] Näytetään { $count } asiakirjaa.
}
records-paging = Sivutus
records-next-page = Seuraavat asiakirjat
records-first-page = Uusimpiin asiakirjoihin
kind-visit-note = Käyntiteksti
kind-diagnosis = Diagnoosi
kind-risk = Riskitieto
kind-vaccination = Rokotus
kind-procedure = Toimenpide
kind-lab-result = Laboratoriotulos
kind-imaging = Kuvantamistutkimus
document-title = Asiakirja
back-to-records = Takaisin terveystietoihin
document-kind = Tiedon laji
document-recorded = Kirjattu
document-event = Palvelutapahtuma
document-organisation = Organisaatio
document-unit = Yksikkö
document-professional = Ammattilainen
document-code = Koodi
document-text = Teksti
document-lab-result = Tulos
summaries-title = Yhteenvedot
summaries-diagnoses = Diagnoosit
summaries-diagnoses-none = Sinulle ei ole kirjattu diagnooseja.
summaries-risks = Riskitiedot
summaries-risks-none = Sinulle ei ole kirjattu riskitietoja.
summaries-vaccinations = Rokotukset
summaries-vaccinations-none = Sinulle ei ole kirjattu rokotuksia.
summaries-name = Nimi
summaries-code = Koodi
summaries-first = Ensimmäinen kirjaus
summaries-latest = Viimeisin kirjaus
summaries-times = Kirjauksia
lab-title = Laboratoriotulokset
lab-none = Sinulla ei ole laboratoriotuloksia.
lab-table-caption = Tutkimukset ja niiden viimeisin tulos
lab-test = Tutkimus
lab-latest = Viimeisin tulos
lab-value = Tulos
lab-reference = Viitearvot
lab-reference-is = Viitearvot: { $range }
lab-flag = Poikkeavuus
lab-flag-normal = Viitealueella
lab-flag-low = Matala
lab-flag-high = Korkea
lab-taken = Näyte otettu
lab-count = Tuloksia
back-to-lab = Takaisin laboratoriotuloksiin
lab-chart-title = { $test }: tulokset ajan mittaan
lab-chart-desc = { $count ->
    [one] Yksi tulos { $first }: { $value } { $unit }. Viitealue näkyy vihreänä vyöhykkeenä; viitealueen ulkopuoliset tulokset neliöinä.
   *[other] { $count } tulosta ajalta { $first }–{ $last }. Viimeisin tulos { $value } { $unit }. Viitealue näkyy vihreänä vyöhykkeenä; viitealueen ulkopuoliset tulokset neliöinä.
}
lab-chart-empty = Ei tuloksia.
lab-chart-caption = Kuvaajan tiedot ovat myös alla olevassa taulukossa.
lab-table-title = Tulokset valitulta ajanjaksolta
error-invalid-date-format = Anna päivämäärä muodossa pp.kk.vvvv.
error-invalid-date-order = Päättymispäivä ei voi olla ennen alkamispäivää.
action-records-list = Terveystietoluettelon katsominen
action-records-read = Asiakirjan avaaminen
action-summaries-read = Yhteenvetojen katsominen
action-lab-list = Laboratoriotulosten katsominen
action-lab-series = Laboratoriotuloksen kehityksen katsominen
delayed-heading = Tulossa näkyviin
delayed-intro = Ammattilainen on päättänyt, että nämä tiedot näkyvät vasta myöhemmin, esimerkiksi kun ne on ensin käyty läpi vastaanotolla. Tiedot on tallennettu.
delayed-item = { $kind }, { $organisation }: näkyy { $when }
delayed-appears = Näkyy
delayed-document = Tämän tiedon näyttämistä on siirretty. Hoitava ammattilainen on päättänyt, että tieto näkyy vasta { $when }, esimerkiksi jotta se voidaan ensin käydä läpi vastaanotolla. Tieto on tallennettu, mutta sen sisältöä ei näytetä ennen tätä.
lab-period = Ajanjakso
lab-period-1y = Viimeiset 12 kuukautta
lab-period-5y = Viimeiset viisi vuotta
lab-period-all = Kaikki tulokset
lab-period-submit = Näytä
lab-period-empty = Tältä ajanjaksolta ei ole tuloksia.
lab-period-earlier = { $count ->
    [one] Yksi vanhempi tulos ei näy tällä ajanjaksolla.
   *[other] { $count } vanhempaa tulosta ei näy tällä ajanjaksolla.
}
summaries-procedures = Toimenpiteet
summaries-imaging = Kuvantamistutkimukset
summaries-by-kind = Merkinnät lajeittain
summaries-by-kind-intro = Jokainen merkintä valitulta ajalta, oletuksena viimeiseltä 12 kuukaudelta. Rokotukset näkyvät kaikilta vuosilta.
summaries-range-choose = Valitse ajanjakso
summaries-range = Ajalta { $from } – { $to }
summaries-range-all = Kaikilta vuosilta
summaries-kind-none = Valitulta ajalta ei ole merkintöjä.
back-to-summaries = Takaisin yhteenvetoihin
kind-measurement = Mittaus
kind-referral = Lähete
kind-care-plan = Hoitosuunnitelma
summaries-measurements = Mittaukset
summaries-referrals = Lähetteet
summaries-care-plans = Hoitosuunnitelmat
summaries-measured = Mitattu
summaries-result = Tulos
summaries-report = Lausunto
action-summaries-kind = Lajikohtaisen yhteenvedon katsominen
document-measured = Mittaustulos
action-records-news = Sen katsominen, mitä uutta terveystiedoissa on
action-records-import = Muualta tuodun potilasyhteenvedon lisääminen tietoihin
news-records-none = Ei uusia asiakirjoja edellisen käyntisi jälkeen.
news-records = { $documents ->
    [one] Edellisen käyntisi jälkeen on tullut yksi uusi asiakirja.
   *[other] Edellisen käyntisi jälkeen on tullut { $documents } uutta asiakirjaa.
}
news-records-labs = { $documents ->
    [one] Se on laboratoriotulos.
   *[other] { $labs ->
        [one] Niistä yksi on laboratoriotulos.
       *[other] Niistä { $labs } on laboratoriotuloksia.
    }
}
document-deny-event = Kiellä tämän käynnin tai hoitojakson tietojen luovuttaminen muille palvelunantajille
