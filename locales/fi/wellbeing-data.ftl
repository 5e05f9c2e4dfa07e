# Omat hyvinvointitiedot (Omatietovaranto): mitä henkilö itse tallentaa.
action-wellbeing-read = Omien hyvinvointitietojen katselu
action-wellbeing-read-one = Mittaustuloksen avaaminen
action-wellbeing-add = Mittaustuloksen tallentaminen
action-wellbeing-change = Mittaustuloksen muuttaminen
action-wellbeing-delete = Mittaustuloksen poistaminen
