## download

action-download-read = Viewing what a download of all data holds
action-download-file = Downloading all one's own data
