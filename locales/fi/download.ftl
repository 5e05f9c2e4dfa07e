## download

action-download-read = Ladattavien tietojen katsominen
action-download-file = Kaikkien omien tietojen lataaminen

nav-download = Lataa tietosi
front-download-text = Kaikki sinusta tallennetut tiedot yhtenä tiedostona.
download-title = Lataa tietosi
download-intro = Voit ladata yhtenä tiedostona kaikki tiedot, jotka sinusta on tallennettu: terveystiedot ja laboratoriotulokset, reseptit ostoineen ja uusimispyyntöineen, hoitotahdon ja elinluovutustahdon, suostumukset ja kiellot, omat hyvinvointitietosi sekä luovutustiedot. Vain sinä voit ladata tietosi, ei kukaan puolestasi.
download-format = Tiedosto on FHIR R4 -muodossa (JSON), jota muut terveyssovellukset osaavat lukea. Siinä ei ole tuloksia, joita ammattilainen ei ole vielä julkaissut sinulle.
download-contents-title = Mitä tiedosto sisältää
download-documents = { $count ->
    [one] { $count } merkintä terveystiedoissa
   *[other] { $count } merkintää terveystiedoissa
}
download-lab-results = { $count ->
    [one] { $count } laboratoriotulos
   *[other] { $count } laboratoriotulosta
}
download-prescriptions = { $count ->
    [one] { $count } resepti
   *[other] { $count } reseptiä
}
download-purchases = { $count ->
    [one] { $count } lääkeosto
   *[other] { $count } lääkeostoa
}
download-renewal-requests = { $count ->
    [one] { $count } uusimispyyntö
   *[other] { $count } uusimispyyntöä
}
download-living-will = { $count ->
    [one] { $count } hoitotahdon versio
   *[other] { $count } hoitotahdon versiota
}
download-organ-donation = { $count ->
    [one] { $count } elinluovutustahdon versio
   *[other] { $count } elinluovutustahdon versiota
}
download-consents = { $count ->
    [one] { $count } muutos suostumuksiin ja kieltoihin
   *[other] { $count } muutosta suostumuksiin ja kieltoihin
}
download-abroad = { $count ->
    [one] { $count } muutos ulkomaiden suostumuksiin
   *[other] { $count } muutosta ulkomaiden suostumuksiin
}
download-measurements = { $count ->
    [one] { $count } mittaus omissa hyvinvointitiedoissa
   *[other] { $count } mittausta omissa hyvinvointitiedoissa
}
download-log-entries = { $count ->
    [one] { $count } merkintä luovutustiedoissa
   *[other] { $count } merkintää luovutustiedoissa
}
download-link = Lataa tiedosto (JSON)
download-audited = Lataaminen kirjataan lokiin kuten muukin tietojesi katsominen.
