## prescriptions, renewal requests and the medication list

error-invalid-renewal-never-dispensed = Förnyelse kan bara begäras för ett recept som du redan har köpt läkemedel på.
error-invalid-renewal-too-old = Förnyelse kan inte längre begäras: det har gått mer än 16 månader (för ett tvåårigt recept 28 månader) sedan receptet skrevs. Kontakta din vårdenhet.
error-invalid-renewal-already-requested = Förnyelse av receptet har redan begärts och förnyelsebegäran behandlas.
error-invalid-renewal-cancelled = Receptet har makulerats och kan inte förnyas.
error-invalid-renewal-key-reused = Formuläret hade redan använts för att förnya ett annat recept. Kontrollera uppgifterna och skicka igen.
nav-prescriptions = Recept
prescriptions-title = Recept
prescriptions-count = { $total ->
    [0] Det finns inga recept.
    [one] { $shown ->
        [one] Det finns ett recept, och det visas.
       *[other] Det finns ett recept, men det visas inte.
    }
   *[other] { $shown ->
        [0] Det finns { $total } recept, men inget av dem visas.
        [one] Det finns { $total } recept, och ett av dem visas.
       *[other] Det finns { $total } recept, och { $shown } av dem visas.
    }
}
prescriptions-show-all = { $count ->
    [one] Visa även det utgångna eller makulerade receptet
   *[other] Visa även { $count } utgångna eller makulerade recept
}
prescriptions-show-valid = Visa bara giltiga recept
prescriptions-renewable = Du kan begära att receptet förnyas.
prescriptions-status = Status
prescriptions-issued = Utskrivet
prescriptions-valid-until = Giltigt till
prescriptions-remaining = Kvar
prescriptions-packages = { $of ->
    [one] { $left } av 1 förpackning
   *[other] { $left } av { $of } förpackningar
}
prescriptions-atc = ATC-kod
prescriptions-prescriber = Förskrivare
prescriptions-not-abroad = Detta läkemedel kan inte köpas utomlands med ett elektroniskt recept.
prescription-status-valid = Giltigt
prescription-status-expired = Utgånget
prescription-status-cancelled = Makulerat
prescription-status-renewal-requested = Förnyelse begärd
error-invalid-message-too-long = { $max ->
    [one] Meddelandet får vara högst ett tecken. Korta ner det och skicka igen.
   *[other] Meddelandet får vara högst { $max } tecken. Korta ner det och skicka igen.
}
action-prescriptions-list = Granskning av recepten
action-prescriptions-read = Öppnande av ett recept
action-prescriptions-renewal-request = Sändning av en förnyelsebegäran
action-prescriptions-renewal-list = Granskning av förnyelsebegärandena
action-prescriptions-renewal-process = Behandling av en förnyelsebegäran
action-medication-list-read = Granskning av läkemedelslistan
prescription-page-title = Recept
prescription-back = Tillbaka till recepten
prescription-details = Receptets uppgifter
prescription-form = Läkemedelsform
prescription-package = Förpackningsstorlek
prescription-dosage = Dosering
prescription-amount = Ordinerad mängd
prescription-renews = Detta recept är en förnyelse av receptet
prescription-open-renewed-from = Öppna det tidigare receptet
prescription-dispensations = Inköp
prescription-dispensations-caption = Inköp med detta recept
prescription-dispensed-on = Datum
prescription-pharmacy = Apotek
prescription-packages-bought = Förpackningar
prescription-no-dispensations = Inget läkemedel har ännu köpts med detta recept.
renewal-title = Förnyelse av receptet
renewal-intro = Du kan be en enhet som har vårdat dig att förnya receptet. En läkare beslutar om förnyelsen, och du ser svaret på den här sidan.
renewal-organisation = Vart förnyelsebegäran skickas
renewal-organisation-hint = Enheter som har vårdat dig.
renewal-choose = Välj enhet
renewal-message = Meddelande till läkaren (frivilligt)
renewal-message-hint = { $max ->
    [one] Högst ett tecken. Du kan till exempel berätta hur läkemedlet har passat eller om din situation har förändrats. Skriv inte om brådskande ärenden.
   *[other] Högst { $max } tecken. Du kan till exempel berätta hur läkemedlet har passat eller om din situation har förändrats. Skriv inte om brådskande ärenden.
}
renewal-share = Läkaren får se även mina andra recept
renewal-share-hint = Det hjälper läkaren att bedöma om läkemedlen passar ihop.
renewal-send = Skicka förnyelsebegäran
renewal-sent = Din förnyelsebegäran har skickats. Du ser hur den framskrider nedan.
renewal-requests = Förnyelsebegäranden
renewal-requests-caption = Förnyelsebegäranden för detta recept, nyaste först
renewal-steps = Skeden
renewal-status = Status
renewal-sender = Avsändare
renewal-answer = Svar
renewal-unit = Enhet
renewal-status-sent = Skickad, väntar på behandling
renewal-status-in-processing = Under behandling
renewal-status-renewed = Förnyad
renewal-status-rejected = Avslagen
renewal-status-expired = Förfallen: inte behandlad inom 8 dygn
renewal-open-new = Öppna det nya receptet
renewal-none = Ingen förnyelse av detta recept har begärts.
prescriptions-requests-title = Dina förnyelsebegäranden
prescriptions-requests-caption = Förnyelsebegäranden, nyaste först
prescriptions-medicine = Läkemedel
prescriptions-no-requests = Du har inte skickat någon förnyelsebegäran.
nav-medication = Läkemedelslista
medication-title = Läkemedelslista
medication-intro = Listan är sammanställd av dina giltiga recept och inköpen med dem samt av läkemedel som sjukhus, hälsostation eller socialvård har antecknat att de gett. Läkemedel som köpts utan recept finns inte med. Ta med listan när du besöker vården.
medication-compiled = Sammanställd { $date } kl. { $time }
medication-empty = Du har inga giltiga recept och ingen antecknad medicinering.
medication-caption = { $group }
medication-medicine = Läkemedel
medication-last-bought = Senast köpt
medication-never-bought = Inte köpt ännu
medication-valid-until = Receptet gäller till och med { $date }.
medication-renewal-requested = Förnyelse begärd
atc-group-A = Matsmältningsorgan och ämnesomsättning
atc-group-B = Blod och blodbildande organ
atc-group-C = Hjärta och kretslopp
atc-group-D = Dermatologiska medel
atc-group-G = Urin- och könsorgan samt könshormoner
atc-group-H = Systemiska hormonpreparat
atc-group-J = Antiinfektiva medel för systemiskt bruk
atc-group-L = Tumörer och rubbningar i immunsystemet
atc-group-M = Rörelseapparaten
atc-group-N = Nervsystemet
atc-group-P = Antiparasitära, insekticida och repellerande medel
atc-group-R = Andningsorganen
atc-group-S = Ögon och öron
atc-group-V = Övriga läkemedel
atc-group-other = Övriga
renewal-on-behalf = Du skickar förnyelsebegäran för { $name }. Det antecknas att det var du som skickade den.
medication-for = Person: { $name }
front-prescriptions-text = Giltiga recept, inköp och förnyelsebegäranden.
front-medication-text = En lista över de läkemedel du använder nu.
prescription-summary-title = Sammanställning av recept
prescription-summary-link = Sammanställning av recept för utskrift
prescription-summary-which = Vilka recept
prescription-summary-valid = Alla giltiga recept
prescription-summary-remaining = Endast recept med läkemedel kvar
prescription-summary-medicine = Läkemedel
prescription-summary-compiled = Sammanställd { $when }.
prescription-summary-none = Inga recept motsvarar ditt val.
medication-source = Källa
medication-until = Gäller
medication-source-prescription = Recept: { $prescriber }, { $organisation }
medication-source-hospital = Given på sjukhus: { $organisation }, från { $date }
medication-source-health-centre = Given på hälsostation: { $organisation }, från { $date }
medication-source-social-care = Given inom socialvården: { $organisation }, från { $date }
medication-source-imported = I en patientöversikt från annat håll: { $organisation }, { $date }
medication-ongoing = Tills vidare
medication-ends = Till och med { $date }
medication-not-bought = Inte köpt på apotek
renewal-step = { $step } { $when }
renewal-step-sent = Skickad
renewal-step-in-processing = Behandlingen började
renewal-step-renewed = Förnyad
renewal-step-rejected = Avslagen
renewal-step-expired = Förföll obehandlad
action-prescriptions-news = Granskning av vad som är nytt i recepten
news-prescriptions-none = Inget nytt i recepten sedan ditt förra besök.
news-prescriptions-answered = { $count ->
    [one] En förnyelsebegäran har besvarats.
   *[other] { $count } förnyelsebegäranden har besvarats.
}
news-prescriptions-new = { $count ->
    [one] Ett nytt recept.
   *[other] { $count } nya recept.
}
prescription-deny = Förbjud att det här receptet lämnas ut till andra tjänsteproducenter
