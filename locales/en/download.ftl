## download

action-download-read = Viewing what a download of all data holds
action-download-file = Downloading all one's own data

nav-download = Download your data
front-download-text = All the data stored about you, as one file.
download-title = Download your data
download-intro = You can download, as one file, all the data stored about you: health records and laboratory results, prescriptions with purchases and renewal requests, your living will and organ donation testament, consents and denials, your own wellbeing data and the disclosure log. Only you can download your data, no one on your behalf.
download-format = The file is in the FHIR R4 format (JSON), which other health apps can read. It does not hold results that a professional has not yet released to you.
download-contents-title = What the file holds
download-documents = { $count ->
    [one] { $count } health record entry
   *[other] { $count } health record entries
}
download-lab-results = { $count ->
    [one] { $count } laboratory result
   *[other] { $count } laboratory results
}
download-prescriptions = { $count ->
    [one] { $count } prescription
   *[other] { $count } prescriptions
}
download-purchases = { $count ->
    [one] { $count } medicine purchase
   *[other] { $count } medicine purchases
}
download-renewal-requests = { $count ->
    [one] { $count } renewal request
   *[other] { $count } renewal requests
}
download-living-will = { $count ->
    [one] { $count } version of the living will
   *[other] { $count } versions of the living will
}
download-organ-donation = { $count ->
    [one] { $count } version of the organ donation testament
   *[other] { $count } versions of the organ donation testament
}
download-consents = { $count ->
    [one] { $count } change to consents and denials
   *[other] { $count } changes to consents and denials
}
download-abroad = { $count ->
    [one] { $count } change to consents abroad
   *[other] { $count } changes to consents abroad
}
download-measurements = { $count ->
    [one] { $count } measurement in your wellbeing data
   *[other] { $count } measurements in your wellbeing data
}
download-log-entries = { $count ->
    [one] { $count } disclosure log entry
   *[other] { $count } disclosure log entries
}
download-link = Download the file (JSON)
download-audited = Downloading is logged like any other viewing of your data.
