## todistukset ja lausunnot

nav-certificates = Todistukset ja lausunnot
front-certificates-text = Sinusta kirjoitetut todistukset ja lausunnot sekä se, minne ne on lähetetty.
certificates-title = Todistukset ja lausunnot
certificates-intro = Tässä näet todistukset ja lausunnot, jotka ammattilainen on kirjoittanut sinusta esimerkiksi Kelaa tai Traficomia varten, ja minne ne on lähetetty Kannan kautta. Jokainen lähetys näkyy myös luovutustiedoissa.
certificates-none = Sinulla ei ole todistuksia tai lausuntoja.
certificates-caption = { $count ->
    [one] Todistukset ja lausunnot, { $count } kappale
   *[other] Todistukset ja lausunnot, { $count } kappaletta
}
certificates-issued = Kirjoitettu
certificates-form = Todistus tai lausunto
certificates-unit = Yksikkö
certificates-sent = Lähetetty
certificates-back = Takaisin todistuksiin ja lausuntoihin
certificate-title = Todistus tai lausunto
certificate-role = Kirjoittaja
certificate-organisation = Palveluntuottaja
certificate-content = Todistuksen sisältö
certificate-not-sent = Ei lähetetty.
certificate-sent-to = Lähetetty: { $to } { $when }.
certificate-form-sv6 = Lääkärintodistus A (SV 6)
certificate-form-sv7 = Lääkärinlausunto B (SV 7)
certificate-form-sv10 = Lääkärintodistus D (SV 10)
certificate-form-sv67 = Kelan lääkärinlausunto (SV 67)
certificate-form-driving-licence = Ajoterveyslausunto (Traficom)
certificate-recipient-kela = Kela
certificate-recipient-traficom = Traficom
certificate-role-doctor = Lääkäri
certificate-role-occupational-health-doctor = Työterveyslääkäri
certificate-role-specialist = Erikoislääkäri
action-certificates-list = Todistusten ja lausuntojen katselu
action-certificates-read = Todistuksen tai lausunnon katselu
action-certificates-news = Uusien todistusten ja lausuntojen katselu
news-certificates-none = Ei uusia todistuksia tai lausuntoja edellisen käyntisi jälkeen.
news-certificates = { $count ->
    [one] Uusi todistus tai lausunto edellisen käyntisi jälkeen.
   *[other] { $count } uutta todistusta tai lausuntoa edellisen käyntisi jälkeen.
}
