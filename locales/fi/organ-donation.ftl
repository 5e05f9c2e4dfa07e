## the organ donation testament

nav-organ-donation = Elinluovutustahto
organ-donation-title = Elinluovutustahto
front-organ-donation-text = Elinluovutustahtosi: kirjoita, muuta tai peru.
organ-donation-intro = Elinluovutustahdossa kerrot, haluatko luovuttaa elimiäsi ja kudoksiasi kuolemasi jälkeen. Voit muuttaa tai perua sen milloin tahansa; aiemmat versiot säilyvät.
organ-donation-seen-regardless = Hoitohenkilökunta näkee voimassa olevan elinluovutustahtosi, vaikka olisit kieltänyt tietojesi luovuttamisen.
organ-donation-tell-family = Kerro tahdostasi myös läheisillesi, jotta he tietävät sen.
organ-donation-current = Voimassa oleva elinluovutustahto
organ-donation-none = Sinulla ei ole voimassa olevaa elinluovutustahtoa.
organ-donation-written = Tallennettu
organ-donation-write = Kirjoita elinluovutustahto
organ-donation-change = Muuta elinluovutustahtoa
organ-donation-decision = Tahtoni
organ-donation-decision-question = Haluatko luovuttaa elimiäsi ja kudoksiasi kuolemasi jälkeen?
donation-decision-yes = Kyllä, kaikkia elimiäni ja kudoksiani saa käyttää.
donation-decision-yes-except = Kyllä, mutta en halua luovuttaa alla valitsemiani elimiä tai kudoksia.
donation-decision-no = En halua luovuttaa elimiäni enkä kudoksiani.
organ-donation-excluded = En luovuta
organ-donation-excluded-question = Elimet ja kudokset, joita et halua luovuttaa
organ-donation-excluded-hint = Valitse nämä vain, jos vastasit "Kyllä, mutta en halua luovuttaa alla valitsemiani". Valitse ainakin yksi.
donatable-kind-organ = Elimet
donatable-kind-tissue = Kudokset
donatable-heart = Sydän
donatable-lungs = Keuhkot
donatable-liver = Maksa
donatable-kidneys = Munuaiset
donatable-pancreas = Haima
donatable-small-intestine = Ohutsuoli
donatable-corneas = Sarveiskalvot
donatable-heart-valves = Sydänläpät
donatable-blood-vessels = Verisuonet
donatable-skin = Iho
donatable-bone = Luukudos
donatable-tendons = Jänteet
organ-donation-notes = Lisätietoja tahdostani
organ-donation-notes-hint = { $max ->
    [one] Vapaaehtoinen. Enintään yksi merkki.
   *[other] Vapaaehtoinen. Enintään { $max } merkkiä.
}
organ-donation-no-notes = Ei lisätietoja.
organ-donation-save = Tallenna elinluovutustahto
organ-donation-saved = Elinluovutustahtosi on tallennettu.
organ-donation-withdrawn = Elinluovutustahtosi on peruttu. Sen aiemmat versiot näkyvät historiassa.
organ-donation-withdraw-title = Elinluovutustahdon peruminen
organ-donation-withdraw-intro = Kun perut elinluovutustahdon, sinulla ei ole voimassa olevaa tahtoa. Silloin läheisiltäsi kysytään, mitä olisit halunnut. Voit kirjoittaa uuden tahdon milloin tahansa.
organ-donation-withdraw-confirm = Vahvistan, että haluan perua elinluovutustahtoni.
organ-donation-withdraw = Peru elinluovutustahto
organ-donation-history = Elinluovutustahdon historia
organ-donation-history-caption = Elinluovutustahdon versiot, uusin ensin
organ-donation-no-history = Et ole kirjoittanut elinluovutustahtoa.
error-invalid-choose-decision = Valitse, haluatko luovuttaa elimiäsi ja kudoksiasi.
error-invalid-choose-excluded = Valitse ainakin yksi elin tai kudos, jota et halua luovuttaa, tai valitse toinen vastaus.
error-invalid-excluded-without-exceptions = Poista valinnat elimistä ja kudoksista tai valitse "Kyllä, mutta en halua luovuttaa alla valitsemiani".
error-invalid-donation-notes-too-long = { $max ->
    [one] Lisätiedoissa voi olla enintään yksi merkki. Lyhennä tekstiä ja tallenna uudelleen.
   *[other] Lisätiedoissa voi olla enintään { $max } merkkiä. Lyhennä tekstiä ja tallenna uudelleen.
}
action-organ-donation-read = Elinluovutustahdon katsominen
action-organ-donation-write = Elinluovutustahdon kirjoittaminen
action-organ-donation-withdraw = Elinluovutustahdon peruminen
news-organ-donation-none = Et ole tallentanut elinluovutustahtoa.
news-organ-donation-in-force = Elinluovutustahtosi on voimassa, tallennettu { $date }.
news-organ-donation-withdrawn = Peruit elinluovutustahtosi { $date }.
