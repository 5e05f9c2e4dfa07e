## health records: the list, documents, summaries, laboratory results

nav-records = Health records
nav-summaries = Summaries
nav-lab = Laboratory results
front-records-text = Visits, courses of treatment and their documents.
front-summaries-text = Diagnoses, risk information, vaccinations, measurements, imaging, referrals and care plans.
front-lab-text = Laboratory results and how they have changed.
records-title = Health records
records-filter = Filter records
records-filter-from = Start date
records-filter-to = End date
records-filter-organisation = Organisation
records-filter-kind = Kind of record
records-filter-all = All
records-filter-submit = Show
records-documents = Documents
records-none = No documents match your choices.
records-count = { $count ->
    [one] Showing one document.
   *[other] Showing { $count } documents.
}
records-paging = Pages
records-next-page = Next documents
records-first-page = Back to the newest documents
kind-visit-note = Visit note
kind-diagnosis = Diagnosis
kind-risk = Risk information
kind-vaccination = Vaccination
kind-procedure = Procedure
kind-lab-result = Laboratory result
kind-imaging = Imaging study
document-title = Document
back-to-records = Back to health records
document-kind = Kind of record
document-recorded = Recorded
document-event = Visit or course of treatment
document-organisation = Organisation
document-unit = Unit
document-professional = Professional
document-code = Code
document-text = Text
document-lab-result = Result
summaries-title = Summaries
summaries-diagnoses = Diagnoses
summaries-diagnoses-none = No diagnoses have been recorded for you.
summaries-risks = Risk information
summaries-risks-none = No risk information has been recorded for you.
summaries-vaccinations = Vaccinations
summaries-vaccinations-none = No vaccinations have been recorded for you.
summaries-name = Name
summaries-code = Code
summaries-first = First recorded
summaries-latest = Last recorded
summaries-times = Records
lab-title = Laboratory results
lab-none = You have no laboratory results.
lab-table-caption = Tests and their latest result
lab-test = Test
lab-latest = Latest result
lab-value = Result
lab-reference = Reference range
lab-reference-is = Reference range: { $range }
lab-flag = Abnormal
lab-flag-normal = Within range
lab-flag-low = Low
lab-flag-high = High
lab-taken = Sample taken
lab-count = Results
back-to-lab = Back to laboratory results
lab-chart-title = { $test }: results over time
lab-chart-desc = { $count ->
    [one] One result on { $first }: { $value } { $unit }. The reference range is shown as a green band; results outside it as squares.
   *[other] { $count } results from { $first } to { $last }. Latest result { $value } { $unit }. The reference range is shown as a green band; results outside it as squares.
}
lab-chart-empty = No results.
lab-chart-caption = The figures in the chart are also in the table below.
lab-table-title = Results in the chosen period
error-invalid-date-format = Enter the date as dd/mm/yyyy.
error-invalid-date-order = The end date cannot be before the start date.
action-records-list = Viewing the list of health records
action-records-read = Opening a document
action-summaries-read = Viewing the summaries
action-lab-list = Viewing the laboratory results
action-lab-series = Viewing a laboratory result over time
delayed-heading = Not shown yet
delayed-intro = A professional has decided that these are shown later, for example once they have been talked through at an appointment. They have been recorded.
delayed-item = { $kind }, { $organisation }: appears on { $when }
delayed-appears = Appears on
delayed-document = Showing this has been delayed. The professional providing care has decided that it appears on { $when }, for example so that it can first be talked through at an appointment. It has been recorded, but what it says is not shown before then.
lab-period = Period
lab-period-1y = The last 12 months
lab-period-5y = The last five years
lab-period-all = All results
lab-period-submit = Show
lab-period-empty = No results in this period.
lab-period-earlier = { $count ->
    [one] One earlier result is not shown for this period.
   *[other] { $count } earlier results are not shown for this period.
}
summaries-procedures = Procedures
summaries-imaging = Imaging studies
summaries-by-kind = Entries by kind
summaries-by-kind-intro = Every entry in the chosen period, the last 12 months unless you choose otherwise. Vaccinations are shown from all years.
summaries-range-choose = Choose a period
summaries-range = From { $from } to { $to }
summaries-range-all = From all years
summaries-kind-none = No entries in the chosen period.
back-to-summaries = Back to summaries
kind-measurement = Measurement
kind-referral = Referral
kind-care-plan = Care plan
summaries-measurements = Measurements
summaries-referrals = Referrals
summaries-care-plans = Care plans
summaries-measured = Measured
summaries-result = Result
summaries-report = Report
action-summaries-kind = Viewing a summary by kind
document-measured = Measured values
action-records-news = Viewing what is new in the health records
action-records-import = Adding a patient summary from elsewhere to the data
news-records-none = No new documents since your previous visit.
news-records = { $documents ->
    [one] One new document has come since your previous visit.
   *[other] { $documents } new documents have come since your previous visit.
}
news-records-labs = { $documents ->
    [one] It is a laboratory result.
   *[other] { $labs ->
        [one] One of them is a laboratory result.
       *[other] { $labs } of them are laboratory results.
    }
}
document-deny-event = Deny the disclosure of this visit or course of treatment to other care providers
