## download

action-download-read = Visning av uppgifterna som kan laddas ner
action-download-file = Nedladdning av alla egna uppgifter
