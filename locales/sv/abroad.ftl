## abroad

action-abroad-read = Visning av samtycken för utlandet
action-abroad-summary = Visning av patientöversikten
action-abroad-give = Samtycke till att uppgifterna används utomlands
action-abroad-withdraw = Återkallelse av samtycke till att uppgifterna används utomlands
nav-abroad = Utlandet
front-abroad-text = Ge samtycke så att ditt recept och din patientöversikt kan användas i andra EU-länder.
abroad-title = Utlandet
abroad-intro = Du kan ge samtycke till att ditt e-recept och din patientöversikt kan användas i vissa EU-länder. Samtycket ges för varje tjänst för sig. Det gäller genast, och du kan återkalla det när som helst. Ändringarna sparas i historiken.
abroad-eprescription-title = Finländskt e-recept utomlands
abroad-eprescription-explain = När du har gett samtycke kan du köpa läkemedel med ditt finländska e-recept på apotek i länderna nedan. Apoteket ser då dina giltiga recept.
abroad-eprescription-give = Ge samtycke till att e-receptet används utomlands
abroad-eprescription-withdraw = Återkalla samtycket till att e-receptet används utomlands
abroad-eprescription-excluded = Narkotiska läkemedel och läkemedel som påverkar centrala nervsystemet kan inte köpas utomlands med ett finländskt recept.
abroad-your-excluded = Därför kan dessa av dina giltiga recept inte användas utomlands:
abroad-patient-summary-title = Patientöversikt utomlands
abroad-patient-summary-explain = Patientöversikten visar dina viktigaste hälsouppgifter: allergier, diagnoser, läkemedel, åtgärder och implantat. När du har gett samtycke kan en läkare se den när hen vårdar dig i länderna nedan.
abroad-patient-summary-give = Ge samtycke till att patientöversikten används utomlands
abroad-patient-summary-withdraw = Återkalla samtycket till att patientöversikten används utomlands
abroad-countries = Länder där tjänsten används nu
abroad-no-countries = Tjänsten används nu inte i något land.
abroad-denials-ignored = Förbuden gäller inte patientöversikten utomlands. Om du ger samtycke ser en läkare utomlands uppgifterna i patientöversikten, även om du har förbjudit att de lämnas ut i Finland.
abroad-denials-in-force = { $count ->
    [0] Du har inga förbud i kraft.
    [one] Du har ett förbud i kraft.
   *[other] Du har { $count } förbud i kraft.
}
abroad-see-denials = Se samtycken och förbud
abroad-denials-confirm = Jag har läst att förbuden inte gäller patientöversikten utomlands.
abroad-in-force = Samtycket gäller från { $date }.
abroad-not-given = Du har inte gett samtycke.
abroad-given = Samtycket är givet och gäller genast.
abroad-withdrawn = Samtycket är återkallat från och med nu.
abroad-history = Historik
abroad-history-caption = Ändringar av samtycken, den senaste först
abroad-no-history = Du har inte gett eller återkallat samtycken.
abroad-col-service = Tjänst
abroad-event-given = Givet
abroad-event-withdrawn = Återkallat
news-abroad-consents = { $count ->
    [0] Du har inte gett samtycke till att dina uppgifter används utomlands.
    [one] Ett samtycke till att dina uppgifter används utomlands är i kraft.
   *[other] { $count } samtycken till att dina uppgifter används utomlands är i kraft.
}
news-abroad-new-countries = { $count ->
    [one] Tjänsterna har tagits i bruk i ett nytt land.
   *[other] Tjänsterna har tagits i bruk i { $count } nya länder.
}
error-invalid-abroad-denials-not-read = Bekräfta att du har läst att förbuden inte gäller patientöversikten utomlands.
country-CZ = Tjeckien
country-EE = Estland
country-ES = Spanien
country-HR = Kroatien
country-LV = Lettland
country-NO = Norge
country-PL = Polen
country-PT = Portugal
abroad-see-summary = Se din patientöversikt

## the Patient Summary

nav-patient-summary = Patientöversikt
front-patient-summary-text = Dina viktigaste hälsouppgifter på en sida: detta ser en läkare utomlands.
patient-summary-title = Patientöversikt
patient-summary-intro = Patientöversikten samlar dina viktigaste hälsouppgifter. Om du har gett samtycke ser en läkare den när hen vårdar dig i de länder där tjänsten används. Du kan skriva ut den eller ladda ner den som en fil (HL7 IPS, FHIR JSON).
patient-summary-denials = Förbuden gäller inte patientöversikten: där finns alla dessa uppgifter om dig.
patient-summary-name = Namn
patient-summary-birth-date = Födelsedatum
patient-summary-compiled = Sammanställd
patient-summary-download = Ladda ner patientöversikten (FHIR JSON)
patient-summary-allergies = Allergier och riskuppgifter
patient-summary-problems = Diagnoser
patient-summary-medication = Läkemedel
patient-summary-procedures = Åtgärder
patient-summary-immunizations = Vaccinationer
patient-summary-results = Senaste laboratorieresultat
patient-summary-none = Inga antecknade uppgifter.
patient-summary-delayed-title = Kommer senare
patient-summary-delayed = { $count ->
    [one] En uppgift visas i patientöversikten senare, när fördröjningen som en yrkesperson har satt upphör:
   *[other] { $count } uppgifter visas i patientöversikten senare, när fördröjningen som en yrkesperson har satt upphör:
}
patient-summary-appears = visas { $date }
patient-summary-consent-link = Samtycke till att patientöversikten används utomlands
