## the accessibility statement and its feedback form (Act 306/2019)
a11y-title = Tillgänglighetsutlåtande
a11y-footer-link = Tillgänglighetsutlåtande
a11y-intro = Detta utlåtande beskriver hur webbtjänsten MittKanta uppfyller kraven i lagen om tillhandahållande av digitala tjänster (306/2019), vilka brister tjänsten har och hur du kan ge oss respons.
a11y-status-title = Tjänstens tillgänglighet
a11y-status = Tjänsten uppfyller till största delen tillgänglighetskraven. Vårt mål är nivå A och AA i WCAG 2.2, alltså mer än lagen kräver (WCAG 2.1 AA).
a11y-tested-title = Så kontrollerar vi tjänsten
a11y-tested-intro = Varje ändring i tjänsten kontrolleras automatiskt innan den publiceras. Kontrollen går igenom varje sida med varje testperson (egna ärenden, vårdnadshavare till barn under 10 år, vårdnadshavare till barn som fyllt 10 år, person med fullmakt, svenskspråkig användare och användare som inte loggat in), på finska, svenska och engelska, med och utan JavaScript, på smal och bred skärm. På varje sida kontrolleras:
a11y-tested-axe = de punkter på nivå A och AA i WCAG 2.0–2.2 som kan kontrolleras automatiskt (axe-core)
a11y-tested-structure = att sidan har en huvudrubrik, ett huvudinnehåll, en länk förbi till innehållet och rubriknivåer i ordning
a11y-tested-reflow = att en skärm som är 320 pixlar bred inte kräver rullning i sidled
a11y-tested-targets = att knappar, länkar och val är minst 24 × 24 pixlar
a11y-tested-language = att sidans språk är angivet och att text på ett annat språk är märkt med det språket
a11y-tested-keyboard = att fel i ett formulär räknas upp först, vart och ett som en länk till sitt fält, och att tangentbordsfokus flyttas till listan
a11y-tested-states = också fel: formulär som skickats tomma och med fel, sökning utan resultat, en sida som användaren inte har rätt till och en sida som inte finns
a11y-gaps-title = Brister och orsaker
a11y-gaps = Tjänsten har ännu inte bedömts av en extern expert, och den har inte testats manuellt med skärmläsare (NVDA, JAWS, VoiceOver, TalkBack) eller tillsammans med personer som använder hjälpmedel. Automatiska kontroller hittar bara en del av bristerna. Vi lägger till varje brist som hittas här, med en tidtabell för när den rättas.
a11y-made-title = Hur utlåtandet har gjorts
a11y-made = Utlåtandet har gjorts 30.11.2026 på basis av en egen bedömning. Det uppdateras alltid när kontrollerna ändras, och minst en gång per år.
a11y-feedback-title = Märkte du en brist i tillgängligheten?
a11y-feedback-intro = Berätta för oss om någon del av tjänsten inte fungerar för dig. Du kan skicka respons utan att logga in. Skriv inte dina hälsouppgifter eller din personbeteckning i responsen. Vi svarar inom två veckor om du ger dina kontaktuppgifter.
a11y-feedback-page = Vilken sida eller del av tjänsten gäller responsen? (frivilligt)
a11y-feedback-message = Din respons
a11y-feedback-message-hint = { $max ->
    [one] Berätta vad du försökte göra och vad som inte lyckades. Högst ett tecken.
   *[other] Berätta vad du försökte göra och vad som inte lyckades. Högst { $max } tecken.
}
a11y-feedback-contact = E-postadress eller telefonnummer för svar (frivilligt)
a11y-feedback-send = Skicka respons
a11y-feedback-sent = Tack för din respons. Den har sparats, och tjänstens administratörer behandlar den.
a11y-authority-title = Tillsynsmyndighet
a11y-authority = Om du märker problem med tillgängligheten, ge först respons till oss. Om du inte är nöjd med svaret eller inte får svar inom två veckor kan du göra en anmälan till tillsynsmyndigheten. Anvisningar finns på adressen tillganglighetskrav.fi.
error-invalid-feedback-empty = Skriv din respons.
error-invalid-feedback-too-long = { $max ->
    [one] Responsen är för lång. Förkorta den till ett tecken.
   *[other] Responsen är för lång. Förkorta den till högst { $max } tecken.
}
error-invalid-contact-too-long = { $max ->
    [one] Kontaktuppgiften är för lång (högst ett tecken).
   *[other] Kontaktuppgiften är för lång (högst { $max } tecken).
}
error-invalid-page-too-long = { $max ->
    [one] Beskrivningen av sidan är för lång (högst ett tecken).
   *[other] Beskrivningen av sidan är för lång (högst { $max } tecken).
}
