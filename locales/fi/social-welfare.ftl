## sosiaalihuolto

nav-social-welfare = Sosiaalihuolto
front-social-welfare-text = Sosiaalihuollon asiakasasiakirjat palvelutehtävittäin ja omatyöntekijän yhteystiedot.
social-title = Sosiaalihuolto
social-intro = Tässä näet sosiaalihuollon asiakasasiakirjasi palvelutehtävittäin. Kaikkia asiakirjoja ei näytetä OmaKannassa, esimerkiksi turvakotipalveluja ja maksusitoumuksia.
social-none = Sinulla ei ole sosiaalihuollon asiakasasiakirjoja, jotka näytetään OmaKannassa.
social-documents-of = Asiakasasiakirjat: { $task }
social-client-since = Asiakkuus alkanut { $date }
social-designated-worker = Omatyöntekijä: { $name }, { $role }
social-phone = Puhelin
social-recorded = Kirjattu
social-kind = Asiakirjan tyyppi
social-document-title = Otsikko
social-task = Palvelutehtävä
social-organisation = Palveluntuottaja
social-unit = Yksikkö
social-text = Asiakirjan sisältö
social-contact = Yhteystiedot
social-document = Sosiaalihuollon asiakirja
social-back = Takaisin sosiaalihuoltoon
social-task-older-people = Ikääntyneiden palvelut
social-task-disability = Vammaispalvelut
social-task-child-welfare = Lastensuojelu
social-task-adult-social-work = Aikuissosiaalityö
social-task-substance-abuse = Päihdepalvelut
social-task-shelter = Turvakotipalvelut
social-task-domestic-violence = Lähisuhdeväkivaltatyö
social-kind-client-relationship-started = Asiakkuuden alkaminen
social-kind-service-need-assessment = Palvelutarpeen arviointi
social-kind-client-plan = Asiakassuunnitelma
social-kind-decision = Päätös
social-kind-payment-commitment = Maksusitoumus
social-worker-social-worker = sosiaalityöntekijä
social-worker-social-counsellor = sosiaaliohjaaja
social-worker-service-coordinator = palveluohjaaja
action-social-welfare-list = Sosiaalihuollon asiakirjojen katselu
action-social-welfare-read = Sosiaalihuollon asiakirjan katselu
action-social-welfare-news = Uusien sosiaalihuollon asiakirjojen katselu
news-social-none = Ei uusia sosiaalihuollon asiakirjoja edellisen käyntisi jälkeen.
news-social = { $count ->
    [one] Uusi asiakirja edellisen käyntisi jälkeen.
   *[other] { $count } uutta asiakirjaa edellisen käyntisi jälkeen.
}
