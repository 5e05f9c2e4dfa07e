## abroad

action-abroad-read = Viewing consents for use abroad
action-abroad-summary = Viewing the Patient Summary
action-abroad-give = Giving consent to use of data abroad
action-abroad-withdraw = Withdrawing consent to use of data abroad
nav-abroad = Abroad
front-abroad-text = Give consent so that your prescription and your Patient Summary can be used in other EU countries.
abroad-title = Abroad
abroad-intro = You can give consent for your ePrescription and your Patient Summary to be used in some EU countries. Consent is given for each service separately. It takes effect at once, and you can withdraw it at any time. Changes are kept in the history.
abroad-eprescription-title = Finnish ePrescription abroad
abroad-eprescription-explain = Once you have given consent, you can buy medicines with your Finnish ePrescription at a pharmacy in the countries below. The pharmacy then sees your valid prescriptions.
abroad-eprescription-give = Give consent to use of the ePrescription abroad
abroad-eprescription-withdraw = Withdraw consent to use of the ePrescription abroad
abroad-eprescription-excluded = Narcotics and medicines acting on the central nervous system cannot be bought abroad with a Finnish prescription.
abroad-your-excluded = So these of your valid prescriptions cannot be used abroad:
abroad-patient-summary-title = Patient Summary abroad
abroad-patient-summary-explain = The Patient Summary gives your most important health information: allergies, diagnoses, medicines, procedures and implants. Once you have given consent, a doctor treating you in the countries below can see it.
abroad-patient-summary-give = Give consent to use of the Patient Summary abroad
abroad-patient-summary-withdraw = Withdraw consent to use of the Patient Summary abroad
abroad-countries = Countries where the service works now
abroad-no-countries = The service does not work in any country now.
abroad-denials-ignored = Denials do not apply to the Patient Summary abroad. If you give consent, a doctor abroad sees the information in your Patient Summary even if you have denied its disclosure in Finland.
abroad-denials-in-force = { $count ->
    [0] You have no denials in force.
    [one] You have one denial in force.
   *[other] You have { $count } denials in force.
}
abroad-see-denials = See consents and denials
abroad-denials-confirm = I have read that denials do not apply to the Patient Summary abroad.
abroad-in-force = Consent in force since { $date }.
abroad-not-given = You have not given consent.
abroad-given = Consent is given and in force at once.
abroad-withdrawn = Consent is withdrawn from now on.
abroad-history = History
abroad-history-caption = Changes to consents, newest first
abroad-no-history = You have not given or withdrawn any consent.
abroad-col-service = Service
abroad-event-given = Given
abroad-event-withdrawn = Withdrawn
news-abroad-consents = { $count ->
    [0] You have not given consent to use of your data abroad.
    [one] One consent to use of your data abroad is in force.
   *[other] { $count } consents to use of your data abroad are in force.
}
news-abroad-new-countries = { $count ->
    [one] The services began to work in one more country.
   *[other] The services began to work in { $count } more countries.
}
error-invalid-abroad-denials-not-read = Confirm that you have read that denials do not apply to the Patient Summary abroad.
country-CZ = Czechia
country-EE = Estonia
country-ES = Spain
country-HR = Croatia
country-LV = Latvia
country-NO = Norway
country-PL = Poland
country-PT = Portugal
abroad-see-summary = See your Patient Summary

## the Patient Summary

nav-patient-summary = Patient Summary
front-patient-summary-text = Your most important health information on one page: what a doctor abroad sees.
patient-summary-title = Patient Summary
patient-summary-intro = The Patient Summary brings together your most important health information. If you have given consent, a doctor treating you in the countries where the service works sees it. You can print it or download it as a file (HL7 IPS, FHIR JSON).
patient-summary-denials = Denials do not apply to the Patient Summary: all of this information about you is in it.
patient-summary-name = Name
patient-summary-birth-date = Date of birth
patient-summary-compiled = Compiled
patient-summary-download = Download the Patient Summary (FHIR JSON)
patient-summary-allergies = Allergies and risk information
patient-summary-problems = Diagnoses
patient-summary-medication = Medication
patient-summary-procedures = Procedures
patient-summary-immunizations = Vaccinations
patient-summary-results = Latest laboratory results
patient-summary-none = Nothing recorded.
patient-summary-delayed-title = Coming later
patient-summary-delayed = { $count ->
    [one] One item will appear in the Patient Summary later, when the delay set by a professional ends:
   *[other] { $count } items will appear in the Patient Summary later, when the delay set by a professional ends:
}
patient-summary-appears = appears { $date }
patient-summary-consent-link = Consent to use of the Patient Summary abroad
