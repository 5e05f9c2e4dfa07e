## socialvård

nav-social-welfare = Socialvård
front-social-welfare-text = Socialvårdens klienthandlingar per serviceuppgift och kontaktuppgifterna till din egen kontaktperson.
social-title = Socialvård
social-intro = Här ser du dina klienthandlingar inom socialvården per serviceuppgift. Alla handlingar visas inte i MittKanta, till exempel skyddshemstjänster och betalningsförbindelser.
social-none = Du har inga klienthandlingar inom socialvården som visas i MittKanta.
social-documents-of = Klienthandlingar: { $task }
social-client-since = Klientrelationen inleddes { $date }
social-designated-worker = Egen kontaktperson: { $name }, { $role }
social-phone = Telefon
social-recorded = Antecknad
social-kind = Typ av handling
social-document-title = Rubrik
social-task = Serviceuppgift
social-organisation = Serviceproducent
social-unit = Enhet
social-text = Handlingens innehåll
social-contact = Kontaktuppgifter
social-document = Handling inom socialvården
social-back = Tillbaka till socialvården
social-task-older-people = Service för äldre
social-task-disability = Handikappservice
social-task-child-welfare = Barnskydd
social-task-adult-social-work = Socialt arbete för vuxna
social-task-substance-abuse = Missbrukarvård
social-task-shelter = Skyddshemstjänster
social-task-domestic-violence = Arbete mot våld i nära relationer
social-kind-client-relationship-started = Klientrelationen inleddes
social-kind-service-need-assessment = Bedömning av servicebehovet
social-kind-client-plan = Klientplan
social-kind-decision = Beslut
social-kind-payment-commitment = Betalningsförbindelse
social-worker-social-worker = socialarbetare
social-worker-social-counsellor = socialhandledare
social-worker-service-coordinator = servicehandledare
action-social-welfare-list = Visning av socialvårdens handlingar
action-social-welfare-read = Visning av en handling inom socialvården
action-social-welfare-news = Visning av nya handlingar inom socialvården
news-social-none = Inga nya handlingar inom socialvården sedan ditt förra besök.
news-social = { $count ->
    [one] En ny handling sedan ditt förra besök.
   *[other] { $count } nya handlingar sedan ditt förra besök.
}
