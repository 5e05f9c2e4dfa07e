## the living will

nav-living-will = Living will
living-will-title = Living will
living-will-intro = In a living will you say how you want to be cared for if you can no longer express your wishes yourself. Professionals see the living will in force. You can change or withdraw it at any time; earlier versions are kept.
living-will-current = Living will in force
living-will-none = You have no living will in force.
living-will-written = Saved
living-will-write = Write a living will
living-will-change = Change your living will
living-will-save = Save living will
living-will-saved = Your living will has been saved.
living-will-withdrawn = Your living will has been withdrawn. Its earlier versions are shown in the history.
living-will-wishes = Other wishes about my care
living-will-wishes-hint = { $max ->
    [one] At most one character. You can say, for example, where you want to be cared for and what matters to you. Attachments cannot be added.
   *[other] At most { $max } characters. You can say, for example, where you want to be cared for and what matters to you. Attachments cannot be added.
}
living-will-no-wishes = No other wishes.
living-will-resuscitation = Resuscitation if my heart stops
living-will-ventilation = Treatment on a ventilator
living-will-tube-feeding = Tube feeding if I cannot eat
living-will-dialysis = Dialysis
living-will-pain-relief = Enough pain relief even if it might shorten my life
living-will-resuscitation-want = I want to be resuscitated.
living-will-resuscitation-refuse = I do not want to be resuscitated.
living-will-resuscitation-undecided = I take no position; the doctor decides.
living-will-ventilation-want = I want treatment on a ventilator.
living-will-ventilation-refuse = I do not want treatment on a ventilator.
living-will-ventilation-undecided = I take no position; the doctor decides.
living-will-tube-feeding-want = I want tube feeding.
living-will-tube-feeding-refuse = I do not want tube feeding.
living-will-tube-feeding-undecided = I take no position; the doctor decides.
living-will-dialysis-want = I want dialysis.
living-will-dialysis-refuse = I do not want dialysis.
living-will-dialysis-undecided = I take no position; the doctor decides.
living-will-pain-relief-want = I want enough pain relief.
living-will-pain-relief-refuse = I do not want pain relief that might shorten my life.
living-will-pain-relief-undecided = I take no position; the doctor decides.
living-will-withdraw-title = Withdrawing the living will
living-will-withdraw-intro = When you withdraw your living will, you have no living will in force. You can write a new one at any time.
living-will-withdraw-confirm = I confirm that I want to withdraw my living will.
living-will-withdraw = Withdraw living will
living-will-history = History of the living will
living-will-history-caption = Versions of the living will, newest first
living-will-no-history = You have not written a living will.
error-invalid-choose-wish = Choose one of the options.
error-invalid-wishes-too-long = { $max ->
    [one] The wishes can be at most one character. Shorten the text and save again.
   *[other] The wishes can be at most { $max } characters. Shorten the text and save again.
}
error-invalid-confirm-withdrawal = Confirm the withdrawal by ticking the box.
action-living-will-read = Viewing the living will
action-living-will-write = Writing the living will
action-living-will-withdraw = Withdrawing the living will
front-living-will-text = Your living will: write, change or withdraw it.
news-living-will-none = You have not saved a living will.
news-living-will-in-force = Your living will is in force, saved on { $date }.
news-living-will-withdrawn = You withdrew your living will on { $date }.
