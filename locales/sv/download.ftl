## download

action-download-read = Visning av uppgifterna som kan laddas ner
action-download-file = Nedladdning av alla egna uppgifter

nav-download = Ladda ner dina uppgifter
front-download-text = Alla uppgifter som sparats om dig i en fil.
download-title = Ladda ner dina uppgifter
download-intro = Du kan ladda ner alla uppgifter som sparats om dig i en fil: hälsouppgifter och laboratorieresultat, recept med köp och förnyelsebegäranden, livstestamentet och donationsviljan, samtycken och förbud, dina egna välfärdsuppgifter och utlämnandeuppgifterna. Bara du kan ladda ner dina uppgifter, ingen annan för din räkning.
download-format = Filen är i FHIR R4-format (JSON), som andra hälsoappar kan läsa. Den innehåller inte resultat som en yrkesperson ännu inte har publicerat för dig.
download-contents-title = Vad filen innehåller
download-documents = { $count ->
    [one] { $count } anteckning i hälsouppgifterna
   *[other] { $count } anteckningar i hälsouppgifterna
}
download-lab-results = { $count ->
    [one] { $count } laboratorieresultat
   *[other] { $count } laboratorieresultat
}
download-prescriptions = { $count ->
    [one] { $count } recept
   *[other] { $count } recept
}
download-purchases = { $count ->
    [one] { $count } läkemedelsköp
   *[other] { $count } läkemedelsköp
}
download-renewal-requests = { $count ->
    [one] { $count } förnyelsebegäran
   *[other] { $count } förnyelsebegäranden
}
download-living-will = { $count ->
    [one] { $count } version av livstestamentet
   *[other] { $count } versioner av livstestamentet
}
download-organ-donation = { $count ->
    [one] { $count } version av donationsviljan
   *[other] { $count } versioner av donationsviljan
}
download-consents = { $count ->
    [one] { $count } ändring av samtycken och förbud
   *[other] { $count } ändringar av samtycken och förbud
}
download-abroad = { $count ->
    [one] { $count } ändring av samtycken utomlands
   *[other] { $count } ändringar av samtycken utomlands
}
download-measurements = { $count ->
    [one] { $count } mätning i mina välfärdsuppgifter
   *[other] { $count } mätningar i mina välfärdsuppgifter
}
download-log-entries = { $count ->
    [one] { $count } anteckning i utlämnandeuppgifterna
   *[other] { $count } anteckningar i utlämnandeuppgifterna
}
download-link = Ladda ner filen (JSON)
download-audited = Nedladdningen loggas som all annan visning av dina uppgifter.
