# Mina välfärdsuppgifter (Kanta PHR): det som personen själv sparar.
action-wellbeing-read = Visning av mina välfärdsuppgifter
action-wellbeing-read-one = Öppnande av ett mätresultat
action-wellbeing-add = Sparande av ett mätresultat
action-wellbeing-change = Ändring av ett mätresultat
action-wellbeing-delete = Radering av ett mätresultat
