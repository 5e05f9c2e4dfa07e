## the organ donation testament

nav-organ-donation = Donationsvilja
organ-donation-title = Donationsvilja
front-organ-donation-text = Din donationsvilja: skriv, ändra eller återkalla.
organ-donation-intro = I donationsviljan berättar du om du vill donera dina organ och vävnader efter din död. Du kan ändra eller återkalla den när som helst; tidigare versioner sparas.
organ-donation-seen-regardless = Vårdpersonalen ser din gällande donationsvilja även om du har förbjudit att dina uppgifter lämnas ut.
organ-donation-tell-family = Berätta också för dina närstående om din vilja, så att de känner till den.
organ-donation-current = Gällande donationsvilja
organ-donation-none = Du har ingen gällande donationsvilja.
organ-donation-written = Sparad
organ-donation-write = Skriv en donationsvilja
organ-donation-change = Ändra donationsviljan
organ-donation-decision = Min vilja
organ-donation-decision-question = Vill du donera dina organ och vävnader efter din död?
donation-decision-yes = Ja, alla mina organ och vävnader får användas.
donation-decision-yes-except = Ja, men jag vill inte donera de organ eller vävnader som jag väljer nedan.
donation-decision-no = Jag vill inte donera mina organ eller vävnader.
organ-donation-excluded = Jag donerar inte
organ-donation-excluded-question = Organ och vävnader som du inte vill donera
organ-donation-excluded-hint = Välj dessa bara om du svarade "Ja, men jag vill inte donera de organ eller vävnader som jag väljer nedan". Välj minst ett.
donatable-kind-organ = Organ
donatable-kind-tissue = Vävnader
donatable-heart = Hjärta
donatable-lungs = Lungor
donatable-liver = Lever
donatable-kidneys = Njurar
donatable-pancreas = Bukspottkörtel
donatable-small-intestine = Tunntarm
donatable-corneas = Hornhinnor
donatable-heart-valves = Hjärtklaffar
donatable-blood-vessels = Blodkärl
donatable-skin = Hud
donatable-bone = Benvävnad
donatable-tendons = Senor
organ-donation-notes = Tilläggsuppgifter om min vilja
organ-donation-notes-hint = { $max ->
    [one] Frivilligt. Högst ett tecken.
   *[other] Frivilligt. Högst { $max } tecken.
}
organ-donation-no-notes = Inga tilläggsuppgifter.
organ-donation-save = Spara donationsviljan
organ-donation-saved = Din donationsvilja har sparats.
organ-donation-withdrawn = Din donationsvilja har återkallats. Dess tidigare versioner syns i historiken.
organ-donation-withdraw-title = Återkalla donationsviljan
organ-donation-withdraw-intro = När du återkallar donationsviljan har du ingen gällande vilja. Då frågas dina närstående vad du skulle ha velat. Du kan skriva en ny vilja när som helst.
organ-donation-withdraw-confirm = Jag bekräftar att jag vill återkalla min donationsvilja.
organ-donation-withdraw = Återkalla donationsviljan
organ-donation-history = Donationsviljans historik
organ-donation-history-caption = Donationsviljans versioner, den senaste först
organ-donation-no-history = Du har inte skrivit någon donationsvilja.
error-invalid-choose-decision = Välj om du vill donera dina organ och vävnader.
error-invalid-choose-excluded = Välj minst ett organ eller en vävnad som du inte vill donera, eller välj ett annat svar.
error-invalid-excluded-without-exceptions = Ta bort valen av organ och vävnader eller välj "Ja, men jag vill inte donera de organ eller vävnader som jag väljer nedan".
error-invalid-donation-notes-too-long = { $max ->
    [one] Tilläggsuppgifterna får ha högst ett tecken. Korta av texten och spara igen.
   *[other] Tilläggsuppgifterna får ha högst { $max } tecken. Korta av texten och spara igen.
}
action-organ-donation-read = Visning av donationsviljan
action-organ-donation-write = Skrivning av donationsviljan
action-organ-donation-withdraw = Återkallande av donationsviljan
news-organ-donation-none = Du har inte sparat någon donationsvilja.
news-organ-donation-in-force = Din donationsvilja gäller, sparad { $date }.
news-organ-donation-withdrawn = Du återkallade din donationsvilja { $date }.
