package classify

import "github.com/magnetharstad/pvdesk/internal/dsr"

// German word families; folded, so "löschen" is written as it is spelled
// and also matches "loeschen".
const (
	deData     = "daten|*daten|informationen|angaben|kundendaten|personenbezogen*"
	deEraseObj = deData + "|konto|kundenkonto|profil|foto*|bild*"
	deKeepObj  = deData + "|aufnahme*|videoaufnahme*|*aufnahme|*aufnahmen|video*|*video|quittung*|beleg*|kassenbon*|protokoll*|log|logs|bilder|*bilder"
	// deLegalPurpose: the claim data is kept for, somewhere in the mail.
	deLegalPurpose = "beweis*|beweismittel|rechtsstreit*|gericht*|klage|versicherung*|anspruch*|ansprüche*|schadensersatz*|anwalt*|polizei*|verfahren*"
	// deSettled: how a hold ends, a check or a dispute over.
	deSettled = "geklärt|entschieden|geprüft|überprüft|abgeschlossen|erledigt|korrigiert|berichtigt"
	// deKeep: the keeping asked for, the verb last or first.
	deKeep = "aufbewahren|aufzubewahren|bewahren|sichern|behalten|speichern"
	// deSelf: the sender as subject ("ich werde die Quittung aufbewahren").
	deSelf = "ich|wir|werde|werden"
	// deList names the lists one is taken off.
	deList = "verteiler*|*verteiler|liste|*liste|listen|*listen|newsletter*|mailingliste*|emailverteiler"
	// deMailAddr: the compounds a German address field is written as.
	deMailAddr = "e-mail-adresse|emailadresse|e-mailadresse|mailadresse|mail-adresse|wohnadresse|postadresse|postanschrift"
	// deWhom names whose data is asked after: the sender, or a relative
	// or client they write for ("über meine Mutter").
	deWhom = "mich|uns|ihn|mutter|vater|sohn|tochter|kind|kinder|mann|frau|ehemann|ehefrau|eltern|großmutter|großvater|mandant*|mandantin|klient*"
	// deField names a single personal detail a person asks to correct.
	deField = "adresse|anschrift|namen|name|nachname*|vorname*|email|e-mail|telefon*|*telefonnummer|handynummer|mobilnummer|geburtsdatum"
)

// deRules are the German phrase families.
var deRules = []ruleSpec{
	rule(dsr.Erasure, 0.85, "lösch*|loschen").with(noReport|noPermit).in("delete").unlessOnly(cartWords, accountWords),
	rule(dsr.Erasure, 0.7, "entfern* ~4 "+deEraseObj).with(noReport | noPermit).except(listWords).in("remove"),
	rule(dsr.Erasure, 0.9, "recht ~3 vergessenwerden|vergessen"),

	// Not "Auskunftei": a credit bureau is no request for a copy.
	rule(dsr.Access, 0.85, "auskunft|auskünfte|auskunfts*|auskunftsersuchen|auskunftsanfrage*|auskunftsrecht*|selbstauskunft*").with(noReport),
	rule(dsr.Access, 0.8, "kopie ~5 "+deData+"|aufnahme*|*aufnahme|*aufnahmen|aufzeichnung*|*aufzeichnung|*aufzeichnungen|video*|*video|*videos").with(noReport).in("copy").unless("rechnung*|quittung*|beleg*"),
	rule(dsr.Access, 0.65, "welche ~6 über ~2 "+deWhom+"|sie").with(noReport).in("whathave").unless("zweck*|verwendet|weitergegeben|lange|warum|entscheidung*|basiert|beruht|grundlage|logik*"),
	rule(dsr.Access, 0.7, "übersicht|aufstellung|liste ~4 "+deData).with(noReport).in("copy"),
	rule(dsr.Access, 0.6, deData+" ~6 über ~2 "+deWhom).with(noReport | nounPhrase).in("whathave").
		unless("zweck*|verwendet|weitergegeben|lange|warum|bestellung*|lieferung*|rechnung*"),
	// "Was haben Sie eigentlich über mich gespeichert?"
	rule(dsr.Access, 0.65, "was ~4 über ~2 "+deWhom+" ~3 gespeichert|gesammelt|erfasst|registriert|gespeichert|vorliegen|wissen").with(noReport).in("whathave"),
	// "eine Kopie davon" after the data were named (as bokmål "kopi av
	// dem").
	rule(dsr.Access, 0.5, "kopie|kopien ~1 davon|dieser|derselben").with(noReport).given(deData).in("copy").unless("rechnung*|quittung*|beleg*|vertrag*|garantie*"),

	rule(dsr.Rectification, 0.7, "berichtig*|korrigier*|aktualisier*|ändern|ändert|geändert|änderung ~4 adresse|anschrift|namen|name|nachname*|email|telefon*|nummer|geburtsdatum|daten|angaben|"+deMailAddr).in("fix"),
	rule(dsr.Rectification, 0.7, "adresse|anschrift|namen|name|nachname*|email|geburtsdatum|daten|angaben|"+deMailAddr+" ~4 berichtig*|korrigier*|aktualisier*|ändern").in("fix"),
	// "Bitte ändern Sie in meinem Kundenkonto die E-Mail-Adresse": the
	// polite imperative puts the verb first and the field at the end of
	// the middle field, further than the phrase above looks. An order's
	// delivery address is no stored record.
	rule(dsr.Rectification, 0.7, "berichtigen|korrigieren|aktualisieren|ändern ~1 sie ~6 adresse|anschrift|namen|nachnamen|vornamen|geburtsdatum|telefonnummer|handynummer|"+deMailAddr).
		in("fix").unless("bestellung*|lieferung*|lieferadresse|paket*|sendung*|passwort"),
	rule(dsr.Rectification, 0.35, "falsch*|fehlerhaft*|unrichtig*|veraltet* ~3 adresse|anschrift|namen|name|daten|angaben|telefon*|*nummer|email|geburtsdatum").in("err"),
	// "die (Adresse) stimmt nicht mehr".
	rule(dsr.Rectification, 0.35, "stimmt|stimmen ~1 nicht ~1 mehr").with(selfNeg).given(deField).in("err"),
	// "Meine Telefonnummer ist falsch. Bitte korrigieren Sie sie.": the
	// field is named in one sentence and the fix asked for in the next.
	rule(dsr.Rectification, 0.35, deField+" ~4 falsch*|fehlerhaft*|unrichtig*|veraltet*|inkorrekt").in("err").unless("rechnung*|bestellung*|lieferung*|betrag|preis"),
	rule(dsr.Rectification, 0.5, "mein|meine|meinen ~1 "+deField+" ~4 falsch*|fehlerhaft*|unrichtig*|veraltet*|inkorrekt").in("mine"),
	// "... aber ich heiße eigentlich Anne Marit": the real name set against
	// the recorded one.
	rule(dsr.Rectification, 0.35, "aber ~2 heiße|heisse|heißt|heisst").in("shouldbe"),
	rule(dsr.Rectification, 0.45, "korrigier*|berichtig*|aktualisier*|ändern ~1 sie|es|das|dies|diese|ihn|den|die ~1 bitte|auf|in|zu|entsprechend|sie|es|das|dies|diese|ihn").in("fixit").unless("bestellung*|lieferung*|lieferadresse|rechnung*|passwort"),
	// "Können Sie das bitte in meinem Kundenkonto ... ändern?": the
	// modal question puts the verb last, after the place to change it.
	rule(dsr.Rectification, 0.45, "können|könnten|würden ~1 sie ~1 das|dies|es|diese ~6 korrigieren|berichtigen|ändern|aktualisieren|anpassen").in("fixit").
		unless("bestellung*|lieferung*|liefertermin*|termin*|lieferadresse|rechnung*|passwort|farbe|größe|modell"),
	// "eine neue E-Mail-Adresse", "meine neue Anschrift": data out of date
	// (bokmål "ny adresse").
	rule(dsr.Rectification, 0.45, "neue|neuen ~1 "+deField+"|"+deMailAddr).in("new").unless("lieferadresse|bestellung*|lieferung*|rechnung*|passwort"),
	// "ich habe geheiratet", "ich bin umgezogen", "ich heiße jetzt".
	rule(dsr.Rectification, 0.35, "geheiratet|umgezogen|verheiratet").with(noPermit).in("moved"),
	rule(dsr.Rectification, 0.35, "heiße|heisse|heißt|heisst ~1 jetzt|nun|seit|inzwischen").in("moved"),
	rule(dsr.Rectification, 0.45, "das|dies|diese|es|den|fehler ~2 korrigieren|berichtigen|ändern|aktualisieren|richtigstellen").in("fixit").unless("bestellung*|lieferung*|lieferadresse|rechnung*|passwort"),

	rule(dsr.Restriction, 0.9, "einschränkung*|einschränken ~4 verarbeitung"),
	rule(dsr.Restriction, 0.8, "verarbeitung ~4 einschränken|einzuschränken|einschränkung|eingeschränkt").in("limit"),
	rule(dsr.Restriction, 0.8, "schränken|schränke|schränkt ~4 verarbeitung|nutzung|verwendung").in("limit"),
	rule(dsr.Restriction, 0.4, "lösch*").with(onlyNeg).in("keep"),
	rule(dsr.Restriction, 0.5, "nur ~3 speichern|gespeichert|aufbewahren|aufbewahrt").in("storeonly"),
	// "solange Sie prüfen ..., dass diese Aufnahmen nicht weiter verwendet
	// werden": use held off.
	rule(dsr.Restriction, 0.5, "nicht ~1 weiter|mehr ~1 verwendet|genutzt|verarbeitet|benutzt").with(selfNeg).in("hold"),
	rule(dsr.Restriction, 0.35, "rechtsstreit*|gerichtsverfahren*|gericht|beweis*|rechtsansprüche*|klage").in("legal"),
	// "bis der Fall abgeschlossen ist", "solange das nicht korrigiert
	// ist": how long a hold lasts, the verb at the end.
	rule(dsr.Restriction, 0.4, "bis|solange ~5 "+deSettled).in("pause"),
	// "Bitte verwenden Sie die Aufnahmen nicht, bis der Fall geklärt ist":
	// use held off until a check ends, read whole.
	rule(dsr.Restriction, 0.5, "verwenden|nutzen|benutzen|verarbeiten|verwendet|genutzt|verarbeitet ~5 nicht ~8 bis|solange|bevor ~6 "+deSettled).
		with(selfNeg).notAfter(deSelf).in("useuntil"),
	rule(dsr.Restriction, 0.5, "nicht ~4 verwenden|nutzen|benutzen|verarbeiten|verwendet|genutzt|verarbeitet ~8 bis|solange|bevor ~6 "+deSettled).
		with(selfNeg).notAfter(deSelf).in("useuntil"),
	// "Können Sie die Videoaufnahme aufbewahren? Ich brauche sie als
	// Beweis": kept at the sender's request for a claim; "ich werde die
	// Quittung aufbewahren" is their own.
	rule(dsr.Restriction, 0.5, deKeepObj+" ~4 "+deKeep).
		notAfter(deSelf).given(deLegalPurpose).with(noPermit).unless(keepAsked).in("preserve"),
	rule(dsr.Restriction, 0.5, deKeep+" ~1 sie ~4 "+deKeepObj).
		given(deLegalPurpose).with(noPermit).unless(keepAsked).in("preserve"),

	rule(dsr.Portability, 0.45, "übermitteln|übertragen|übertragung|übermittlung ~4 "+deData).in("transfer"),
	rule(dsr.Portability, 0.45, "anderen|neuen ~1 anbieter|verantwortlichen|dienst|app").in("elsewhere"),
	rule(dsr.Portability, 0.45, deData+" ~4 übermitteln|übertragen|übermittelt|übertragen").in("transfer"),
	// "die Daten, die ich Ihnen selbst bereitgestellt habe" (a cue, see
	// bokmål).
	rule(dsr.Portability, 0.45, deData+" ~2 ich ~3 bereitgestellt|angegeben|gegeben|mitgeteilt|überlassen").in("provided"),

	rule(dsr.ObjectionMarketing, 0.85, "abmelden|abbestell*|austragen|abmeldung").in("unsub"),
	// The separable verb: "tragen Sie mich aus dem Verteiler aus", "nehmen
	// Sie mich von der Liste".
	// "Tragen Sie mich in Ihren Newsletter ein" signs up: "in" is the way
	// on, "aus", "von" the way off.
	rule(dsr.ObjectionMarketing, 0.85, "trag|trage|tragen|tragt|nehmen|nehme|streichen|entfernen ~2 mich|uns|meine ~4 "+deList).in("unsub").except("in|ins|für|zum|zur"),
	rule(dsr.ObjectionMarketing, 0.6, "nicht|keine ~3 mehr ~3 anrufen|schicken|senden|kontaktieren|zusenden").with(selfNeg).in("nomore"),
	// "Werbe-SMS will ich auch keine mehr bekommen".
	rule(dsr.ObjectionMarketing, 0.7, "werbe*|werbung|newsletter*|angebote ~5 keine|nicht ~1 mehr").with(selfNeg).in("nomore"),

	rule(dsr.Objection, 0.75, "widersprech*|widerspreche|widerspruch*|widerspricht").or(dsr.ObjectionMarketing, marketingWords).in("object").unless(feeWords),
	rule(dsr.Objection, 0.35, "berechtigt*|legitim* ~1 interesse*").in("li"),
	// "Ich möchte nicht jedes Mal aufgenommen werden, wenn ich nach Hause
	// komme": being filmed by a camera, refused (bokmål "ikke bli
	// filmet"). A call recorded is no camera.
	rule(dsr.Objection, 0.6, "nicht ~5 gefilmt|aufgenommen|überwacht|gespeichert ~1 werden").with(selfNeg | noReport).
		given("kamera*|*kamera|video*|überwachung*|gefilmt|filmt").in("stop"),

	rule(dsr.WithdrawConsent, 0.9, "widerruf*|widerrufe|widerrufen|ziehe ~5 einwilligung*|zustimmung*").in("withdraw"),
	rule(dsr.WithdrawConsent, 0.9, "einwilligung*|zustimmung* ~5 widerruf*|widerrufe|widerrufen|zurück").in("withdraw"),

	rule(dsr.Information, 0.5, "wie ~1 lange ~5 speicher*|gespeichert|aufbewahr*").in("retention"),
	rule(dsr.Information, 0.5, "welche|welchem|welchen ~3 zweck*|zwecke").in("purpose"),
	rule(dsr.Information, 0.5, "rechtsgrundlage*").in("basis"),
	rule(dsr.Information, 0.55, "woher ~5 "+deData+"|adresse|anschrift|nummer|namen|email").in("source"),
	rule(dsr.Information, 0.4, "wer ~5 erhält|zugriff|weitergegeben").in("share"),
	// "An welche Auskunfteien geben Sie Kundendaten weiter?", "an wen
	// werden meine Daten übermittelt?": the recipients (Art. 13(1)(e)).
	rule(dsr.Information, 0.5, "wen|wem|welche|welchen ~6 weiter|weitergegeben|weitergeben|übermittelt|übermitteln|verkauft|verkaufen").with(asked).in("share"),
	rule(dsr.Information, 0.5, "geben|verkaufen|übermitteln ~1 sie ~5 "+deData+" ~4 weiter|an").with(asked).in("share"),
	rule(dsr.Information, 0.45, "warum|wieso ~3 benötigen|brauchen|speichern|erheben").in("why"),

	rule(dsr.AutomatedDecision, 0.45, "automatisiert*|automatisch*|algorithm* ~5 entscheid*|ablehnung|abgelehnt|bewertung|scoring").in("autodec"),
	// "Ihr System hat meinen Antrag auf Ratenkauf abgelehnt".
	rule(dsr.AutomatedDecision, 0.45, "system|systeme|maschine|computer ~6 abgelehnt|abgewiesen|entschieden|gesperrt").in("autodec"),
	rule(dsr.AutomatedDecision, 0.45, "entscheid*|ablehnung|abgelehnt|bewertung|scoring ~5 automatisiert*|automatisch*").in("autodec"),
	rule(dsr.AutomatedDecision, 0.5, "menschlich*|manuell* ~3 prüfung|überprüfung|bewertung|eingreifen").in("human"),
	// "den Antrag noch einmal manuell prüft": the adverb before the verb.
	rule(dsr.AutomatedDecision, 0.45, "manuell ~2 prüft|prüfen|überprüft|überprüfen|bearbeitet|bearbeiten|bewertet|bewerten|nachprüfen").in("human"),
	rule(dsr.AutomatedDecision, 0.45, "mensch|mitarbeiter*|sachbearbeiter* ~8 überprüf*|prüft|prüfen|ansieht|ansehen|anschaut|bewertet").in("human"),
	rule(dsr.AutomatedDecision, 0.3, "ablehnung|abgelehnt ~4 ratenkauf*|kredit*|rechnungskauf*|finanzierung*").in("creditdec"),
	// The perfect tense puts the participle last: "hat meinen Antrag auf
	// Ratenkauf für einen Kühlschrank abgelehnt".
	rule(dsr.AutomatedDecision, 0.3, "ratenkauf*|kredit*|rechnungskauf*|finanzierung*|ratenzahlung*|teilzahlung* ~5 abgelehnt|abgewiesen|verweigert").in("creditdec"),

	// A complaint about data is one; about a product (a leaking machine, a
	// refund) it is customer service, as in bokmål's noProduct. A bare
	// "Beschwerde" (a subject line) needs more than itself.
	rule(dsr.Complaint, 0.7, "beschwerde*|beschweren|beschwere ~5 datenschutz*|daten|verarbeitung|umgang|datatilsynet|aufsichtsbehörde*|personenbezogen*|privatsphäre").in("complain"),
	rule(dsr.Complaint, 0.7, "datenschutz*|daten|verarbeitung|umgang|personenbezogen*|privatsphäre ~6 beschwerde*|beschweren|beschwere").in("complain"),
	rule(dsr.Complaint, 0.45, "beschwerde*|beschweren|beschwere").in("complain").
		unless("produkt*|ware|lieferung*|*maschine|gerät*|reparatur*|ersatz|umtausch|rückgabe|erstattung|kaufbeleg|qualität|defekt*|kaputt|undicht|reklamation*|garantie*|gewährleistung*|preis*"),
}
