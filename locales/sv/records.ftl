## health records: the list, documents, summaries, laboratory results

nav-records = Hälsouppgifter
nav-summaries = Sammandrag
nav-lab = Laboratorieresultat
front-records-text = Besök, vårdperioder och deras handlingar.
front-summaries-text = Diagnoser, riskinformation, vaccinationer, mätningar, bilddiagnostik, remisser och vårdplaner.
front-lab-text = Laboratorieresultat och hur de utvecklats.
records-title = Hälsouppgifter
records-filter = Avgränsa uppgifterna
records-filter-from = Startdatum
records-filter-to = Slutdatum
records-filter-organisation = Organisation
records-filter-kind = Typ av uppgift
records-filter-all = Alla
records-filter-submit = Visa
records-documents = Handlingar
records-none = Inga handlingar motsvarar dina val.
records-count = { $count ->
    [one] En handling visas.
   *[other] { $count } handlingar visas.
}
records-paging = Sidor
records-next-page = Följande handlingar
records-first-page = Till de senaste handlingarna
kind-visit-note = Besöksanteckning
kind-diagnosis = Diagnos
kind-risk = Riskinformation
kind-vaccination = Vaccination
kind-procedure = Åtgärd
kind-lab-result = Laboratorieresultat
kind-imaging = Bilddiagnostisk undersökning
document-title = Handling
back-to-records = Tillbaka till hälsouppgifterna
document-kind = Typ av uppgift
document-recorded = Antecknad
document-event = Servicehändelse
document-organisation = Organisation
document-unit = Enhet
document-professional = Yrkesperson
document-code = Kod
document-text = Text
document-lab-result = Resultat
summaries-title = Sammandrag
summaries-diagnoses = Diagnoser
summaries-diagnoses-none = Inga diagnoser har antecknats för dig.
summaries-risks = Riskinformation
summaries-risks-none = Ingen riskinformation har antecknats för dig.
summaries-vaccinations = Vaccinationer
summaries-vaccinations-none = Inga vaccinationer har antecknats för dig.
summaries-name = Namn
summaries-code = Kod
summaries-first = Första anteckning
summaries-latest = Senaste anteckning
summaries-times = Anteckningar
lab-title = Laboratorieresultat
lab-none = Du har inga laboratorieresultat.
lab-table-caption = Undersökningar och deras senaste resultat
lab-test = Undersökning
lab-latest = Senaste resultat
lab-value = Resultat
lab-reference = Referensvärden
lab-reference-is = Referensvärden: { $range }
lab-flag = Avvikelse
lab-flag-normal = Inom referensområdet
lab-flag-low = Lågt
lab-flag-high = Högt
lab-taken = Provet taget
lab-count = Resultat
back-to-lab = Tillbaka till laboratorieresultaten
lab-chart-title = { $test }: resultat över tid
lab-chart-desc = { $count ->
    [one] Ett resultat { $first }: { $value } { $unit }. Referensområdet visas som ett grönt band; resultat utanför det som kvadrater.
   *[other] { $count } resultat från perioden { $first }–{ $last }. Senaste resultat { $value } { $unit }. Referensområdet visas som ett grönt band; resultat utanför det som kvadrater.
}
lab-chart-empty = Inga resultat.
lab-chart-caption = Uppgifterna i diagrammet finns också i tabellen nedan.
lab-table-title = Resultat under vald period
error-invalid-date-format = Ange datumet i formen dd.mm.åååå.
error-invalid-date-order = Slutdatumet kan inte vara före startdatumet.
action-records-list = Granskning av förteckningen över hälsouppgifter
action-records-read = Öppnande av en handling
action-summaries-read = Granskning av sammandragen
action-lab-list = Granskning av laboratorieresultaten
action-lab-series = Granskning av utvecklingen av ett laboratorieresultat
delayed-heading = Visas senare
delayed-intro = En yrkesperson har bestämt att de här uppgifterna visas först senare, till exempel när de har gåtts igenom vid ett besök. Uppgifterna finns sparade.
delayed-item = { $kind }, { $organisation }: visas { $when }
delayed-appears = Visas
delayed-document = Visningen av den här uppgiften har skjutits upp. Yrkespersonen som vårdar har bestämt att den visas först { $when }, till exempel för att den först ska gås igenom vid ett besök. Uppgiften finns sparad, men innehållet visas inte före det.
lab-period = Period
lab-period-1y = De senaste 12 månaderna
lab-period-5y = De senaste fem åren
lab-period-all = Alla resultat
lab-period-submit = Visa
lab-period-empty = Inga resultat under den här perioden.
lab-period-earlier = { $count ->
    [one] Ett äldre resultat visas inte för den här perioden.
   *[other] { $count } äldre resultat visas inte för den här perioden.
}
summaries-procedures = Åtgärder
summaries-imaging = Bilddiagnostiska undersökningar
summaries-by-kind = Anteckningar per typ
summaries-by-kind-intro = Varje anteckning under vald tid, som standard de senaste 12 månaderna. Vaccinationer visas från alla år.
summaries-range-choose = Välj period
summaries-range = Från { $from } till { $to }
summaries-range-all = Från alla år
summaries-kind-none = Inga anteckningar under vald tid.
back-to-summaries = Tillbaka till sammandragen
kind-measurement = Mätning
kind-referral = Remiss
kind-care-plan = Vårdplan
summaries-measurements = Mätningar
summaries-referrals = Remisser
summaries-care-plans = Vårdplaner
summaries-measured = Mätt
summaries-result = Resultat
summaries-report = Utlåtande
action-summaries-kind = Granskning av ett sammandrag per typ
document-measured = Mätresultat
action-records-news = Granskning av vad som är nytt i hälsouppgifterna
action-records-import = Tillägg av en patientöversikt från annat håll till uppgifterna
news-records-none = Inga nya handlingar sedan ditt förra besök.
news-records = { $documents ->
    [one] En ny handling har kommit sedan ditt förra besök.
   *[other] { $documents } nya handlingar har kommit sedan ditt förra besök.
}
news-records-labs = { $documents ->
    [one] Den är ett laboratorieresultat.
   *[other] { $labs ->
        [one] En av dem är ett laboratorieresultat.
       *[other] { $labs } av dem är laboratorieresultat.
    }
}
document-deny-event = Förbjud att uppgifterna om det här besöket eller den här vårdperioden lämnas ut till andra tjänsteproducenter
