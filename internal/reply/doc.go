// Package reply writes the letters pvdesk sends to people who use their
// data-protection rights: from Go text/template files, in Norwegian bokmål
// and English, and checked for the content the law requires before they
// can be sent.
//
// # Kinds
//
// Each letter is of one Kind, named as on the command line (pvdesk reply
// REF --template NAME):
//
//	receipt        acknowledgement of receipt, with the date we answer by
//	identity       request to confirm identity (Art. 12(6))
//	clarification  question to the person; the question is Data.Reason
//	extension      extension notice with the reason and the new date (Art. 12(3))
//	completion     answer when the request is done: one section per right on the case
//	refusal        refusal with reasons and the remedies of Art. 12(4)
//	answer         general answer; the substance is Data.Reason
//
// # Template files
//
// There is one file per kind and language, named KIND.LANG.tmpl with LANG
// nb or en: receipt.nb.tmpl, receipt.en.tmpl, ... The built-in files are
// embedded from templates/. A file of the same name in the templates
// directory ($XDG_CONFIG_HOME/pvdesk/templates/, passed to Load) replaces
// the built-in one; the others stay built in. Set.Text gives a template's
// text as a starting point. A *.tmpl file there with any other name is an
// error, so that a misspelt override is not silently ignored.
//
// A file holds the subject on its first line, then a blank line, then the
// body:
//
//	Subject: Svar på henvendelsen din [{{.Ref}}]
//
//	Hei{{with .RequesterName}} {{.}}{{end}},
//	...
//
// The "Subject:" prefix is case-insensitive. The subject is itself a
// template and is flattened to one line after rendering. In the body,
// trailing spaces are removed, runs of blank lines become one, and blank
// lines at the start and end are dropped, so {{if}} blocks need no care
// about line breaks. Write each paragraph on one line; mail clients wrap
// it.
//
// Parse errors name the file and line. Templates run with
// missingkey=error: a field Data does not have is an error, not an empty
// string.
//
// # Data
//
// Templates are executed with a Data value: .Ref, .RequesterName,
// .RequesterAddr, .Rights, .Received, .Due, .Extended, .ExtendReason,
// .Reason, .Handler, .Language, .Now and .Company (.Company.Name, .OrgNr,
// .Address, .Email, .Web). See Data for what each holds. .Rights is in
// canonical order without duplicates.
//
// Functions, each in the language of the template file:
//
//	date T          a date in Oslo: "7. april 2026" (nb), "7 April 2026" (en); "" for a zero time
//	rightName R     a right with its article: "innsyn (art. 15)", "access (Art. 15)"
//	rightsList RS   rights as a phrase: "innsyn (art. 15) og sletting (art. 17)"
//	has "LABEL"     whether the case has the right with that label (RIGHTS.md);
//	                an unknown label is an error
//
// For example {{if has "access"}}...{{end}} writes the access section only
// for a case with the right of access, and {{with date .Received}} av
// {{.}}{{end}} writes the date only if it is known.
//
// # Mandatory content
//
// After rendering, Render checks that the letter still says what it must;
// a letter that fails is returned with a *CheckError listing every missing
// item, and must not be sent. Check does the same for a letter a handler
// has edited. Some inputs are needed before a letter can be written at all
// (an extension needs Data.ExtendReason and Data.Extended; a refusal, a
// clarification request and a general answer need Data.Reason; a receipt
// needs Data.Due; a completion needs at least one right, and Data.Reason
// if it answers a complaint; every letter needs Data.Ref and
// Data.Company.Name).
//
// The checks ignore case and how white space and line breaks fall. A word
// must start a word (after a space or a non-letter such as "(" or "-", so
// "pdf-kopi" holds "kopi*"); a word ending in "*" may go on ("slett*"
// matches "slettet"), one without must end there ("ikke" does not match
// "ikkje"); a "*" on its own stands for any one word ("let * know").
// "One sentence with (A | B) and (C | D)" means one sentence must hold one
// of A, B and one of C, D. "The text of X" means the value of Data.X as
// given. A date is accepted as {{date .Due}} writes it, as YYYY-MM-DD or as
// DD.MM.YYYY. An override may phrase everything its own way, as long as
// it keeps these words. In bokmål templates:
//
//	every letter   subject: the text of Ref; body: the text of Company.Name
//	receipt        Due as {{date .Due}}, YYYY-MM-DD or DD.MM.YYYY
//	identity       one of identitet*, legitim*
//	clarification  the text of Reason
//	extension      the text of ExtendReason; Due as {{date .Due}}, YYYY-MM-DD or DD.MM.YYYY
//	refusal        the text of Reason; datatilsynet*; one of domstol*, søksmål*, tingrett*
//	answer         the text of Reason
//	completion     for each right on the case:
//	  access               copy: kopi*; (a) formål*; (b) kategori*; (c) mottaker*;
//	                       (d) one of lagringstid*, lagringsperiode*, oppbevaringstid*, hvor lenge, oppbevar*, lagrer, lagres;
//	                       (e) one of retting*, rettelse*, korriger*, å rette; slett*; begrens*; one of protest*, innsigelse*, motsett*;
//	                       (f) datatilsynet*;
//	                       (g) one of kilde*, kommer fra, fått fra, hentet fra; (h) automatiser*
//	  rectification        one of rettet, korrigert, oppdatert; and Art. 19 (below)
//	  erasure              slettet; and Art. 19
//	  restriction          begrens*; and Art. 19
//	  portability          one of maskinlesbar*, json, csv
//	  objection_marketing  one sentence with (markedsfør* | nyhetsbrev* | reklame*) and (ikke lenger | ikke mer | stanset | stoppet | avsluttet)
//	  objection            one of stanset, stoppet, avsluttet, tvingende
//	  withdraw_consent     one sentence with (samtykk*) and (trukket tilbake | trekke tilbake | trekker tilbake | tilbaketrek*)
//	  information          formål*; one of behandlingsgrunnlag*, rettslig grunnlag*, grunnlaget for; datatilsynet*
//	  automated_decision   one sentence with (automatiser*) and (ingen | ikke)
//	  complaint            the text of Reason; datatilsynet*
//	  Art. 19              one sentence with (mottaker*) and (beskjed | varsl* | informert | underrett*),
//	                       or one of art. 19, artikkel 19
//
// In English templates:
//
//	every letter   subject: the text of Ref; body: the text of Company.Name
//	receipt        Due as {{date .Due}}, YYYY-MM-DD or DD.MM.YYYY
//	identity       one of identity, identify*, identification
//	clarification  the text of Reason
//	extension      the text of ExtendReason; Due as {{date .Due}}, YYYY-MM-DD or DD.MM.YYYY
//	refusal        the text of Reason; datatilsynet*; one of court*, judicial remedy
//	answer         the text of Reason
//	completion     for each right on the case:
//	  access               copy: one of copy, copies; (a) purpose*; (b) categor*; (c) recipient*;
//	                       (d) one of retention, retain*, how long, storage period*, stored for, kept for;
//	                       (e) one of rectif*, correct*; one of erase*, erasure, delet*; restrict*; object*;
//	                       (f) datatilsynet*;
//	                       (g) one of source*, come from, comes from, came from, obtained, got it from; (h) automated
//	  rectification        one of corrected, rectified, updated; and Art. 19 (below)
//	  erasure              one of deleted, erased; and Art. 19
//	  restriction          restrict*; and Art. 19
//	  portability          one of machine-readable, machine readable, json, csv
//	  objection_marketing  one sentence with (marketing | newsletter* | advertising) and (no longer | not * any more | not * anymore | stopped)
//	  objection            one of stopped, ceased, compelling
//	  withdraw_consent     one sentence with (consent*) and (withdr*)
//	  information          purpose*; one of legal basis, lawful basis, legal bases, lawful bases; datatilsynet*
//	  automated_decision   one sentence with (automated) and (no | not | never | don't | doesn't)
//	  complaint            the text of Reason; datatilsynet*
//	  Art. 19              one sentence with (recipient*) and (told | notified | informed | let * know),
//	                       or one of art. 19, article 19
//
// A sentence ends at a blank line, at a line starting a list item ("- ",
// "* "), or at ".", "!" or "?" followed by a capital letter, so "art. 19"
// and "7. april" do not end one. Requirements returns these rules as data.
package reply
