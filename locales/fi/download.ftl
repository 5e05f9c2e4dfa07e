## download

action-download-read = Ladattavien tietojen katsominen
action-download-file = Kaikkien omien tietojen lataaminen
