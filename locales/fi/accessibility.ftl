## the accessibility statement and its feedback form (Act 306/2019)
a11y-title = Saavutettavuusseloste
a11y-footer-link = Saavutettavuusseloste
a11y-intro = Tässä selosteessa kerromme, miten OmaKanta-verkkopalvelu täyttää digipalvelulain (306/2019) vaatimukset. Kerromme myös, mitä puutteita palvelussa on ja miten voit antaa meille palautetta.
a11y-status-title = Palvelun saavutettavuuden tila
a11y-status = Palvelu täyttää saavutettavuusvaatimukset suurelta osin. Tavoitteemme on WCAG 2.2 -ohjeiden A- ja AA-taso, eli enemmän kuin laki vaatii (WCAG 2.1 AA).
a11y-tested-title = Näin tarkistamme palvelun
a11y-tested-intro = Tarkistamme jokaisen muutoksen automaattisesti ennen julkaisua. Tarkistus käy läpi kaikki sivut kaikkien testihenkilöiden tunnuksilla. Testihenkilöitä ovat oma asiointi, alle 10-vuotiaan huoltaja, 10 vuotta täyttäneen huoltaja, valtuutettu, ruotsinkielinen käyttäjä ja kirjautumaton käyttäjä. Sivut tarkistetaan suomeksi, ruotsiksi ja englanniksi, JavaScriptin kanssa ja ilman, kapealla ja leveällä näytöllä. Jokaiselta sivulta tarkistetaan:
a11y-tested-axe = WCAG 2.0–2.2 -ohjeiden A- ja AA-tason automaattisesti tarkistettavat kohdat (axe-core)
a11y-tested-structure = että sivulla on yksi pääotsikko, pääsisältö, ohituslinkki sisältöön ja otsikkotasot järjestyksessä
a11y-tested-reflow = että 320 pikselin levyinen näyttö ei vaadi vaakasuuntaista vieritystä
a11y-tested-targets = että painikkeet, linkit ja valinnat ovat vähintään 24 × 24 pikselin kokoisia
a11y-tested-language = että sivun kieli on merkitty ja toisella kielellä kirjoitettu teksti on merkitty sillä kielellä
a11y-tested-keyboard = että lomakkeen virheet näkyvät ensin luettelona. Jokainen virhe on linkki kenttäänsä, ja näppäimistön kohdistus siirtyy luetteloon.
a11y-tested-states = myös virhetilanteet: tyhjänä ja virheellisenä lähetetyt lomakkeet, haku ilman tuloksia, sivu, johon käyttäjällä ei ole oikeutta, ja sivu, jota ei ole
a11y-gaps-title = Puutteet ja niiden syyt
a11y-gaps = Palvelua ei ole vielä arvioinut ulkopuolinen asiantuntija, eikä sitä ole testattu käsin ruudunlukijoilla (NVDA, JAWS, VoiceOver, TalkBack) eikä avustavia tekniikoita käyttävien ihmisten kanssa. Automaattiset tarkistukset löytävät vain osan puutteista. Lisäämme tähän jokaisen löydetyn puutteen ja sen korjausaikataulun.
a11y-made-title = Selosteen laatiminen
a11y-made = Seloste on laadittu 30.11.2026 itsearvioinnin perusteella, ja se päivitetään aina, kun tarkistukset muuttuvat, ja vähintään kerran vuodessa.
a11y-feedback-title = Huomasitko puutteen saavutettavuudessa?
a11y-feedback-intro = Kerro meille, jos jokin palvelun osa ei toimi sinulle. Palautteen voi lähettää kirjautumatta. Älä kirjoita palautteeseen terveystietojasi tai henkilötunnustasi. Vastaamme kahden viikon kuluessa, jos annat yhteystietosi.
a11y-feedback-page = Mitä sivua tai palvelun osaa palaute koskee? (vapaaehtoinen)
a11y-feedback-message = Palautteesi
a11y-feedback-message-hint = { $max ->
    [one] Kerro, mitä yritit tehdä ja mikä ei onnistunut. Enintään yksi merkki.
   *[other] Kerro, mitä yritit tehdä ja mikä ei onnistunut. Enintään { $max } merkkiä.
}
a11y-feedback-contact = Sähköpostiosoite tai puhelinnumero vastausta varten (vapaaehtoinen)
a11y-feedback-send = Lähetä palaute
a11y-feedback-sent = Kiitos palautteestasi. Se on tallennettu, ja palvelun ylläpitäjät käsittelevät sen.
a11y-authority-title = Valvontaviranomainen
a11y-authority = Jos huomaat palvelussa saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole tyytyväinen vastaukseen tai et saa vastausta kahden viikon kuluessa, voit tehdä ilmoituksen valvontaviranomaiselle. Ohjeet ovat osoitteessa saavutettavuusvaatimukset.fi.
error-invalid-feedback-empty = Kirjoita palautteesi.
error-invalid-feedback-too-long = { $max ->
    [one] Palaute on liian pitkä. Lyhennä se yhteen merkkiin.
   *[other] Palaute on liian pitkä. Lyhennä se enintään { $max } merkkiin.
}
error-invalid-contact-too-long = { $max ->
    [one] Yhteystieto on liian pitkä (enintään yksi merkki).
   *[other] Yhteystieto on liian pitkä (enintään { $max } merkkiä).
}
error-invalid-page-too-long = { $max ->
    [one] Sivun kuvaus on liian pitkä (enintään yksi merkki).
   *[other] Sivun kuvaus on liian pitkä (enintään { $max } merkkiä).
}
