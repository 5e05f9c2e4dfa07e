## the disclosure log

nav-disclosure-log = Utlämnandeuppgifter
front-disclosure-log-text = Vem som har använt dina uppgifter för din räkning och när.
disclosure-log-title = Utlämnandeuppgifter
disclosure-log-intro = Här ser du vem som har sett eller behandlat dina uppgifter för din räkning (till exempel en vårdnadshavare eller befullmäktigad), när och med vilken rätt.
disclosure-log-none = Ingen annan har använt dina uppgifter.
disclosure-log-when = Tid
disclosure-log-who = Vem
disclosure-log-right = Rätt
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
