## the organ donation testament

nav-organ-donation = Organ donation testament
organ-donation-title = Organ donation testament
front-organ-donation-text = Your organ donation testament: write, change or withdraw it.
organ-donation-intro = In the organ donation testament you say whether you want to donate your organs and tissues after your death. You can change or withdraw it at any time; earlier versions are kept.
organ-donation-seen-regardless = Care staff see your organ donation testament in force even if you have denied the disclosure of your data.
organ-donation-tell-family = Tell your family about your wish as well, so that they know it.
organ-donation-current = Organ donation testament in force
organ-donation-none = You have no organ donation testament in force.
organ-donation-written = Saved
organ-donation-write = Write an organ donation testament
organ-donation-change = Change your organ donation testament
organ-donation-decision = My wish
organ-donation-decision-question = Do you want to donate your organs and tissues after your death?
donation-decision-yes = Yes, all my organs and tissues may be used.
donation-decision-yes-except = Yes, but I do not want to donate the organs or tissues I choose below.
donation-decision-no = I do not want to donate my organs or tissues.
organ-donation-excluded = I do not donate
organ-donation-excluded-question = Organs and tissues you do not want to donate
organ-donation-excluded-hint = Choose these only if you answered "Yes, but I do not want to donate the organs or tissues I choose below". Choose at least one.
donatable-kind-organ = Organs
donatable-kind-tissue = Tissues
donatable-heart = Heart
donatable-lungs = Lungs
donatable-liver = Liver
donatable-kidneys = Kidneys
donatable-pancreas = Pancreas
donatable-small-intestine = Small intestine
donatable-corneas = Corneas
donatable-heart-valves = Heart valves
donatable-blood-vessels = Blood vessels
donatable-skin = Skin
donatable-bone = Bone tissue
donatable-tendons = Tendons
organ-donation-notes = More about my wish
organ-donation-notes-hint = { $max ->
    [one] Optional. At most one character.
   *[other] Optional. At most { $max } characters.
}
organ-donation-no-notes = Nothing more.
organ-donation-save = Save the organ donation testament
organ-donation-saved = Your organ donation testament has been saved.
organ-donation-withdrawn = Your organ donation testament has been withdrawn. Its earlier versions are in the history.
organ-donation-withdraw-title = Withdrawing the organ donation testament
organ-donation-withdraw-intro = When you withdraw the organ donation testament, you have none in force. Your family will then be asked what you would have wanted. You can write a new one at any time.
organ-donation-withdraw-confirm = I confirm that I want to withdraw my organ donation testament.
organ-donation-withdraw = Withdraw the organ donation testament
organ-donation-history = History of the organ donation testament
organ-donation-history-caption = Versions of the organ donation testament, newest first
organ-donation-no-history = You have not written an organ donation testament.
error-invalid-choose-decision = Choose whether you want to donate your organs and tissues.
error-invalid-choose-excluded = Choose at least one organ or tissue you do not want to donate, or choose another answer.
error-invalid-excluded-without-exceptions = Clear the organs and tissues you chose, or choose "Yes, but I do not want to donate the organs or tissues I choose below".
error-invalid-donation-notes-too-long = { $max ->
    [one] The note can have at most one character. Shorten the text and save again.
   *[other] The note can have at most { $max } characters. Shorten the text and save again.
}
action-organ-donation-read = Viewing the organ donation testament
action-organ-donation-write = Writing the organ donation testament
action-organ-donation-withdraw = Withdrawing the organ donation testament
news-organ-donation-none = You have not saved an organ donation testament.
news-organ-donation-in-force = Your organ donation testament is in force, saved { $date }.
news-organ-donation-withdrawn = You withdrew your organ donation testament { $date }.
