# My wellbeing data (Kanta PHR): what the person records themself.
action-wellbeing-read = Viewing my wellbeing data
action-wellbeing-read-one = Opening a measurement
action-wellbeing-add = Saving a measurement
action-wellbeing-change = Changing a measurement
action-wellbeing-delete = Deleting a measurement
