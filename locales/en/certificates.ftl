## certificates and statements

nav-certificates = Certificates and statements
front-certificates-text = Certificates and statements written about you, and where they were sent.
certificates-title = Certificates and statements
certificates-intro = Here you see the certificates and statements a professional has written about you, for Kela or Traficom for example, and where they were sent through Kanta. Each sending is also shown in your disclosure log.
certificates-none = You have no certificates or statements.
certificates-caption = { $count ->
    [one] Certificates and statements, { $count } in all
   *[other] Certificates and statements, { $count } in all
}
certificates-issued = Written
certificates-form = Certificate or statement
certificates-unit = Unit
certificates-sent = Sent
certificates-back = Back to certificates and statements
certificate-title = Certificate or statement
certificate-role = Written by
certificate-organisation = Provider
certificate-content = What it says
certificate-not-sent = Not sent.
certificate-sent-to = Sent to { $to } on { $when }.
certificate-form-sv6 = Medical certificate A (SV 6)
certificate-form-sv7 = Medical statement B (SV 7)
certificate-form-sv10 = Medical certificate D (SV 10)
certificate-form-sv67 = Kela medical statement (SV 67)
certificate-form-driving-licence = Medical statement on fitness to drive (Traficom)
certificate-recipient-kela = Kela
certificate-recipient-traficom = Traficom
certificate-role-doctor = Doctor
certificate-role-occupational-health-doctor = Occupational health doctor
certificate-role-specialist = Specialist
action-certificates-list = Viewing certificates and statements
action-certificates-read = Viewing a certificate or statement
action-certificates-news = Viewing new certificates and statements
news-certificates-none = No new certificates or statements since your previous visit.
news-certificates = { $count ->
    [one] One new certificate or statement since your previous visit.
   *[other] { $count } new certificates or statements since your previous visit.
}
