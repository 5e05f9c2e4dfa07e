## the living will

nav-living-will = Hoitotahto
living-will-title = Hoitotahto
living-will-intro = Hoitotahdossa kerrot, miten haluat sinua hoidettavan, jos et itse pysty enää ilmaisemaan tahtoasi. Ammattilaiset näkevät voimassa olevan hoitotahdon. Voit muuttaa tai perua sen milloin tahansa; aiemmat versiot säilyvät.
living-will-current = Voimassa oleva hoitotahto
living-will-none = Sinulla ei ole voimassa olevaa hoitotahtoa.
living-will-written = Tallennettu
living-will-write = Kirjoita hoitotahto
living-will-change = Muuta hoitotahtoa
living-will-save = Tallenna hoitotahto
living-will-saved = Hoitotahtosi on tallennettu.
living-will-withdrawn = Hoitotahtosi on peruttu. Sen aiemmat versiot näkyvät historiassa.
living-will-wishes = Muut toiveet hoidostani
living-will-wishes-hint = { $max ->
    [one] Enintään yksi merkki. Voit kertoa esimerkiksi, missä haluat olla hoidettavana ja mikä sinulle on tärkeää. Liitteitä ei voi lisätä.
   *[other] Enintään { $max } merkkiä. Voit kertoa esimerkiksi, missä haluat olla hoidettavana ja mikä sinulle on tärkeää. Liitteitä ei voi lisätä.
}
living-will-no-wishes = Ei muita toiveita.
living-will-resuscitation = Elvytys, jos sydämeni pysähtyy
living-will-ventilation = Hengityskonehoito
living-will-tube-feeding = Letkuravitsemus, jos en pysty syömään
living-will-dialysis = Dialyysi eli keinomunuaishoito
living-will-pain-relief = Riittävä kivunlievitys, vaikka se voisi lyhentää elinaikaani
living-will-resuscitation-want = Haluan, että minut elvytetään.
living-will-resuscitation-refuse = En halua, että minua elvytetään.
living-will-resuscitation-undecided = En ota kantaa; lääkäri päättää.
living-will-ventilation-want = Haluan hengityskonehoitoa.
living-will-ventilation-refuse = En halua hengityskonehoitoa.
living-will-ventilation-undecided = En ota kantaa; lääkäri päättää.
living-will-tube-feeding-want = Haluan letkuravitsemusta.
living-will-tube-feeding-refuse = En halua letkuravitsemusta.
living-will-tube-feeding-undecided = En ota kantaa; lääkäri päättää.
living-will-dialysis-want = Haluan dialyysihoitoa.
living-will-dialysis-refuse = En halua dialyysihoitoa.
living-will-dialysis-undecided = En ota kantaa; lääkäri päättää.
living-will-pain-relief-want = Haluan riittävän kivunlievityksen.
living-will-pain-relief-refuse = En halua kivunlievitystä, joka voisi lyhentää elinaikaani.
living-will-pain-relief-undecided = En ota kantaa; lääkäri päättää.
living-will-withdraw-title = Hoitotahdon peruminen
living-will-withdraw-intro = Kun perut hoitotahdon, sinulla ei ole voimassa olevaa hoitotahtoa. Voit kirjoittaa uuden milloin tahansa.
living-will-withdraw-confirm = Vahvistan, että haluan perua hoitotahtoni.
living-will-withdraw = Peru hoitotahto
living-will-history = Hoitotahdon historia
living-will-history-caption = Hoitotahdon versiot, uusin ensin
living-will-no-history = Et ole kirjoittanut hoitotahtoa.
error-invalid-choose-wish = Valitse yksi vaihtoehdoista.
error-invalid-wishes-too-long = { $max ->
    [one] Toiveissa voi olla enintään yksi merkki. Lyhennä tekstiä ja tallenna uudelleen.
   *[other] Toiveissa voi olla enintään { $max } merkkiä. Lyhennä tekstiä ja tallenna uudelleen.
}
error-invalid-confirm-withdrawal = Vahvista peruminen rastittamalla ruutu.
action-living-will-read = Hoitotahdon katsominen
action-living-will-write = Hoitotahdon kirjoittaminen
action-living-will-withdraw = Hoitotahdon peruminen
front-living-will-text = Hoitotahtosi: kirjoita, muuta tai peru.
news-living-will-none = Et ole tallentanut hoitotahtoa.
news-living-will-in-force = Hoitotahtosi on voimassa, tallennettu { $date }.
news-living-will-withdrawn = Peruit hoitotahtosi { $date }.
