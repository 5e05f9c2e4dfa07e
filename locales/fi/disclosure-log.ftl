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
action-disclosure-log-read = Katsoi luovutustietoja
