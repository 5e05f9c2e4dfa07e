## prescriptions, renewal requests and the medication list

error-invalid-renewal-never-dispensed = A renewal can be asked for only once medicine has been bought with the prescription.
error-invalid-renewal-too-old = A renewal can no longer be asked for: more than 16 months (28 for a two-year prescription) have passed since it was written. Contact your care unit.
error-invalid-renewal-already-requested = A renewal of this prescription has already been asked for and is being processed.
error-invalid-renewal-cancelled = The prescription has been cancelled and cannot be renewed.
error-invalid-renewal-key-reused = The form had already been used to renew another prescription. Check the details and send again.
nav-prescriptions = Prescriptions
prescriptions-title = Prescriptions
prescriptions-count = { $total ->
    [0] There are no prescriptions.
    [one] { $shown ->
        [one] There is one prescription, and it is shown.
       *[other] There is one prescription, but it is not shown.
    }
   *[other] { $shown ->
        [0] There are { $total } prescriptions, but none of them is shown.
        [one] Showing 1 of { $total } prescriptions.
       *[other] Showing { $shown } of { $total } prescriptions.
    }
}
prescriptions-show-all = { $count ->
    [one] Show the expired or cancelled prescription too
   *[other] Show { $count } expired and cancelled prescriptions too
}
prescriptions-show-valid = Show valid prescriptions only
prescriptions-renewable = You can ask for this prescription to be renewed.
prescriptions-status = Status
prescriptions-issued = Written
prescriptions-valid-until = Valid until
prescriptions-remaining = Remaining
prescriptions-packages = { $of ->
    [one] { $left } of 1 package
   *[other] { $left } of { $of } packages
}
prescriptions-atc = ATC code
prescriptions-prescriber = Prescriber
prescriptions-not-abroad = This medicine cannot be bought abroad with an ePrescription.
prescription-status-valid = Valid
prescription-status-expired = Expired
prescription-status-cancelled = Cancelled
prescription-status-renewal-requested = Renewal requested
error-invalid-message-too-long = { $max ->
    [one] The message can be at most one character. Shorten it and send again.
   *[other] The message can be at most { $max } characters. Shorten it and send again.
}
action-prescriptions-list = Viewing the prescriptions
action-prescriptions-read = Opening a prescription
action-prescriptions-renewal-request = Sending a renewal request
action-prescriptions-renewal-list = Viewing the renewal requests
action-prescriptions-renewal-process = Handling a renewal request
action-medication-list-read = Viewing the medication list
prescription-page-title = Prescription
prescription-back = Back to prescriptions
prescription-details = Prescription details
prescription-form = Form
prescription-package = Package size
prescription-dosage = Dosage
prescription-amount = Amount prescribed
prescription-renews = This prescription renews the prescription
prescription-open-renewed-from = Open the earlier prescription
prescription-dispensations = Purchases
prescription-dispensations-caption = Purchases made with this prescription
prescription-dispensed-on = Date
prescription-pharmacy = Pharmacy
prescription-packages-bought = Packages
prescription-no-dispensations = No medicine has been bought with this prescription yet.
renewal-title = Renewing the prescription
renewal-intro = You can ask a unit that has treated you to renew this prescription. A doctor decides, and you will see the answer on this page.
renewal-organisation = Where to send the request
renewal-organisation-hint = Units that have treated you.
renewal-choose = Choose a unit
renewal-message = Message to the doctor (optional)
renewal-message-hint = { $max ->
    [one] At most one character. You can say, for example, how the medicine has suited you or whether your situation has changed. Do not write about urgent matters.
   *[other] At most { $max } characters. You can say, for example, how the medicine has suited you or whether your situation has changed. Do not write about urgent matters.
}
renewal-share = The doctor may also see my other prescriptions
renewal-share-hint = It helps the doctor judge whether the medicines go together.
renewal-send = Send renewal request
renewal-sent = Your renewal request has been sent. You can follow its progress below.
renewal-requests = Renewal requests
renewal-requests-caption = Renewal requests for this prescription, newest first
renewal-steps = Steps
renewal-status = Status
renewal-sender = Sent by
renewal-answer = Answer
renewal-unit = Unit
renewal-status-sent = Sent, waiting to be processed
renewal-status-in-processing = In processing
renewal-status-renewed = Renewed
renewal-status-rejected = Rejected
renewal-status-expired = Expired: not handled within 8 days
renewal-open-new = Open the new prescription
renewal-none = No renewal of this prescription has been asked for.
prescriptions-requests-title = Your renewal requests
prescriptions-requests-caption = Renewal requests, newest first
prescriptions-medicine = Medicine
prescriptions-no-requests = You have not asked for any prescription to be renewed.
nav-medication = Medication list
medication-title = Medication list
medication-intro = The list is compiled from your valid prescriptions and the purchases made with them, and from medication that a hospital, a health centre or social care has recorded giving you. Medicines bought without a prescription are not on it. Take the list with you when you visit health care.
medication-compiled = Compiled on { $date } at { $time }
medication-empty = You have no valid prescriptions and no recorded medication.
medication-caption = { $group }
medication-medicine = Medicine
medication-last-bought = Last bought
medication-never-bought = Not bought yet
medication-valid-until = The prescription is valid until { $date }.
medication-renewal-requested = Renewal requested
atc-group-A = Alimentary tract and metabolism
atc-group-B = Blood and blood forming organs
atc-group-C = Cardiovascular system
atc-group-D = Dermatologicals
atc-group-G = Genito-urinary system and sex hormones
atc-group-H = Systemic hormonal preparations
atc-group-J = Anti-infectives for systemic use
atc-group-L = Antineoplastic and immunomodulating agents
atc-group-M = Musculo-skeletal system
atc-group-N = Nervous system
atc-group-P = Antiparasitic products, insecticides and repellents
atc-group-R = Respiratory system
atc-group-S = Sensory organs
atc-group-V = Various
atc-group-other = Other
renewal-on-behalf = You are sending the request on behalf of { $name }. The request records that you sent it.
medication-for = Person: { $name }
front-prescriptions-text = Valid prescriptions, purchases and renewal requests.
front-medication-text = A list of the medicines you take now.
prescription-summary-title = Prescription summary
prescription-summary-link = Prescription summary to print
prescription-summary-which = Which prescriptions
prescription-summary-valid = All valid prescriptions
prescription-summary-remaining = Only prescriptions with medicine left
prescription-summary-medicine = Medicine
prescription-summary-compiled = Compiled { $when }.
prescription-summary-none = No prescriptions match your choice.
medication-source = Source
medication-until = Until
medication-source-prescription = Prescription: { $prescriber }, { $organisation }
medication-source-hospital = Given in hospital: { $organisation }, since { $date }
medication-source-health-centre = Given at a health centre: { $organisation }, since { $date }
medication-source-social-care = Given in social care: { $organisation }, since { $date }
medication-source-imported = In a patient summary from elsewhere: { $organisation }, { $date }
medication-ongoing = Until further notice
medication-ends = Until { $date }
medication-not-bought = Not bought at a pharmacy
renewal-step = { $step } { $when }
renewal-step-sent = Sent
renewal-step-in-processing = Processing began
renewal-step-renewed = Renewed
renewal-step-rejected = Rejected
renewal-step-expired = Expired without being handled
action-prescriptions-news = Viewing what is new in the prescriptions
news-prescriptions-none = Nothing new in prescriptions since your previous visit.
news-prescriptions-answered = { $count ->
    [one] A renewal request has been answered.
   *[other] { $count } renewal requests have been answered.
}
news-prescriptions-new = { $count ->
    [one] One new prescription.
   *[other] { $count } new prescriptions.
}
prescription-deny = Deny the disclosure of this prescription to other care providers
