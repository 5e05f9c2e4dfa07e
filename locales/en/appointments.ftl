## appointments

nav-appointments = Appointments
front-appointments-text = Your upcoming and past appointments, how to prepare, and adding them to your calendar.
appointments-title = Appointments
appointments-intro = Here you see the appointments that health care has told you of. Not every appointment is shown in My Kanta. You cancel or move an appointment in the provider's booking service.
appointments-upcoming = Upcoming appointments
appointments-upcoming-none = You have no upcoming appointments.
appointments-calendar-all = Add all upcoming appointments to your calendar (ics file)
appointments-past = Past appointments
appointments-past-none = There are no past appointments in the period you chose.
appointments-past-more = There are more past appointments than this page shows. Choose a shorter period.
appointments-past-period = Show past appointments
appointments-past-3m = from the last 3 months
appointments-past-1y = from the last year
appointments-past-3y = from the last 3 years
appointments-past-all = all
appointments-past-submit = Show
appointments-past-caption = { $count ->
    [one] Past appointments, { $count } appointment
   *[other] Past appointments, { $count } appointments
}
appointments-when = When
appointments-kind = Type of visit
appointments-unit = Unit
appointments-back = Back to appointments
appointments-calendar-name = My Kanta: appointments
appointment-title = Appointment
appointment-heading = { $kind }, { $when }
appointment-when = { $weekday } { $date } at { $start }–{ $end }
appointment-duration = Length
appointment-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
appointment-role = Professional
appointment-mode = How you attend
appointment-organisation = Provider
appointment-address = Address
appointment-reference = Booking reference
appointment-join = Join the video appointment
appointment-preparation = How to prepare
appointment-changes = Cancelling or moving the appointment
appointment-changes-intro = You cancel or move the appointment in the provider's booking service. The link takes you away from My Kanta.
appointment-booking-service = The provider's booking service ({ $site })
appointment-changes-call = To cancel or move the appointment, call the unit.
appointment-calendar = Add to your calendar (ics file)
appointment-kind-doctor-visit = Doctor's appointment
appointment-kind-nurse-visit = Nurse's appointment
appointment-kind-laboratory = Laboratory test
appointment-kind-imaging = Imaging study
appointment-kind-vaccination = Vaccination
appointment-kind-physiotherapy = Physiotherapy
appointment-kind-oral-health = Oral health care
appointment-kind-child-health-clinic = Child health clinic visit
appointment-kind-follow-up = Follow-up visit
appointment-kind-psychiatry = Psychiatric visit
appointment-kind-clinical-genetics = Clinical genetics visit
appointment-mode-in-person = In person
appointment-mode-phone = Phone appointment
appointment-mode-video = Video appointment
appointment-role-doctor = Doctor
appointment-role-nurse = Nurse
appointment-role-public-health-nurse = Public health nurse
appointment-role-laboratory-nurse = Laboratory nurse
appointment-role-radiographer = Radiographer
appointment-role-physiotherapist = Physiotherapist
appointment-role-dentist = Dentist
appointment-role-dental-hygienist = Dental hygienist
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
action-appointments-list = Viewing appointments
action-appointments-read = Viewing an appointment
action-appointments-calendar = Downloading appointments to a calendar
action-appointments-news = Viewing new appointments
news-appointments-none = No new appointments since your previous visit.
news-appointments-booked = { $count ->
    [one] One new appointment since your previous visit.
   *[other] { $count } new appointments since your previous visit.
}
news-appointments-next = Next appointment on { $date } at { $time }.
