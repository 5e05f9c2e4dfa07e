## the disclosure log

nav-disclosure-log = Utlämnandeuppgifter
front-disclosure-log-text = Vem som har sett dina uppgifter och när.
disclosure-log-title = Utlämnandeuppgifter
disclosure-log-intro = Här ser du vem som har sett eller behandlat dina uppgifter, när och varför: tjänsteproducenter, apotek och FPA som har begärt dem, och personer som har skött ärenden för dig (till exempel en vårdnadshavare eller befullmäktigad). Först ser du de två senaste åren. Du kan välja andra dagar eller en tjänsteproducent nedan.
disclosure-log-none = Ingen annan har använt dina uppgifter.
disclosure-log-when = Tid
disclosure-log-who = Vem
disclosure-log-right = Rätt eller uppgift
disclosure-log-what = Vad
disclosure-log-refused = Försökte: { $what } (nekades)
action-disclosure-log-read = Granskning av utlämnandeuppgifterna
action-disclosure-log-news = Granskning av vad andra har gjort med uppgifterna
news-disclosures-none = Ingen annan har använt dina uppgifter sedan ditt förra besök.
news-disclosures = { $count ->
    [one] En ny anteckning sedan ditt förra besök: { $names }.
   *[other] { $count } nya anteckningar sedan ditt förra besök: { $names }.
}
news-disclosures-forwarded = { $count ->
    [one] Ett intyg har skickats sedan ditt förra besök: { $names }.
   *[other] { $count } intyg har skickats sedan ditt förra besök: { $names }.
}
disclosure-log-forwardings = Intyg som skickats till andra organisationer
disclosure-log-forwardings-intro = Ett intyg eller utlåtande som skickats via Kanta till exempel till FPA eller Traficom har lämnats ut till den. Här ser du när, till vem och vilket.
disclosure-log-forwardings-none = Inga intyg eller utlåtanden har skickats till andra organisationer.
disclosure-log-to = Till vem
disclosure-log-why = Ändamål
disclosure-log-filter = Välj vad som visas
disclosure-log-filter-from = Från
disclosure-log-filter-to = Till
disclosure-log-filter-organisation = Tjänsteproducent
disclosure-log-filter-all = Alla och de som har skött ärenden för dig
disclosure-log-filter-submit = Visa
disclosure-log-none-chosen = Inga uppgifter motsvarar ditt val.
disclosure-log-paging = Sidor med utlämnandeuppgifter
disclosure-log-first-page = Nyaste
disclosure-log-next-page = Äldre
disclosure-log-csv = Ladda ner dessa uppgifter som en CSV-fil (för kalkylprogram)
disclosure-log-documents = { $count ->
    [one] { $count } handling
   *[other] { $count } handlingar
}
disclosure-log-prescriptions = { $count ->
    [one] { $count } recept
   *[other] { $count } recept
}
disclosure-log-measurements = { $count ->
    [one] { $count } mätning
   *[other] { $count } mätningar
}
disclosure-log-withheld = { $count ->
    [one] { $count } visades inte på grund av dina förbud
   *[other] { $count } visades inte på grund av dina förbud
}
disclosure-log-declarations = Vad som sågs
disclosure-log-disclosed = Utlämnat
disclosure-log-kept-back = Inte utlämnat
purpose-citizen-service = Ärenden i MittKanta
purpose-treatment = Din vård
purpose-dispensing = Expediering av läkemedel
purpose-reimbursement = Läkemedelsersättning
query-role-physician = Läkare
query-role-nurse = Skötare
query-role-pharmacist = Farmaceut
query-role-reimbursement-handler = FPA:s ersättningshandläggare
action-provider-documents = Granskning av handlingar
action-provider-prescriptions = Granskning av recept
action-provider-declarations = Granskning av samtycket, livstestamentet och donationsviljan
action-provider-wellbeing = Granskning av välfärdsuppgifter som du själv sparat
disclosure-entry-title = Utlämnandeuppgift
disclosure-entry-unit = Enhet
disclosure-entry-documents = Utlämnade handlingar
disclosure-entry-prescriptions = Utlämnade recept
disclosure-entry-recorded = Antecknad
disclosure-entry-document = Handling
disclosure-entry-issued = Utskrivet
disclosure-entry-medicine = Läkemedel
disclosure-entry-written-by = Antecknad av
disclosure-entry-none = Ingenting lämnades ut.
disclosure-entry-declarations = Tjänsteproducenten såg om ditt samtycke till utlämnande, ditt livstestamente och din donationsvilja är i kraft och vad de säger. Förbud gäller inte dem.
disclosure-entry-withheld = { $count ->
    [one] { $count } handling eller recept visades inte på grund av dina förbud.
   *[other] { $count } handlingar eller recept visades inte på grund av dina förbud.
}
disclosure-entry-back = Tillbaka till utlämnandeuppgifterna
news-disclosures-queries = { $count ->
    [one] En tjänsteproducent har sett dina uppgifter en gång sedan ditt förra besök: { $names }.
   *[other] Tjänsteproducenter har sett dina uppgifter { $count } gånger sedan ditt förra besök: { $names }.
}
