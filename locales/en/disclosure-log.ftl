## the disclosure log

nav-disclosure-log = Disclosure log
front-disclosure-log-text = Who has viewed your data, and when.
disclosure-log-title = Disclosure log
disclosure-log-intro = Here you see who has viewed or handled your data, when and why: care providers, pharmacies and Kela that asked for it, and persons who acted on your behalf (a guardian or a mandate holder, for example). You see the last two years first; choose other days or one care provider below.
disclosure-log-none = Nobody else has used your data.
disclosure-log-when = When
disclosure-log-who = Who
disclosure-log-right = Right or role
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
disclosure-log-why = Purpose
disclosure-log-filter = Choose what to show
disclosure-log-filter-from = From
disclosure-log-filter-to = To
disclosure-log-filter-organisation = Care provider
disclosure-log-filter-all = All, and persons who acted for you
disclosure-log-filter-submit = Show
disclosure-log-none-chosen = Nothing in the log matches your choice.
disclosure-log-paging = Pages of the log
disclosure-log-first-page = Newest entries
disclosure-log-next-page = Older entries
disclosure-log-csv = Download these entries as a CSV file (for a spreadsheet)
disclosure-log-documents = { $count ->
    [one] One document
   *[other] { $count } documents
}
disclosure-log-prescriptions = { $count ->
    [one] One prescription
   *[other] { $count } prescriptions
}
disclosure-log-measurements = { $count ->
    [one] One measurement
   *[other] { $count } measurements
}
disclosure-log-withheld = { $count ->
    [one] One kept back by your denials
   *[other] { $count } kept back by your denials
}
disclosure-log-declarations = What was seen
disclosure-log-disclosed = Disclosed
disclosure-log-kept-back = Kept back
purpose-citizen-service = Your affairs in My Kanta
purpose-treatment = Your care
purpose-dispensing = Dispensing a medicine
purpose-reimbursement = Medicine reimbursement
query-role-physician = Physician
query-role-nurse = Nurse
query-role-pharmacist = Pharmacist
query-role-reimbursement-handler = Kela reimbursement handler
action-provider-documents = Viewing documents
action-provider-prescriptions = Viewing prescriptions
action-provider-declarations = Viewing the consent, the living will and the organ donation testament
action-provider-wellbeing = Viewing the wellbeing data you recorded
disclosure-entry-title = Entry in the disclosure log
disclosure-entry-unit = Unit
disclosure-entry-documents = Documents disclosed
disclosure-entry-prescriptions = Prescriptions disclosed
disclosure-entry-recorded = Recorded
disclosure-entry-document = Document
disclosure-entry-issued = Written on
disclosure-entry-medicine = Medicine
disclosure-entry-written-by = Recorded by
disclosure-entry-none = Nothing was disclosed.
disclosure-entry-declarations = The care provider saw whether your consent to disclosure, your living will and your organ donation testament are in force, and what they say. Denials do not apply to them.
disclosure-entry-withheld = { $count ->
    [one] One document or prescription was kept back by your denials.
   *[other] { $count } documents or prescriptions were kept back by your denials.
}
disclosure-entry-back = Back to the disclosure log
news-disclosures-queries = { $count ->
    [one] A care provider has viewed your data once since your previous visit: { $names }.
   *[other] Care providers have viewed your data { $count } times since your previous visit: { $names }.
}
