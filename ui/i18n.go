package ui

import (
	"fmt"
	"strings"

	"github.com/magnetharstad/pvdesk/internal/desk"
	"github.com/magnetharstad/pvdesk/internal/dsr"
	"github.com/magnetharstad/pvdesk/internal/reply"
)

// Strings holds every label the screens draw, in one language. A struct
// rather than a map of keys so that a label missing from one language is a
// compile error or an empty field a test catches, never a key shown raw.
type Strings struct {
	Lang string // "nb" or "en"

	// Page titles.
	Inbox string
	Case  string

	// Inbox column headers.
	ColRef       string
	ColRequester string
	ColRights    string
	ColSubject   string
	ColReceived  string
	ColDue       string
	ColDaysLeft  string
	ColDays      string // the days-left header where "Dager igjen" is too wide
	ColStatus    string

	// Scopes, indexed by desk.Scope.
	Scopes [4]string

	// Case page labels.
	Received   string
	Due        string
	Language   string
	Assignee   string
	Unassigned string
	Extended   string
	Note       string
	Thread     string
	Checklist  string
	History    string
	Rights     string
	NoRights   string
	Subject    string
	Attachment string
	Warning    string
	Incoming   string
	Outgoing   string
	NoSubject  string
	NoMessages string
	NoEvents   string
	Auto       string
	QuoteOpen  string // around evidence phrases
	QuoteClose string
	Staff      string
	Confirmed  string // after rights a handler confirmed

	// Case page header additions.
	PausedSinceFmt string // date; the reason follows in brackets
	ExtendedFmt    string // reason
	RepeatFmt      string // count of requests in twelve months
	NoSteps        string
	StepsLeftFmt   string // left, all

	// Inbox states.
	Loading   string
	NoCases   string
	NoMatches string

	// Days left, as shown in the due column: Today on the due day, DaysFmt
	// for the days left, OverdueFmt for the days past it.
	Today      string
	DaysFmt    string
	OverdueFmt string

	// Status line.
	NeverSynced   string
	SyncedFmt     string // time
	NewCasesFmt   string // count, two or more
	NewCaseOne    string // one
	FetchingFmt   string // done, total (already formatted)
	FetchingStart string // before the count is known
	RateFmt       string // messages per second
	// QuietFmt replaces the rate when a sync has not moved for a while (a
	// stalled server, most often): the seconds since it last did.
	QuietFmt     string
	Connecting   string
	Disconnected string
	RetryInFmt   string // "12 s"
	RetryNow     string
	RetryKey     string // how to try again at once
	FailAuth     string // why intake stopped, by kind of failure
	FailTLS      string
	FailMailbox  string
	FailConfig   string
	FailOther    string
	// Why intake is down while it retries.
	DownUnreachable, DownTimeout, DownLost string
	LoadFailed                             string
	OpenFailed                             string
	ThousandsSep                           string // "1 200" or "1,200"

	// Action results in the footer.
	AssignedFmt   string // user
	ReassignedFmt string // user, previous user
	UnassignedOK  string
	PausedOK      string
	ResumedOKFmt  string // due date
	ExtendedOKFmt string // new due date
	StatusOKFmt   string // status
	RightsOKFmt   string // rights
	NotARequestOK string
	StepDoneFmt   string // step label
	StepUndoneFmt string // step label
	ConflictFmt   string // ref, who, time
	TransitionFmt string // from, to
	ExtendFailed  string // prefix before the reason
	// Why an extension is refused (desk.ExtensionError).
	ExtendNoReason, ExtendAlreadyFmt, ExtendNotOpenFmt, ExtendMonthPassedFmt string
	ActionFailed                                                             string // prefix before the error
	ActionBusy                                                               string
	NothingToResume                                                          string

	// Prompts and pickers.
	PromptAssignFmt   string // ref
	PromptIdentityFmt string // ref
	PromptExtendFmt   string // ref
	PromptNoteFmt     string // step label
	PromptRequired    string
	IdentityReason    string // the default reason for asking for identity
	PickStatusFmt     string // ref, current status
	PickRightsFmt     string // ref
	PickRightsHint    string
	NoNextStatus      string

	// Lead screens: the overview (overview.go) and the figures
	// (figures.go).
	Overview      string // page title
	Figures       string // page title
	LeadsOnly     string // a handler asked for a lead screen
	LeadOnlyAct   string // a handler tried what only a lead may do
	SecApprovals  string // section titles of the overview
	SecOverdue    string
	SecDueSoon    string
	SecPaused     string
	SecUnassigned string
	SecLoad       string
	NoneHere      string // after the title of an empty section
	OpenCountFmt  string // count of open cases
	MarkedFmt     string // count of marked cases
	ColHandler    string
	ColKind       string // of an approval request
	ColBy         string // who asked
	ColAsked      string // when
	ColReason     string
	ColSince      string // paused since
	ColLate       string // days overdue
	ColPausedFor  string // days paused
	ColOpen       string // load columns
	ColOverdue    string
	ColDueSoon    string
	LoadLegend    string // what the parts of the load bars mean
	// ApprovalKinds names the kinds of request ("extension", "refusal").
	ApprovalKinds       map[string]string
	NotAnApproval       string
	PromptRejectFmt     string // kind, ref
	PromptBulkAssignFmt string // count
	ApprovedExtFmt      string // ref, new due date
	ApprovedFmt         string // kind, ref
	RejectedFmt         string // kind, ref
	AssignedOneFmt      string // ref, user
	AssignedManyFmt     string // count, user
	UnassignedOneFmt    string // ref
	UnassignedManyFmt   string // count
	AssignedSomeFmt     string // done, total, user ("" for nobody)
	ChangedByFmt        string // ref, who, time: changed since it was shown
	SentForApprovalFmt  string // kind

	// Figures.
	FigReceived      string // heading of the grid
	ReceivedFmt      string // count of requests, two or more
	ReceivedOne      string // one request
	AllRights        string // the row of totals
	ColSum           string
	FigBacklog       string
	MinMaxFmt        string // min, max
	FigOnTime        string
	OnTimeOfFmt      string // on time, settled
	LateFmt          string
	OverdueOpenFmt   string
	PendingFmt       string
	WithoutAnswerFmt string
	NothingSettled   string
	FigDays          string
	AnsweredFmt      string // count the days are taken over
	Median           string
	P90              string
	FigExtensions    string
	FigRefusals      string
	NoReason         string
	NoRequests       string
	QuarterFmt       string // quarter, year
	AsOfFmt          string // date and time
	Months           [12]string

	// Reply screen.
	Compose          string // page title
	To               string // in front of the recipient
	ComposeDrafts    string // heading over the unsent drafts
	ComposeSuggested string // heading over the templates that fit the case
	ComposeOther     string // ... and over the rest
	DraftFailed      string // marks a draft whose last send failed
	NotSaved         string
	DraftNoFmt       string // draft id
	EditedNote       string // the body was edited since it was checked
	CheckTitle       string
	CheckNeeds       string // heading over inputs the letter lacks
	CheckMissing     string // heading over required content the text lacks
	SendFailedTitle  string
	LastFailedTitle  string // a resumed draft's last error follows
	MoreFmt          string // count of lines left out
	Composing        string
	Saving           string
	Sending          string
	Editing          string
	SendConfirmFmt   string // address
	InDoubtFmt       string // who, when: a send that was never recorded
	SentFmt          string // message id
	SentNoCopyFmt    string // message id, error
	DraftSavedOK     string
	NoMailer         string
	LeadOnly         string
	SendFailed       string // prefix before the error
	// SMTPFail says in the desk's language what a failed send needs, by
	// the kind of failure (desk.ErrorKind); the server's own words follow.
	SMTPFail map[string]string
	// DraftBusy: another desk is sending this draft; ApprovalPending: the
	// case already waits for a lead's decision of this kind; StoreBusy:
	// another pvdesk held the database too long.
	DraftBusy, ApprovalPending, StoreBusy string
	DraftBusyByFmt                        string // the user whose desk is sending
	// SentNotRecorded*: the letter went out, but recording it on the case
	// failed; it must not be sent again.
	SentNotRecordedTitle string
	SentNotRecordedFmt   string // message id, error
	ComposeFailed        string // prefix before the error
	EditorFailed         string // prefix before the error
	DraftsFailed         string // prefix before the error
	// ReasonPrompts asks for the handler's text, for the kinds that
	// carry one.
	ReasonPrompts map[reply.Kind]string
	// KindNames are the templates' names in the list and the header; the
	// descriptions come from reply.Kind.Describe.
	KindNames map[reply.Kind]string

	// Help texts for the keys.
	HelpUp, HelpDown, HelpPgUp, HelpPgDn, HelpHome, HelpEnd string
	HelpOpen, HelpBack, HelpFilter, HelpScope, HelpRefresh  string
	HelpHelp, HelpQuit, HelpNextTab, HelpClearFilter        string
	HelpMove, HelpAssignMe, HelpAssign, HelpIdentity        string
	HelpResume, HelpExtend, HelpStatus, HelpRights          string
	HelpToggle, HelpSubmit, HelpCancel, HelpCompose         string
	HelpSend, HelpSaveDraft, HelpEdit, HelpEditExternal     string
	HelpEditDone, HelpYes, HelpNo, HelpScroll               string
	HelpOverview, HelpFigures, HelpApprove, HelpReject      string
	HelpMark, HelpReassign, HelpPrevPeriod, HelpNextPeriod  string
	HelpPeriodKind, HelpComplete                            string

	// Statuses: long names on the case page, short ones in narrow columns.
	Statuses      map[dsr.Status]string
	ShortStatuses map[dsr.Status]string
	// Rights: long names on the case page, short ones in the inbox.
	RightNames map[dsr.Right]string
	RightShort map[dsr.Right]string
}

// translations returns the labels for lang, falling back to bokmål, the
// language of the office. Each call builds a fresh table, so no screen can
// change another's labels.
func translations(lang string) *Strings {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return english()
	}
	return bokmal()
}

func bokmal() *Strings {
	return &Strings{
		Lang:  "nb",
		Inbox: "Innboks", Case: "Sak",
		ColRef: "Sak", ColRequester: "Innsender", ColRights: "Rettigheter", ColSubject: "Emne",
		ColReceived: "Mottatt", ColDue: "Forfall", ColDaysLeft: "Dager igjen", ColDays: "Igjen", ColStatus: "Status",
		Scopes:   [4]string{desk.ScopeOpen: "åpne", desk.ScopeAll: "alle", desk.ScopeMine: "mine", desk.ScopeUnassigned: "ufordelte"},
		Received: "Mottatt", Due: "Forfall", Language: "Språk",
		Assignee: "Saksbehandler", Unassigned: "ufordelt", Extended: "forlenget",
		Note: "Merknad", Thread: "Tråd", Checklist: "Sjekkliste", History: "Historikk", Rights: "Rettigheter",
		NoRights: "ingen rettigheter funnet", Subject: "Emne",
		Attachment: "Vedlegg", Warning: "Advarsel", Incoming: "inn", Outgoing: "ut",
		NoSubject: "(uten emne)", NoMessages: "Ingen meldinger.", NoEvents: "Ingen hendelser.",
		Auto: "auto", Staff: "saksbehandler", Confirmed: "bekreftet", QuoteOpen: "«", QuoteClose: "»",
		PausedSinceFmt: "pauset siden %s", ExtendedFmt: "forlenget: %s",
		RepeatFmt: "⚠ %d henvendelser siste 12 mnd (art. 12(5))",
		NoSteps:   "Ingen sjekkliste: saken har ingen rettigheter. Bekreft dem med c.", StepsLeftFmt: "%d av %d steg er ikke krysset av",
		Loading: "Laster …", NoCases: "Ingen saker her.", NoMatches: "Ingen treff.",
		Today: "i dag", DaysFmt: "%d d", OverdueFmt: "−%d d",
		NeverSynced: "aldri synkronisert", SyncedFmt: "synkronisert %s", NewCasesFmt: "%d nye", NewCaseOne: "1 ny",
		FetchingFmt: "henter %s/%s", FetchingStart: "henter …", RateFmt: "%d/s",
		QuietFmt:   "ingen fremdrift på %d s",
		Connecting: "kobler til …", Disconnected: "frakoblet", RetryInFmt: "prøver igjen om %s",
		RetryNow: "prøver igjen nå", RetryKey: "r: nå",
		FailAuth:        "innlogging avvist – sjekk brukernavn og passord",
		FailTLS:         "TLS feilet – sjekk sertifikatet og imap.security",
		FailMailbox:     "fant ikke postkassen – sjekk imap.mailbox",
		FailConfig:      "IMAP-oppsettet kan ikke brukes – sjekk konfigurasjonen",
		FailOther:       "innhenting stanset",
		DownUnreachable: "får ikke kontakt med e-posttjeneren", DownTimeout: "e-posttjeneren svarer ikke",
		DownLost:   "forbindelsen til e-posttjeneren ble brutt",
		LoadFailed: "kunne ikke laste sakene: ", OpenFailed: "kunne ikke åpne saken: ", ThousandsSep: " ",
		AssignedFmt: "tildelt %s", ReassignedFmt: "tildelt %s (var %s)", UnassignedOK: "saken er ufordelt", PausedOK: "klokken står – venter på innsender",
		ResumedOKFmt: "klokken går igjen – frist %s", ExtendedOKFmt: "forlenget; ny frist %s", StatusOKFmt: "status: %s",
		RightsOKFmt: "rettigheter bekreftet: %s", NotARequestOK: "bekreftet: ikke en henvendelse",
		StepDoneFmt: "krysset av: %s", StepUndoneFmt: "avkrysning fjernet: %s",
		ConflictFmt:   "%s ble endret av %s kl. %s – lastet inn på nytt; sjekk og prøv igjen",
		TransitionFmt: "saken kan ikke gå fra «%s» til «%s»", ExtendFailed: "kan ikke forlenge: ",
		ExtendNoReason:       "en grunn må oppgis; den står i varselet til personen (art. 12 nr. 3)",
		ExtendAlreadyFmt:     "%s er allerede forlenget",
		ExtendNotOpenFmt:     "%s har status «%s»",
		ExtendMonthPassedFmt: "fristen på én måned (%s) er passert; en forlengelse må varsles innen den",
		ActionFailed:         "kunne ikke lagre: ", ActionBusy: "lagrer fortsatt …", NothingToResume: "klokken står ikke",
		PromptAssignFmt: "Tildel %s til (tomt = ufordelt):", PromptIdentityFmt: "Be om legitimasjon for %s – grunn (klokken stanses):",
		PromptExtendFmt: "Forleng %s – grunn (kreves; står i varselet til personen):",
		PromptNoteFmt:   "Merknad (kreves): %s", PromptRequired: "må fylles ut",
		IdentityReason: "venter på legitimasjon", PickStatusFmt: "Ny status for %s (nå: %s)",
		PickRightsFmt: "Rettigheter i %s", PickRightsHint: "ingen avkrysset = ikke en henvendelse",
		NoNextStatus: "saken kan ikke endre status herfra",

		Overview: "Oversikt", Figures: "Tall", LeadsOnly: "bare for teamledere",
		LeadOnlyAct:  "bare en teamleder kan gjøre dette",
		SecApprovals: "Venter på godkjenning", SecOverdue: "Forfalt", SecDueSoon: "Forfaller snart",
		SecPaused: "Pauset", SecUnassigned: "Ufordelt", SecLoad: "Belastning", NoneHere: "ingen",
		OpenCountFmt: "%d åpne", MarkedFmt: "%d merket",
		ColHandler: "Behandler", ColKind: "Type", ColBy: "Fra", ColAsked: "Bedt om", ColReason: "Begrunnelse",
		ColSince: "Siden", ColLate: "Over", ColPausedFor: "Dager",
		ColOpen: "Åpne", ColOverdue: "Forfalt", ColDueSoon: "Snart", LoadLegend: "█ forfalt  ▓ snart  ▒ øvrige",
		ApprovalKinds:       map[string]string{"extension": "forlengelse", "refusal": "avslag"},
		NotAnApproval:       "y og n gjelder forespørslene under «Venter på godkjenning»",
		PromptRejectFmt:     "Avvis %s for %s – merknad (valgfri):",
		PromptBulkAssignFmt: "Tildel %d saker til (tomt = ufordelt):",
		ApprovedExtFmt:      "forlengelse godkjent for %s; ny frist %s", ApprovedFmt: "%s godkjent for %s",
		RejectedFmt: "%s avvist for %s", AssignedOneFmt: "%s tildelt %s", AssignedManyFmt: "%d saker tildelt %s",
		UnassignedOneFmt: "%s er ufordelt", UnassignedManyFmt: "%d saker er ufordelt",
		AssignedSomeFmt: "%d av %d saker tildelt %s", ChangedByFmt: "%s endret av %s kl. %s",
		SentForApprovalFmt: "%s sendt til teamleder for godkjenning; saken er uendret til da",

		FigReceived: "Mottatt per rettighet og måned", ReceivedFmt: "%d henvendelser", ReceivedOne: "1 henvendelse", AllRights: "alle", ColSum: "sum",
		FigBacklog: "Åpne saker ved slutten av måneden", MinMaxFmt: "min %d · maks %d",
		FigOnTime: "Besvart i tide", OnTimeOfFmt: "%d av %d i tide", LateFmt: "%d for sent",
		OverdueOpenFmt: "%d åpne over frist", PendingFmt: "%d ikke forfalt ennå", WithoutAnswerFmt: "%d lukket uten svar",
		NothingSettled: "ingen er besvart eller over frist ennå", FigDays: "Dager til svar", AnsweredFmt: "over %d besvarte",
		Median: "median", P90: "90-persentil", FigExtensions: "Forlengelser", FigRefusals: "Avslag",
		NoReason: "(ingen begrunnelse)", NoRequests: "Ingen henvendelser i perioden.",
		QuarterFmt: "%d. kvartal %d", AsOfFmt: "per %s",
		Months: [12]string{"jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"},

		HelpUp: "opp", HelpDown: "ned", HelpPgUp: "side opp", HelpPgDn: "side ned",
		HelpHome: "først", HelpEnd: "sist", HelpOpen: "åpne", HelpBack: "tilbake",
		HelpFilter: "filter", HelpScope: "utvalg", HelpRefresh: "oppdater", HelpHelp: "hjelp",
		HelpQuit: "avslutt", HelpNextTab: "faner", HelpClearFilter: "fjern filter",
		HelpMove: "flytt", HelpAssignMe: "til meg", HelpAssign: "tildel", HelpIdentity: "legitimasjon",
		HelpResume: "gjenoppta", HelpExtend: "forleng", HelpStatus: "status", HelpRights: "rettigheter",
		HelpToggle: "kryss av", HelpSubmit: "lagre", HelpCancel: "avbryt", HelpCompose: "svar",
		HelpSend: "send", HelpSaveDraft: "lagre utkast", HelpEdit: "rediger", HelpEditExternal: "$EDITOR",
		HelpEditDone: "ferdig", HelpYes: "ja", HelpNo: "nei", HelpScroll: "rull",
		HelpOverview: "oversikt", HelpFigures: "tall", HelpApprove: "godkjenn", HelpReject: "avvis",
		HelpMark: "merk", HelpReassign: "tildel", HelpPrevPeriod: "forrige", HelpNextPeriod: "neste",
		HelpPeriodKind: "år/kvartal", HelpComplete: "fullfør",

		Compose: "Svar", To: "Til", ComposeDrafts: "Utkast som ikke er sendt",
		ComposeSuggested: "Passer for saken", ComposeOther: "Andre maler", DraftFailed: "sending feilet",
		NotSaved: "ikke lagret", DraftNoFmt: "utkast %d", EditedNote: "endret – sjekkes igjen når det sendes",
		CheckTitle: "Brevet kan ikke sendes slik det står:", CheckNeeds: "Mangler fra saken:",
		CheckMissing: "Mangler i teksten:", SendFailedTitle: "Sending feilet – utkastet er lagret. s prøver igjen.",
		LastFailedTitle: "Forrige forsøk på å sende feilet:", MoreFmt: "… og %d til",
		Composing: "skriver brevet …", Saving: "lagrer …", Sending: "sender …", Editing: "i redigeringsprogrammet …",
		InDoubtFmt:     "%s begynte å sende dette brevet %s, men det ble aldri registrert om det gikk – det kan allerede være sendt. Sjekk Sendt; send likevel? y/n",
		SendConfirmFmt: "Send til %s? y/n", SentFmt: "sendt %s", SentNoCopyFmt: "sendt %s, men ikke arkivert i Sendt: %s",
		DraftSavedOK: "utkast lagret",
		NoMailer:     "ingen SMTP er satt opp ([smtp] i oppsettet) – brevet er lagret som utkast",
		LeadOnly:     "et avslag må godkjennes av en teamleder før brevet kan sendes",
		SendFailed:   "sending feilet: ", ComposeFailed: "kunne ikke skrive brevet: ",
		DraftBusy:            "en annen pult sender dette utkastet nå",
		DraftBusyByFmt:       "%s sender dette utkastet nå",
		SentNotRecordedTitle: "Brevet er sendt, men ikke registrert i saken – send det ikke igjen.",
		SentNotRecordedFmt:   "sendt som <%s>, men registreringen i saken feilet: %v",
		ApprovalPending:      "saken venter allerede på en teamleders avgjørelse om dette",
		StoreBusy:            "databasen er opptatt av en annen pvdesk – prøv igjen om litt",
		SMTPFail: map[string]string{
			"auth":        "SMTP-tjeneren avviste innloggingen – sjekk smtp.username og passordet",
			"tls":         "TLS mot SMTP-tjeneren feilet – sjekk sertifikatet og smtp.security",
			"unreachable": "får ikke kontakt med SMTP-tjeneren – sjekk smtp.host, smtp.port og nettet",
			"timeout":     "SMTP-tjeneren svarte ikke",
			"lost":        "forbindelsen til SMTP-tjeneren brøt",
			"config":      "SMTP-oppsettet kan ikke brukes – sjekk [smtp] i oppsettet",
		},
		EditorFailed: "redigeringsprogrammet feilet: ", DraftsFailed: "kunne ikke lese utkastene: ",
		ReasonPrompts: map[reply.Kind]string{
			reply.Refusal:       "Begrunnelse for avslaget (kreves; står i brevet):",
			reply.Clarification: "Spørsmålet til personen (kreves; står i brevet):",
			reply.Answer:        "Svaret (kreves; står i brevet):",
			reply.Completion:    "Svaret på klagen (kreves; står i brevet):",
		},
		KindNames: map[reply.Kind]string{
			reply.Receipt: "kvittering", reply.Identity: "legitimasjon", reply.Clarification: "avklaring",
			reply.Extension: "forlenget frist", reply.Completion: "gjennomført", reply.Refusal: "avslag",
			reply.Answer: "svar",
		},
		Statuses: map[dsr.Status]string{
			dsr.StatusNew: "ny", dsr.StatusInProgress: "under arbeid",
			dsr.StatusAwaitingRequester: "venter på innsender", dsr.StatusAnswered: "besvart",
			dsr.StatusClosed: "lukket", dsr.StatusRefused: "avslått", dsr.StatusWithdrawn: "trukket",
			dsr.StatusNotARequest: "ikke en henvendelse",
		},
		ShortStatuses: map[dsr.Status]string{
			dsr.StatusNew: "ny", dsr.StatusInProgress: "i arbeid",
			dsr.StatusAwaitingRequester: "venter", dsr.StatusAnswered: "besvart",
			dsr.StatusClosed: "lukket", dsr.StatusRefused: "avslått", dsr.StatusWithdrawn: "trukket",
			dsr.StatusNotARequest: "ikke sak",
		},
		RightNames: map[dsr.Right]string{
			dsr.Access: "innsyn", dsr.Rectification: "retting", dsr.Erasure: "sletting",
			dsr.Restriction: "begrensning", dsr.Portability: "dataportabilitet",
			dsr.ObjectionMarketing: "reservasjon mot markedsføring", dsr.Objection: "innsigelse",
			dsr.WithdrawConsent: "trekke samtykke", dsr.Information: "informasjon",
			dsr.AutomatedDecision: "automatiserte avgjørelser", dsr.Complaint: "klage",
		},
		RightShort: map[dsr.Right]string{
			dsr.Access: "innsyn", dsr.Rectification: "retting", dsr.Erasure: "sletting",
			dsr.Restriction: "begrensning", dsr.Portability: "portabilitet",
			dsr.ObjectionMarketing: "reservasjon", dsr.Objection: "innsigelse",
			dsr.WithdrawConsent: "samtykke", dsr.Information: "informasjon",
			dsr.AutomatedDecision: "automatisert", dsr.Complaint: "klage",
		},
	}
}

func english() *Strings {
	return &Strings{
		Lang:  "en",
		Inbox: "Inbox", Case: "Case",
		ColRef: "Case", ColRequester: "Requester", ColRights: "Rights", ColSubject: "Subject",
		ColReceived: "Received", ColDue: "Due", ColDaysLeft: "Days left", ColDays: "Left", ColStatus: "Status",
		Scopes:   [4]string{desk.ScopeOpen: "open", desk.ScopeAll: "all", desk.ScopeMine: "mine", desk.ScopeUnassigned: "unassigned"},
		Received: "Received", Due: "Due", Language: "Language",
		Assignee: "Assignee", Unassigned: "unassigned", Extended: "extended",
		Note: "Note", Thread: "Thread", Checklist: "Checklist", History: "History", Rights: "Rights",
		NoRights: "no rights found", Subject: "Subject",
		Attachment: "Attachment", Warning: "Warning", Incoming: "in", Outgoing: "out",
		NoSubject: "(no subject)", NoMessages: "No messages.", NoEvents: "No events.",
		Auto: "auto", Staff: "staff", Confirmed: "confirmed", QuoteOpen: "“", QuoteClose: "”",
		PausedSinceFmt: "paused since %s", ExtendedFmt: "extended: %s",
		RepeatFmt: "⚠ %d requests in 12 months (Art. 12(5))",
		NoSteps:   "No checklist: the case has no rights. Confirm them with c.", StepsLeftFmt: "%d of %d steps are not ticked",
		Loading: "Loading …", NoCases: "No cases here.", NoMatches: "No matches.",
		Today: "today", DaysFmt: "%d d", OverdueFmt: "−%d d",
		NeverSynced: "never synced", SyncedFmt: "synced %s", NewCasesFmt: "%d new", NewCaseOne: "1 new",
		FetchingFmt: "fetching %s/%s", FetchingStart: "fetching …", RateFmt: "%d/s",
		QuietFmt:   "no progress for %d s",
		Connecting: "connecting …", Disconnected: "disconnected", RetryInFmt: "retrying in %s",
		RetryNow: "retrying now", RetryKey: "r: now",
		FailAuth:        "login refused – check the user name and password",
		FailTLS:         "TLS failed – check the certificate and imap.security",
		FailMailbox:     "mailbox not found – check imap.mailbox",
		FailConfig:      "the IMAP settings cannot be used – check the configuration",
		FailOther:       "intake stopped",
		DownUnreachable: "cannot reach the mail server", DownTimeout: "the mail server does not answer",
		DownLost:   "the connection to the mail server was lost",
		LoadFailed: "could not load the cases: ", OpenFailed: "could not open the case: ", ThousandsSep: ",",
		AssignedFmt: "assigned to %s", ReassignedFmt: "assigned to %s (was %s)", UnassignedOK: "the case is unassigned", PausedOK: "clock paused – awaiting the requester",
		ResumedOKFmt: "the clock runs again – due %s", ExtendedOKFmt: "extended; now due %s", StatusOKFmt: "status: %s",
		RightsOKFmt: "rights confirmed: %s", NotARequestOK: "confirmed: not a request",
		StepDoneFmt: "ticked: %s", StepUndoneFmt: "unticked: %s",
		ConflictFmt:   "%s was changed by %s at %s — reloaded; please check and try again",
		TransitionFmt: "a case cannot go from “%s” to “%s”", ExtendFailed: "cannot extend: ",
		ExtendNoReason:       "a reason is required; it goes into the notice to the person (Art. 12(3))",
		ExtendAlreadyFmt:     "%s is already extended",
		ExtendNotOpenFmt:     "%s is “%s”",
		ExtendMonthPassedFmt: "the one-month deadline (%s) has passed; an extension must be notified within it",
		ActionFailed:         "could not save: ", ActionBusy: "still saving …", NothingToResume: "the clock is not paused",
		PromptAssignFmt: "Assign %s to (empty = unassigned):", PromptIdentityFmt: "Ask %s for identity – reason (pauses the clock):",
		PromptExtendFmt: "Extend %s – reason (required; goes into the notice to the person):",
		PromptNoteFmt:   "Note (required): %s", PromptRequired: "required",
		IdentityReason: "awaiting proof of identity", PickStatusFmt: "New status for %s (now: %s)",
		PickRightsFmt: "Rights in %s", PickRightsHint: "none ticked = not a request",
		NoNextStatus: "the case cannot change status from here",

		Overview: "Overview", Figures: "Figures", LeadsOnly: "leads only",
		LeadOnlyAct:  "only a team lead may do this",
		SecApprovals: "Waiting for approval", SecOverdue: "Overdue", SecDueSoon: "Due soon",
		SecPaused: "Paused", SecUnassigned: "Unassigned", SecLoad: "Load", NoneHere: "none",
		OpenCountFmt: "%d open", MarkedFmt: "%d marked",
		ColHandler: "Handler", ColKind: "Kind", ColBy: "By", ColAsked: "Asked", ColReason: "Reason",
		ColSince: "Since", ColLate: "Late", ColPausedFor: "Days",
		ColOpen: "Open", ColOverdue: "Overdue", ColDueSoon: "Soon", LoadLegend: "█ overdue  ▓ due soon  ▒ other",
		ApprovalKinds:       map[string]string{"extension": "extension", "refusal": "refusal"},
		NotAnApproval:       "y and n act on the requests under “Waiting for approval”",
		PromptRejectFmt:     "Reject the %s for %s – note (optional):",
		PromptBulkAssignFmt: "Assign %d cases to (empty = unassigned):",
		ApprovedExtFmt:      "extension approved for %s; now due %s", ApprovedFmt: "%s approved for %s",
		RejectedFmt: "%s rejected for %s", AssignedOneFmt: "%s assigned to %s", AssignedManyFmt: "%d cases assigned to %s",
		UnassignedOneFmt: "%s is unassigned", UnassignedManyFmt: "%d cases are unassigned",
		AssignedSomeFmt: "%d of %d cases assigned to %s", ChangedByFmt: "%s changed by %s at %s",
		SentForApprovalFmt: "%s sent to a team lead for approval; the case is unchanged until then",

		FigReceived: "Received per right and month", ReceivedFmt: "%d requests", ReceivedOne: "1 request", AllRights: "all", ColSum: "total",
		FigBacklog: "Open requests at the end of each month", MinMaxFmt: "min %d · max %d",
		FigOnTime: "Answered on time", OnTimeOfFmt: "%d of %d on time", LateFmt: "%d late",
		OverdueOpenFmt: "%d open past due", PendingFmt: "%d not yet due", WithoutAnswerFmt: "%d closed unanswered",
		NothingSettled: "none answered or past due yet", FigDays: "Days to answer", AnsweredFmt: "over %d answered",
		Median: "median", P90: "90th percentile", FigExtensions: "Extensions", FigRefusals: "Refusals",
		NoReason: "(no reason given)", NoRequests: "No requests in the period.",
		QuarterFmt: "Q%d %d", AsOfFmt: "as of %s",
		Months: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},

		HelpUp: "up", HelpDown: "down", HelpPgUp: "page up", HelpPgDn: "page down",
		HelpHome: "first", HelpEnd: "last", HelpOpen: "open", HelpBack: "back",
		HelpFilter: "filter", HelpScope: "scope", HelpRefresh: "refresh", HelpHelp: "help",
		HelpQuit: "quit", HelpNextTab: "tabs", HelpClearFilter: "clear filter",
		HelpMove: "move", HelpAssignMe: "to me", HelpAssign: "assign", HelpIdentity: "ask for ID",
		HelpResume: "resume", HelpExtend: "extend", HelpStatus: "status", HelpRights: "rights",
		HelpToggle: "tick", HelpSubmit: "save", HelpCancel: "cancel", HelpCompose: "reply",
		HelpSend: "send", HelpSaveDraft: "save draft", HelpEdit: "edit", HelpEditExternal: "$EDITOR",
		HelpEditDone: "done", HelpYes: "yes", HelpNo: "no", HelpScroll: "scroll",
		HelpOverview: "overview", HelpFigures: "figures", HelpApprove: "approve", HelpReject: "reject",
		HelpMark: "mark", HelpReassign: "reassign", HelpPrevPeriod: "previous", HelpNextPeriod: "next",
		HelpPeriodKind: "year/quarter", HelpComplete: "complete",

		Compose: "Reply", To: "To", ComposeDrafts: "Unsent drafts",
		ComposeSuggested: "Fit this case", ComposeOther: "Other templates", DraftFailed: "sending failed",
		NotSaved: "not saved", DraftNoFmt: "draft %d", EditedNote: "edited – checked again when sent",
		CheckTitle: "The letter cannot be sent as it stands:", CheckNeeds: "Missing from the case:",
		CheckMissing: "Missing from the text:", SendFailedTitle: "Sending failed – the draft is kept. s tries again.",
		LastFailedTitle: "The last attempt to send failed:", MoreFmt: "… and %d more",
		Composing: "writing the letter …", Saving: "saving …", Sending: "sending …", Editing: "in the editor …",
		InDoubtFmt:     "%s began sending this letter at %s, but whether it went out was never recorded – it may have been sent already. Check Sent; send it anyway? y/n",
		SendConfirmFmt: "Send to %s? y/n", SentFmt: "sent %s", SentNoCopyFmt: "sent %s, but not filed in Sent: %s",
		DraftSavedOK: "draft saved",
		NoMailer:     "no SMTP configured ([smtp] in the configuration) – the letter is kept as a draft",
		LeadOnly:     "a refusal must be approved by a team lead before the letter can be sent",
		SendFailed:   "sending failed: ", ComposeFailed: "could not write the letter: ",
		DraftBusy:            "another desk is sending this draft now",
		DraftBusyByFmt:       "%s is sending this draft now",
		SentNotRecordedTitle: "The letter went out but is not recorded on the case – do not send it again.",
		SentNotRecordedFmt:   "sent as <%s>, but recording it on the case failed: %v",
		ApprovalPending:      "the case already waits for a team lead's decision on this",
		StoreBusy:            "the database is busy with another pvdesk – try again in a moment",
		SMTPFail: map[string]string{
			"auth":        "the SMTP server refused the login – check smtp.username and the password",
			"tls":         "TLS with the SMTP server failed – check the certificate and smtp.security",
			"unreachable": "cannot reach the SMTP server – check smtp.host, smtp.port and the network",
			"timeout":     "the SMTP server did not answer",
			"lost":        "the connection to the SMTP server broke",
			"config":      "the SMTP settings cannot be used – check [smtp] in the configuration",
		},
		EditorFailed: "the editor failed: ", DraftsFailed: "could not read the drafts: ",
		ReasonPrompts: map[reply.Kind]string{
			reply.Refusal:       "Reasons for the refusal (required; goes into the letter):",
			reply.Clarification: "The question to ask (required; goes into the letter):",
			reply.Answer:        "Your answer (required; goes into the letter):",
			reply.Completion:    "Your answer to the complaint (required; goes into the letter):",
		},
		KindNames: map[reply.Kind]string{
			reply.Receipt: "receipt", reply.Identity: "identity request", reply.Clarification: "clarification",
			reply.Extension: "extension notice", reply.Completion: "completion", reply.Refusal: "refusal",
			reply.Answer: "answer",
		},
		Statuses: map[dsr.Status]string{
			dsr.StatusNew: "new", dsr.StatusInProgress: "in progress",
			dsr.StatusAwaitingRequester: "awaiting requester", dsr.StatusAnswered: "answered",
			dsr.StatusClosed: "closed", dsr.StatusRefused: "refused", dsr.StatusWithdrawn: "withdrawn",
			dsr.StatusNotARequest: "not a request",
		},
		ShortStatuses: map[dsr.Status]string{
			dsr.StatusNew: "new", dsr.StatusInProgress: "in progress",
			dsr.StatusAwaitingRequester: "waiting", dsr.StatusAnswered: "answered",
			dsr.StatusClosed: "closed", dsr.StatusRefused: "refused", dsr.StatusWithdrawn: "withdrawn",
			dsr.StatusNotARequest: "no request",
		},
		RightNames: map[dsr.Right]string{
			dsr.Access: "access", dsr.Rectification: "rectification", dsr.Erasure: "erasure",
			dsr.Restriction: "restriction", dsr.Portability: "data portability",
			dsr.ObjectionMarketing: "objection to marketing", dsr.Objection: "objection",
			dsr.WithdrawConsent: "withdrawal of consent", dsr.Information: "information",
			dsr.AutomatedDecision: "automated decisions", dsr.Complaint: "complaint",
		},
		RightShort: map[dsr.Right]string{
			dsr.Access: "access", dsr.Rectification: "rectify", dsr.Erasure: "erasure",
			dsr.Restriction: "restrict", dsr.Portability: "portability",
			dsr.ObjectionMarketing: "marketing", dsr.Objection: "objection",
			dsr.WithdrawConsent: "consent", dsr.Information: "info",
			dsr.AutomatedDecision: "automated", dsr.Complaint: "complaint",
		},
	}
}

// Status is the long name of st; an unknown status (a newer database)
// shows its identifier rather than nothing.
func (s *Strings) Status(st dsr.Status) string {
	if n, ok := s.Statuses[st]; ok {
		return n
	}
	return string(st)
}

// StatusShort is the short name of st for narrow columns.
func (s *Strings) StatusShort(st dsr.Status) string {
	if n, ok := s.ShortStatuses[st]; ok {
		return n
	}
	return string(st)
}

// Right is the long name of r.
func (s *Strings) Right(r dsr.Right) string {
	if n, ok := s.RightNames[r]; ok {
		return n
	}
	return string(r)
}

// RightsShort joins the short names of the rights in rs, in canonical order.
func (s *Strings) RightsShort(rs dsr.RightSet) string {
	if rs == 0 {
		return "–"
	}
	var b strings.Builder
	for i, r := range dsr.AllRights {
		if rs&(1<<i) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s.RightShort[r])
	}
	return b.String()
}

// Kind is the name of a reply template; an unknown kind (a newer
// database) shows its identifier.
func (s *Strings) Kind(k reply.Kind) string {
	if n, ok := s.KindNames[k]; ok {
		return n
	}
	return string(k)
}

// ApprovalKind names a kind of request for a lead's approval; an unknown
// kind (a newer database) shows its identifier.
func (s *Strings) ApprovalKind(kind string) string {
	if n, ok := s.ApprovalKinds[kind]; ok {
		return n
	}
	return kind
}

// Days is the days-left cell: "i dag", "12 d", "−3 d".
func (s *Strings) Days(n int) string {
	switch {
	case n == 0:
		return s.Today
	case n < 0:
		return fmt.Sprintf(s.OverdueFmt, -n)
	}
	return fmt.Sprintf(s.DaysFmt, n)
}
