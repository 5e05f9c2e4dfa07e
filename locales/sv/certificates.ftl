## intyg och utlåtanden

nav-certificates = Intyg och utlåtanden
front-certificates-text = Intyg och utlåtanden som skrivits om dig och vart de har skickats.
certificates-title = Intyg och utlåtanden
certificates-intro = Här ser du de intyg och utlåtanden som en yrkesperson har skrivit om dig till exempel för FPA eller Traficom, och vart de har skickats via Kanta. Varje sändning syns också i utlämnandeuppgifterna.
certificates-none = Du har inga intyg eller utlåtanden.
certificates-caption = { $count ->
    [one] Intyg och utlåtanden, { $count } st.
   *[other] Intyg och utlåtanden, { $count } st.
}
certificates-issued = Skrivet
certificates-form = Intyg eller utlåtande
certificates-unit = Enhet
certificates-sent = Skickat
certificates-back = Tillbaka till intyg och utlåtanden
certificate-title = Intyg eller utlåtande
certificate-role = Skrivet av
certificate-organisation = Serviceproducent
certificate-content = Intygets innehåll
certificate-not-sent = Inte skickat.
certificate-sent-to = Skickat: { $to } { $when }.
certificate-form-sv6 = Läkarintyg A (SV 6)
certificate-form-sv7 = Läkarutlåtande B (SV 7)
certificate-form-sv10 = Läkarintyg D (SV 10)
certificate-form-sv67 = FPA:s läkarutlåtande (SV 67)
certificate-form-driving-licence = Läkarutlåtande om körhälsa (Traficom)
certificate-recipient-kela = FPA
certificate-recipient-traficom = Traficom
certificate-role-doctor = Läkare
certificate-role-occupational-health-doctor = Företagsläkare
certificate-role-specialist = Specialistläkare
action-certificates-list = Visning av intyg och utlåtanden
action-certificates-read = Visning av ett intyg eller utlåtande
action-certificates-news = Visning av nya intyg och utlåtanden
news-certificates-none = Inga nya intyg eller utlåtanden sedan ditt förra besök.
news-certificates = { $count ->
    [one] Ett nytt intyg eller utlåtande sedan ditt förra besök.
   *[other] { $count } nya intyg eller utlåtanden sedan ditt förra besök.
}
