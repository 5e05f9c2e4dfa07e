## prescriptions, renewal requests and the medication list

error-invalid-renewal-never-dispensed = Uusimista voi pyytää vain reseptille, jolla on jo ostettu lääkettä.
error-invalid-renewal-too-old = Reseptin uusimista ei voi enää pyytää: kirjoittamisesta on kulunut yli 16 kuukautta (kahden vuoden reseptissä 28 kuukautta). Ota yhteyttä hoitopaikkaasi.
error-invalid-renewal-already-requested = Reseptille on jo pyydetty uusimista, ja pyyntö on käsittelyssä.
error-invalid-renewal-cancelled = Resepti on mitätöity, eikä sitä voi uusia.
error-invalid-renewal-key-reused = Lomake oli jo käytetty toisen reseptin uusimiseen. Tarkista tiedot ja lähetä uudelleen.
nav-prescriptions = Reseptit
prescriptions-title = Reseptit
prescriptions-count = { $total ->
    [0] Reseptejä ei ole.
    [one] { $shown ->
        [one] Reseptejä on yksi, ja se näytetään.
       *[other] Reseptejä on yksi, mutta sitä ei näytetä.
    }
   *[other] { $shown ->
        [0] Reseptejä on { $total }, mutta niistä ei näytetä yhtäkään.
        [one] Reseptejä on { $total }, ja niistä näytetään yksi.
       *[other] Reseptejä on { $total }, ja niistä näytetään { $shown }.
    }
}
prescriptions-show-all = { $count ->
    [one] Näytä myös vanhentunut tai mitätöity resepti
   *[other] Näytä myös { $count } vanhentunutta tai mitätöityä reseptiä
}
prescriptions-show-valid = Näytä vain voimassa olevat reseptit
prescriptions-renewable = Voit pyytää tämän reseptin uusimista.
prescriptions-status = Tila
prescriptions-issued = Kirjoitettu
prescriptions-valid-until = Voimassa
prescriptions-remaining = Jäljellä
prescriptions-packages = { $of ->
    [one] { $left } / 1 pakkaus
   *[other] { $left } / { $of } pakkausta
}
prescriptions-atc = ATC-koodi
prescriptions-prescriber = Määrääjä
prescriptions-not-abroad = Tätä lääkettä ei voi ostaa ulkomailta sähköisellä reseptillä.
prescription-status-valid = Voimassa
prescription-status-expired = Vanhentunut
prescription-status-cancelled = Mitätöity
prescription-status-renewal-requested = Uusimista pyydetty
error-invalid-message-too-long = { $max ->
    [one] Viestissä voi olla enintään yksi merkki. Lyhennä viestiä ja lähetä uudelleen.
   *[other] Viestissä voi olla enintään { $max } merkkiä. Lyhennä viestiä ja lähetä uudelleen.
}
action-prescriptions-list = Reseptien katsominen
action-prescriptions-read = Reseptin avaaminen
action-prescriptions-renewal-request = Uusimispyynnön lähettäminen
action-prescriptions-renewal-list = Uusimispyyntöjen katsominen
action-prescriptions-renewal-process = Uusimispyynnön käsittely
action-medication-list-read = Lääkityslistan katsominen
prescription-page-title = Resepti
prescription-back = Takaisin resepteihin
prescription-details = Reseptin tiedot
prescription-form = Lääkemuoto
prescription-package = Pakkauskoko
prescription-dosage = Annostus
prescription-amount = Määrätty määrä
prescription-renews = Tämä resepti on uusittu reseptistä
prescription-open-renewed-from = Avaa aiempi resepti
prescription-dispensations = Ostot
prescription-dispensations-caption = Tällä reseptillä tehdyt ostot
prescription-dispensed-on = Päivä
prescription-pharmacy = Apteekki
prescription-packages-bought = Pakkauksia
prescription-no-dispensations = Tällä reseptillä ei ole vielä ostettu lääkettä.
renewal-title = Reseptin uusiminen
renewal-intro = Voit pyytää sinua hoitanutta yksikköä uusimaan reseptin. Lääkäri päättää uusimisesta, ja näet vastauksen tältä sivulta.
renewal-organisation = Mihin pyyntö lähetetään
renewal-organisation-hint = Yksiköt, jotka ovat hoitaneet sinua.
renewal-choose = Valitse yksikkö
renewal-message = Viesti lääkärille (vapaaehtoinen)
renewal-message-hint = { $max ->
    [one] Enintään yksi merkki. Voit kertoa esimerkiksi, miten lääke on sopinut tai onko tilanteesi muuttunut. Älä kirjoita kiireellisiä asioita.
   *[other] Enintään { $max } merkkiä. Voit kertoa esimerkiksi, miten lääke on sopinut tai onko tilanteesi muuttunut. Älä kirjoita kiireellisiä asioita.
}
renewal-share = Lääkäri saa nähdä myös muut reseptini
renewal-share-hint = Se auttaa lääkäriä arvioimaan, sopivatko lääkkeet yhteen.
renewal-send = Lähetä uusimispyyntö
renewal-sent = Uusimispyyntösi on lähetetty. Näet sen etenemisen alta.
renewal-requests = Uusimispyynnöt
renewal-requests-caption = Tämän reseptin uusimispyynnöt, uusin ensin
renewal-steps = Vaiheet
renewal-status = Tila
renewal-sender = Lähettäjä
renewal-answer = Vastaus
renewal-unit = Yksikkö
renewal-status-sent = Lähetetty, odottaa käsittelyä
renewal-status-in-processing = Käsittelyssä
renewal-status-renewed = Uusittu
renewal-status-rejected = Hylätty
renewal-status-expired = Vanhentunut: ei käsitelty 8 vuorokauden kuluessa
renewal-open-new = Avaa uusi resepti
renewal-none = Tämän reseptin uusimista ei ole pyydetty.
prescriptions-requests-title = Uusimispyyntösi
prescriptions-requests-caption = Uusimispyynnöt, uusin ensin
prescriptions-medicine = Lääke
prescriptions-no-requests = Et ole pyytänyt reseptien uusimista.
nav-medication = Lääkityslista
medication-title = Lääkityslista
medication-intro = Lista on koottu voimassa olevista resepteistäsi ja niillä tehdyistä ostoista sekä lääkityksestä, jonka sairaala, terveysasema tai sosiaalihuolto on kirjannut antaneensa. Siinä ei ole ilman reseptiä ostettuja lääkkeitä. Ota lista mukaan, kun asioit terveydenhuollossa.
medication-compiled = Koottu { $date } klo { $time }
medication-empty = Sinulla ei ole voimassa olevia reseptejä eikä kirjattua lääkitystä.
medication-caption = { $group }
medication-medicine = Lääke
medication-last-bought = Viimeksi ostettu
medication-never-bought = Ei vielä ostettu
medication-valid-until = Resepti on voimassa { $date } asti.
medication-renewal-requested = Uusimista pyydetty
atc-group-A = Ruoansulatuselinten sairauksien ja aineenvaihduntasairauksien lääkkeet
atc-group-B = Veritautien lääkkeet
atc-group-C = Sydän- ja verisuonisairauksien lääkkeet
atc-group-D = Ihotautilääkkeet
atc-group-G = Sukupuoli- ja virtsaelinten sairauksien lääkkeet, sukupuolihormonit
atc-group-H = Systeemisesti käytettävät hormonivalmisteet
atc-group-J = Systeemisesti vaikuttavat infektiolääkkeet
atc-group-L = Syöpälääkkeet ja immuunivasteen muuntajat
atc-group-M = Tuki- ja liikuntaelinten sairauksien lääkkeet
atc-group-N = Hermostoon vaikuttavat lääkkeet
atc-group-P = Loisten ja hyönteisten torjuntaan tarkoitetut valmisteet
atc-group-R = Hengityselinten sairauksien lääkkeet
atc-group-S = Silmä- ja korvatautien lääkkeet
atc-group-V = Muut lääkkeet
atc-group-other = Muut
renewal-on-behalf = Lähetät pyynnön henkilön { $name } puolesta. Pyyntöön merkitään, että sinä lähetit sen.
medication-for = Henkilö: { $name }
front-prescriptions-text = Voimassa olevat reseptit, ostot ja uusimispyynnöt.
front-medication-text = Lista lääkkeistä, joita käytät nyt.
prescription-summary-title = Reseptiyhteenveto
prescription-summary-link = Reseptiyhteenveto tulostettavaksi
prescription-summary-which = Mitkä reseptit
prescription-summary-valid = Kaikki voimassa olevat reseptit
prescription-summary-remaining = Vain reseptit, joissa on lääkettä jäljellä
prescription-summary-medicine = Lääke
prescription-summary-compiled = Koottu { $when }.
prescription-summary-none = Valinnallasi ei ole reseptejä.
medication-source = Mistä
medication-until = Voimassa
medication-source-prescription = Resepti: { $prescriber }, { $organisation }
medication-source-hospital = Annettu sairaalassa: { $organisation }, alkaen { $date }
medication-source-health-centre = Annettu terveysasemalla: { $organisation }, alkaen { $date }
medication-source-social-care = Annettu sosiaalihuollossa: { $organisation }, alkaen { $date }
medication-source-imported = Muualta tuodussa potilasyhteenvedossa: { $organisation }, { $date }
medication-ongoing = Toistaiseksi
medication-ends = { $date } asti
medication-not-bought = Ei ostettu apteekista
renewal-step = { $step } { $when }
renewal-step-sent = Lähetetty
renewal-step-in-processing = Käsittely alkoi
renewal-step-renewed = Uusittu
renewal-step-rejected = Hylätty
renewal-step-expired = Vanhentui käsittelemättä
action-prescriptions-news = Sen katsominen, mitä uutta resepteissä on
news-prescriptions-none = Ei uutta resepteissä edellisen käyntisi jälkeen.
news-prescriptions-answered = { $count ->
    [one] Uusimispyyntöön on vastattu.
   *[other] { $count } uusimispyyntöön on vastattu.
}
news-prescriptions-new = { $count ->
    [one] Yksi uusi resepti.
   *[other] { $count } uutta reseptiä.
}
prescription-deny = Kiellä tämän reseptin luovuttaminen muille palvelunantajille
