## the disclosure log

nav-disclosure-log = Disclosure log
front-disclosure-log-text = Who has used your data on your behalf, and when.
disclosure-log-title = Disclosure log
disclosure-log-intro = Here you see who has viewed or handled your data on your behalf (a guardian or a mandate holder, for example), when, and by which right.
disclosure-log-none = Nobody else has used your data.
disclosure-log-when = When
disclosure-log-who = Who
disclosure-log-right = Right
disclosure-log-what = What
disclosure-log-refused = Tried to: { $what } (refused)
action-disclosure-log-read = Viewing the disclosure log
action-disclosure-log-news = Viewing what others have done with the data
news-disclosures-none = No one else has used your data since your previous visit.
news-disclosures = { $count ->
    [one] One new entry since your previous visit: { $names }.
   *[other] { $count } new entries since your previous visit: { $names }.
}
news-disclosures-forwarded = { $count ->
    [one] One certificate has been sent since your previous visit: { $names }.
   *[other] { $count } certificates have been sent since your previous visit: { $names }.
}
disclosure-log-forwardings = Certificates sent to other organisations
disclosure-log-forwardings-intro = A certificate or statement sent through Kanta, to Kela or Traficom for example, has been disclosed to that organisation. Here you see when, to whom and which.
disclosure-log-forwardings-none = No certificates or statements have been sent to other organisations.
disclosure-log-to = To whom
