## the disclosure log

nav-disclosure-log = Luovutustiedot
front-disclosure-log-text = Kuka on käyttänyt tietojasi puolestasi ja milloin.
disclosure-log-title = Luovutustiedot
disclosure-log-intro = Tässä näet, kuka on katsonut tai käsitellyt tietojasi puolestasi (esimerkiksi huoltaja tai valtuutettu), milloin ja millä oikeudella.
disclosure-log-none = Kukaan muu ei ole käyttänyt tietojasi.
disclosure-log-when = Aika
disclosure-log-who = Kuka
disclosure-log-right = Oikeus
disclosure-log-what = Mitä
disclosure-log-refused = Yritti: { $what } (estetty)
action-disclosure-log-read = Luovutustietojen katsominen
action-disclosure-log-news = Sen katsominen, mitä muut ovat tehneet tiedoilla
news-disclosures-none = Kukaan muu ei ole käyttänyt tietojasi edellisen käyntisi jälkeen.
news-disclosures = { $count ->
    [one] Yksi uusi merkintä edellisen käyntisi jälkeen: { $names }.
   *[other] { $count } uutta merkintää edellisen käyntisi jälkeen: { $names }.
}
news-disclosures-forwarded = { $count ->
    [one] Yksi todistus on lähetetty edellisen käyntisi jälkeen: { $names }.
   *[other] { $count } todistusta on lähetetty edellisen käyntisi jälkeen: { $names }.
}
disclosure-log-forwardings = Muille organisaatioille lähetetyt todistukset
disclosure-log-forwardings-intro = Todistus tai lausunto, joka on lähetetty Kannan kautta esimerkiksi Kelalle tai Traficomille, on luovutettu sille. Tässä näet, milloin, kenelle ja mikä.
disclosure-log-forwardings-none = Todistuksia tai lausuntoja ei ole lähetetty muille organisaatioille.
disclosure-log-to = Kenelle
