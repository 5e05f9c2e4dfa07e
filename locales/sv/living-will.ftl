## the living will

nav-living-will = Livstestamente
living-will-title = Livstestamente
living-will-intro = I livstestamentet berättar du hur du vill bli vårdad om du inte längre själv kan uttrycka din vilja. Yrkespersonerna ser det livstestamente som gäller. Du kan ändra eller återkalla det när som helst; tidigare versioner sparas.
living-will-current = Gällande livstestamente
living-will-none = Du har inget gällande livstestamente.
living-will-written = Sparat
living-will-write = Skriv ett livstestamente
living-will-change = Ändra livstestamentet
living-will-save = Spara livstestamentet
living-will-saved = Ditt livstestamente har sparats.
living-will-withdrawn = Ditt livstestamente har återkallats. Dess tidigare versioner syns i historiken.
living-will-wishes = Andra önskemål om min vård
living-will-wishes-hint = { $max ->
    [one] Högst ett tecken. Du kan till exempel berätta var du vill bli vårdad och vad som är viktigt för dig. Bilagor kan inte läggas till.
   *[other] Högst { $max } tecken. Du kan till exempel berätta var du vill bli vårdad och vad som är viktigt för dig. Bilagor kan inte läggas till.
}
living-will-no-wishes = Inga andra önskemål.
living-will-resuscitation = Återupplivning om mitt hjärta stannar
living-will-ventilation = Respiratorvård
living-will-tube-feeding = Sondnäring om jag inte kan äta
living-will-dialysis = Dialys
living-will-pain-relief = Tillräcklig smärtlindring även om den kan förkorta mitt liv
living-will-resuscitation-want = Jag vill bli återupplivad.
living-will-resuscitation-refuse = Jag vill inte bli återupplivad.
living-will-resuscitation-undecided = Jag tar inte ställning; läkaren beslutar.
living-will-ventilation-want = Jag vill ha respiratorvård.
living-will-ventilation-refuse = Jag vill inte ha respiratorvård.
living-will-ventilation-undecided = Jag tar inte ställning; läkaren beslutar.
living-will-tube-feeding-want = Jag vill ha sondnäring.
living-will-tube-feeding-refuse = Jag vill inte ha sondnäring.
living-will-tube-feeding-undecided = Jag tar inte ställning; läkaren beslutar.
living-will-dialysis-want = Jag vill ha dialys.
living-will-dialysis-refuse = Jag vill inte ha dialys.
living-will-dialysis-undecided = Jag tar inte ställning; läkaren beslutar.
living-will-pain-relief-want = Jag vill ha tillräcklig smärtlindring.
living-will-pain-relief-refuse = Jag vill inte ha smärtlindring som kan förkorta mitt liv.
living-will-pain-relief-undecided = Jag tar inte ställning; läkaren beslutar.
living-will-withdraw-title = Återkalla livstestamentet
living-will-withdraw-intro = När du återkallar livstestamentet har du inget gällande livstestamente. Du kan skriva ett nytt när som helst.
living-will-withdraw-confirm = Jag bekräftar att jag vill återkalla mitt livstestamente.
living-will-withdraw = Återkalla livstestamentet
living-will-history = Livstestamentets historik
living-will-history-caption = Livstestamentets versioner, nyaste först
living-will-no-history = Du har inte skrivit något livstestamente.
error-invalid-choose-wish = Välj ett av alternativen.
error-invalid-wishes-too-long = { $max ->
    [one] Önskemålen får vara högst ett tecken. Korta ner texten och spara igen.
   *[other] Önskemålen får vara högst { $max } tecken. Korta ner texten och spara igen.
}
error-invalid-confirm-withdrawal = Bekräfta återkallelsen genom att kryssa i rutan.
action-living-will-read = Granskning av livstestamentet
action-living-will-write = Skrivande av livstestamentet
action-living-will-withdraw = Återkallande av livstestamentet
front-living-will-text = Ditt livstestamente: skriv, ändra eller återkalla.
news-living-will-none = Du har inte sparat något livstestamente.
news-living-will-in-force = Ditt livstestamente gäller, sparat { $date }.
news-living-will-withdrawn = Du återkallade ditt livstestamente { $date }.
