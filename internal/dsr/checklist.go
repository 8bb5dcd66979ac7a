package dsr

// Step is one thing a handler must do for a request, shown as a checklist
// item on the case page. Steps are data so the checklist can be read,
// tested and changed in one place.
type Step struct {
	// ID is stable: it is stored with the case's progress. Steps shared by
	// several rights (identity, reply) have one ID, so a case with several
	// rights shows them once.
	ID string
	NB string // label in bokmål
	EN string // label in English
	// PerSystem steps are repeated for each system in desk.systems, with
	// the ID suffixed ":" + system.
	PerSystem bool
}

// Label returns the step's label in lang ("nb" or "en").
func (s Step) Label(lang string) string {
	if lang == "en" {
		return s.EN
	}
	return s.NB
}

// Common steps.
var (
	stepIdentity   = Step{ID: "identity", NB: "Identitet bekreftet", EN: "Identity verified"}
	stepReply      = Step{ID: "reply", NB: "Svar sendt", EN: "Reply sent"}
	stepRecipients = Step{ID: "recipients_told", NB: "Mottakere varslet (art. 19)", EN: "Recipients told (Art. 19)"}
	stepSuppress   = Step{ID: "suppression", NB: "Adressen lagt på reservasjonslisten", EN: "Address added to the suppression list"}
)

// checklists holds the steps per right, in the order they are done.
var checklists = map[Right][]Step{
	Access: {
		stepIdentity,
		{ID: "searched", NB: "Søkt i", EN: "Searched", PerSystem: true},
		{ID: "copy_compiled", NB: "Kopi av opplysningene satt sammen", EN: "Copy of the data compiled"},
		{ID: "art15_info", NB: "Informasjon etter art. 15(1)(a)-(h) tatt med (formål, kategorier, mottakere, lagringstid, rettigheter, klagerett, kilde, automatiserte avgjørelser)", EN: "Art. 15(1)(a)-(h) information included (purposes, categories, recipients, retention, rights, complaint, source, automated decisions)"},
		stepReply,
	},
	Rectification: {
		stepIdentity,
		{ID: "corrected", NB: "Rettet i", EN: "Corrected in", PerSystem: true},
		stepRecipients,
		stepReply,
	},
	Erasure: {
		stepIdentity,
		{ID: "retention_checked", NB: "Lovpålagt oppbevaring vurdert (f.eks. bokføringsloven, fem år); grunn notert hvis noe beholdes", EN: "Legal duty to keep checked (e.g. bookkeeping, five years); reason recorded if kept"},
		{ID: "deleted", NB: "Slettet i", EN: "Deleted in", PerSystem: true},
		stepRecipients,
		{ID: "suppression_if_marketing", NB: "Lagt på reservasjonslisten hvis markedsføring er berørt", EN: "Added to the suppression list if marketing is involved"},
		stepReply,
	},
	Restriction: {
		stepIdentity,
		{ID: "restricted", NB: "Behandling begrenset (merket, ikke brukt) i", EN: "Processing restricted (marked, not used) in", PerSystem: true},
		stepRecipients,
		{ID: "lift_notice", NB: "Varsel før begrensningen oppheves (art. 18(3)) planlagt", EN: "Notice before lifting the restriction (Art. 18(3)) planned"},
		stepReply,
	},
	Portability: {
		stepIdentity,
		{ID: "export_attached", NB: "Maskinlesbar eksport (JSON/CSV) av opplysninger personen har gitt, vedlagt", EN: "Machine-readable export (JSON/CSV) of the data the person provided, attached"},
		{ID: "transfer", NB: "Overført direkte til ny behandlingsansvarlig hvis bedt om og mulig", EN: "Sent directly to the new controller if asked and feasible"},
		stepReply,
	},
	Objection: {
		stepIdentity,
		{ID: "weighing", NB: "Interesseavveining notert (tvingende berettigede grunner?)", EN: "Weighing recorded (compelling legitimate grounds?)"},
		{ID: "processing_stopped", NB: "Behandlingen stanset i", EN: "Processing stopped in", PerSystem: true},
		stepReply,
	},
	ObjectionMarketing: {
		{ID: "marketing_stopped", NB: "Markedsføring stanset straks (ingen avveining, art. 21(3))", EN: "Marketing stopped at once (no weighing, Art. 21(3))"},
		stepSuppress,
		stepReply,
	},
	WithdrawConsent: {
		{ID: "consent_withdrawn", NB: "Samtykket registrert som trukket i", EN: "Consent recorded as withdrawn in", PerSystem: true},
		{ID: "consent_processing_stopped", NB: "Behandling basert på samtykket stanset", EN: "Processing based on that consent stopped"},
		stepReply,
	},
	Information: {
		{ID: "info_given", NB: "Informasjon om behandlingen gitt (art. 13-14)", EN: "Information on the processing given (Art. 13-14)"},
		stepReply,
	},
	AutomatedDecision: {
		{ID: "no_automated_decisions", NB: "Bekreftet at vi ikke treffer automatiserte avgjørelser (art. 22), og sagt det", EN: "Confirmed that we make no automated decisions (Art. 22), and said so"},
		stepReply,
	},
	Complaint: {
		{ID: "complaint_reviewed", NB: "Klagen undersøkt og besvart", EN: "Complaint looked into and answered"},
		{ID: "datatilsynet", NB: "Vist til retten til å klage til Datatilsynet", EN: "Pointed to the right to complain to Datatilsynet"},
		stepReply,
	},
}

// StepsFor returns the steps of one right, unexpanded.
func StepsFor(r Right) []Step { return checklists[r] }

// Checklist returns the steps for a case with these rights: the union in
// the order of the rights, each step once, per-system steps expanded for
// each of systems. Identity comes first and the reply last, whatever the
// rights, because that is the order the work is done in.
func Checklist(rights []Right, systems []string) []Step {
	seen := map[string]bool{}
	var first, middle, last []Step
	for _, r := range SortRights(rights) {
		for _, s := range checklists[r] {
			var expanded []Step
			if s.PerSystem {
				for _, sys := range systems {
					expanded = append(expanded, Step{ID: s.ID + ":" + sys, NB: s.NB + " " + sys, EN: s.EN + " " + sys})
				}
			} else {
				expanded = []Step{s}
			}
			for _, e := range expanded {
				if seen[e.ID] {
					continue
				}
				seen[e.ID] = true
				switch e.ID {
				case stepIdentity.ID:
					first = append(first, e)
				case stepReply.ID:
					last = append(last, e)
				default:
					middle = append(middle, e)
				}
			}
		}
	}
	return append(append(first, middle...), last...)
}
