package classify

import "github.com/magnetharstad/pvdesk/internal/dsr"

// English word families.
const (
	enData    = "data|information|info|details|records|record|personal|everything|anything|profile|history"
	enPersons = "me|us|him|her|them|client|son|daughter|mother|father|child|wife|husband|myself|ourselves"
	// enLegalPurpose: the claim data is kept for, somewhere in the mail.
	enLegalPurpose = "evidence|proof|claim|claims|dispute|court|lawsuit|litigation|tribunal|insurance|insurer|lawyer*|solicitor*|police"
	// enSettled: how a hold ends, a check or a dispute over.
	enSettled = "resolved|resolution|checked|verified|investigated|decided|settled|outcome|concluded|" +
		"corrected|fixed|rectified|closed|over|reviewed|assessed|examined"
	// enRestrictGoods: a hold on an order, a payment or a parcel is
	// customer service, not a hold on data.
	enRestrictGoods = "order|orders|parcel|package|payment|card|delivery|invoice*"
	// enSelf: the sender as subject ("I'll keep the receipts"), who
	// does not ask us.
	enSelf = "i|we|i'll|ill|i'd|we'll"
	// enComplaintCtx: words of which a complaint about data protection
	// names at least one somewhere in the mail.
	enComplaintCtx = enData + "|privacy|gdpr|datatilsynet|authority|ico|regulator|request|requests|consent|email|emails|e-mail|" +
		"address|addresses|phone|number|marketing|newsletter*|account|breach|leak|leaked|exposed|delete|deleted|deletion|erase|" +
		"access|copy|camera|cameras|footage|recording|recordings|cctv|tracking|tracked|decision|automated|name|names|unsubscribe*|" +
		"sar|dsar|dpo|article|art|handled|handling|sms|texts|calls|messages|spam|birth|dob|birthday|surname|passport|id"
	// enOwnData: what a copy or a transfer is of.
	enOwnData = "data|information|info|personal|records|details"
	// enRecording: camera and call recordings, which hold the person too.
	enRecording = "footage|recording|recordings|video|videos|cctv|camera"
	enRectVerb  = "correct|corrected|correcting|correction|rectify|rectification|rectified|update|updated|updating|" +
		"amend|amended|amendment|fix|fixed|change|changed|changing|edit"
	enRectObj = "address|addresses|name|names|surname|lastname|firstname|email|emailaddress|phone|telephone|number|mobile|" +
		"birth|birthday|dob|birthdate|details|data|information|record|records|spelling|postcode|zip"
	enErr = "wrong|wrongly|incorrect|incorrectly|misspelt|misspelled|misspelling|mistake|mistaken|outdated|inaccurate|" +
		"incomplete|typo|error|errors|old"
	enProduct = "product|item|machine|delivery|parcel|quality|repair|price|shop|goods|appliance|warranty|" +
		"blender|kettle|fridge|freezer|oven|microwave|dishwasher|tv|broken|cracked|faulty|refund|replacement|receipt|money|" +
		"charged|payment|order|service"
	// enCredit: the credit we grant with an automated check.
	enCredit = "credit|invoice|instalment*|installment*|financing|finance|loan|klarna"
	enAuto   = "automated|automatic|automatically|automation|algorithm|algorithmic|system|computer|machine|ai|software|bot"
	enDec    = "decision*|decided|refus*|declined|decline|rejected|rejection|denied|scoring|score|assessment|assessed|" +
		"flagged|blocked|cancelled|canceled|screened|filtered"
)

// enRules are the English phrase families.
var enRules = []ruleSpec{
	// erasure
	rule(dsr.Erasure, 0.85, "delete|deleted|deleting|deletion|erase|erased|erasing|erasure|wipe|wiped|purge|purged").
		with(noReport|noPermit).in("delete").notOf("cart|basket|wishlist|item|items|app|order|orders|booking|appointment|reservation|duplicate|product|products").
		unlessOnly(cartWords, accountWords),

	rule(dsr.Erasure, 0.75, "remove|removed|removing|removal ~4 "+enData+"|account|accounts|photo*|picture*|image*|pictures|images|me|everything|all|database|system*|customer|membership|traces").
		with(noReport | noPermit).except(listWords).unless(listWords).in("remove"),
	rule(dsr.Erasure, 0.9, "right ~3 forgotten|erasure"),
	rule(dsr.Erasure, 0.7, enData+"|account|accounts|profile|details ~4 removed|deleted|erased|wiped").
		with(noPermit).except("was|were|been|is|are|got|has|had|would|will|shall").in("remove"),
	rule(dsr.Erasure, 0.7, "forget ~2 me|my|everything|all"),
	rule(dsr.Erasure, 0.6, "take ~3 down").with(noReport | noPermit).in("remove"),
	rule(dsr.Erasure, 0.6, "get ~1 rid ~2 of ~3 "+enData+"|account").with(noReport | noPermit).in("remove"),
	rule(dsr.Erasure, 0.5, "close|closing|terminate|delete ~3 account|accounts|profile").with(noReport).in("close"),
	rule(dsr.Erasure, 0.4, "cancel|cancelling|end|leave ~3 membership|subscription|account").with(noReport).in("close"),
	rule(dsr.Erasure, 0.7, "anonymi*"),
	rule(dsr.Erasure, 0.55, "no ~1 longer ~2 want|wish ~3 you ~3 hold|have|keep|store").with(selfNeg).in("notstored"),
	rule(dsr.Erasure, 0.5, "don't|dont|do ~2 want ~2 you ~2 to ~1 keep|hold|store|have").with(selfNeg).in("notstored"),

	// access
	rule(dsr.Access, 0.9, "subject ~1 access").with(noReport),
	rule(dsr.Access, 0.85, "access ~1 request|requests").with(noReport),
	rule(dsr.Access, 0.85, "right ~2 access").with(noReport),
	rule(dsr.Access, 0.7, "access ~3 my|our|his|her|the ~2 "+enOwnData).with(noReport).in("copy").
		unless("portal|login|log|website|site|password|online|app|page|account"),
	rule(dsr.Access, 0.8, "copy|copies ~6 "+enData+"|hold|held|stored|have|"+enRecording).with(noReport).in("copy").
		unless("receipt|receipts|invoice|invoices|contract|agreement|passport|licence|license|warranty|letter"),
	// "what details about me are sent to the credit agency?" asks about
	// recipients (see bokmål's passOn).
	rule(dsr.Access, 0.65, "what|which ~6 on|about ~1 "+enPersons).with(noReport).in("whathave").
		unless("used|use|purpose*|share|shared|sell|long|why|collect|collected|decision|decisions|decided|based|basis|rely|relied|logic|reasoning|criteria|factors").
		notOf(passOn),
	rule(dsr.Access, 0.6, "what|which ~5 have|hold|store|stored|keep|kept ~3 on|about").with(noReport).in("whathave").
		unless("used|use|purpose*|share|shared|sell|long|why|collect|decision|decisions|decided|based|basis|rely|relied|logic|reasoning|criteria|factors"),
	// "which partners get my details" asks about recipients: another
	// party getting the data is no copy for the sender.
	rule(dsr.Access, 0.55, "see|view|get|receive ~3 all|my|everything|any ~3 "+enOwnData).with(noReport | nounPhrase).in("copy").
		notAfter("partners|partner|companies|company|others|third|parties|advertisers|processors|who"),
	rule(dsr.Access, 0.6, enOwnData+" ~4 have|has|hold|holds|store|stores|keep|keeps|process|processes|collected ~3 on|about|concerning|regarding ~1 "+enPersons).
		with(noReport | nounPhrase).in("whathave").unless("used|use|purpose*|share|shared|sell|long|why|decision|decisions|decided|based|basis|rely|relied|logic|reasoning|criteria|factors"),
	rule(dsr.Access, 0.65, enData+" ~3 you|u|ya ~3 have|hold|store|keep|process|processing|collected|stored|holding|got ~3 on|about|concerning ~1 "+enPersons).
		with(noReport | nounPhrase).in("whathave").unless("used|use|purpose*|share|shared|sell|long|why|decision|decisions|decided|based|basis|rely|relied|logic|reasoning|criteria|factors"),

	rule(dsr.Access, 0.65, "which|what ~2 of ~1 my ~2 "+enOwnData+" ~4 you|u ~2 have|hold|store|keep|process").with(noReport).in("whathave"),
	rule(dsr.Access, 0.6, enRecording+" ~3 of|showing|with ~1 me|myself").with(noReport | nounPhrase).in("copy"),
	// "the personal information held by your office regarding myself":
	// the data named by the participle, the holder between.
	rule(dsr.Access, 0.6, enOwnData+" ~1 held|stored|kept|processed|recorded ~6 on|about|concerning|regarding ~1 "+enPersons).
		with(noReport | nounPhrase).in("whathave").unless("used|use|purpose*|share|shared|sell|long|why|decision|decisions|decided|based|basis|rely|relied|logic|reasoning|criteria|factors"),
	// "... along with a copy of the same": the copy of what the sentence
	// named before, in a mail about the person's data.
	rule(dsr.Access, 0.6, "copy|copies ~2 of ~1 the ~1 same").with(noReport).given(enOwnData).in("copy").
		unless("receipt|receipts|invoice|invoices|contract|agreement|passport|licence|license|warranty|letter"),
	// "I still want the copy": a request renewed in a reminder, the first
	// told as past ("since I asked for a copy of my data").
	rule(dsr.Access, 0.6, "still ~2 want|need|require|expect|await|awaiting|waiting ~4 copy|copies|access").given(enOwnData).in("copy").
		unless("receipt|receipts|invoice|invoices|contract|agreement|passport|licence|license|warranty|letter"),
	rule(dsr.Access, 0.7, "let ~1 me ~2 see|view|watch|have ~3 "+enRecording).with(noReport).in("copy"),
	// Where the data came from (Art. 14(2)(f)) is a question about the
	// processing; with a copy asked for too, it is part of access.
	rule(dsr.Information, 0.55, "where|how ~3 you ~2 get|got|obtain|obtained|find|found|source|sourced|buy|bought ~3 my|them|it|details|data|address|number|name|email").with(noReport).in("source"),
	rule(dsr.Information, 0.5, "source|sources|origin ~4 "+enOwnData+"|address|number|name|email|details").in("source"),
	rule(dsr.Information, 0.5, "what ~2 gives|gave ~2 you ~2 right").in("basis"),
	// "how are you picking what to send me, and what are you basing it on?"
	rule(dsr.Information, 0.5, "how ~3 you ~2 pick|picking|choose|choosing|decide|deciding|select|selecting|target|targeting ~4 send|show|offer|offers|ads|adverts|me").in("profiling"),
	rule(dsr.Information, 0.45, "what ~2 basing|based ~2 it|this|that|them ~1 on").in("profiling"),
	rule(dsr.Access, 0.55, "request|requesting|obtain|receive|send ~3 my|all ~2 "+enOwnData).with(noReport).in("copy").
		unless("delet*|eras*|remov*|correct*|updat*|transfer*|portab*|export*|machine*"),
	rule(dsr.Access, 0.5, "see|view|know ~2 what ~4 "+enData+"|have|hold|store").with(noReport).in("whathave").
		unless("used|use|purpose*|share|shared|sell|long|why|collect|decision|decisions|decided|based|basis|rely|relied|logic|reasoning|criteria|factors"),
	rule(dsr.Access, 0.4, "confirm|confirmation ~4 whether|if ~4 process|processing|hold").with(noReport),
	rule(dsr.Access, 0.55, "printout|overview|summary|list ~4 "+enOwnData).with(noReport).in("overview").unless("order*|invoice*|price*"),

	// rectification
	rule(dsr.Rectification, 0.7, enRectVerb+" ~4 "+enRectObj).with(noReport | noPermit).in("fix").unless("order|invoice*|delivery|password|shipping|booking"),
	rule(dsr.Rectification, 0.7, enRectObj+" ~3 corrected|updated|changed|amended|fixed|rectified").with(noReport).in("fix").
		unless("order|invoice*|delivery|password|shipping|booking"),
	rule(dsr.Rectification, 0.45, "correct|fix|amend|rectify|update it|this|that|them|these|error|mistake").in("fixit"),
	// "Can it be corrected?": the fix asked in the passive.
	rule(dsr.Rectification, 0.45, "it|this|that|these|they ~2 be ~1 corrected|rectified|amended|fixed|updated").in("fixit"),
	rule(dsr.Rectification, 0.35, enErr+" ~3 "+enRectObj).in("err").unless("complained|order|invoice*|amount|price|item"),
	rule(dsr.Rectification, 0.35, enRectObj+" ~8 "+enErr).in("err").unless("complained|order|invoice*|amount|price|item"),
	// "your system has me down as Jon Smith".
	rule(dsr.Rectification, 0.35, "registered|recorded|listed|stored|spelled|spelt|down ~2 as|incorrectly|wrongly").in("err"),
	rule(dsr.Rectification, 0.35, "should ~1 be|read|say").in("shouldbe"),
	rule(dsr.Rectification, 0.35, enRectObj+" ~2 is|was ~1 spelled|spelt|written|listed").in("err"),
	rule(dsr.Rectification, 0.35, "change|update|amend|correct ~2 it|this|them ~1 to").in("newvalue"),
	rule(dsr.Rectification, 0.35, "correct|right|new ~1 one|number|address|name|email|spelling ~1 is").in("shouldbe"),
	// "... but my name is Anne Marit", "my full name is": the real name set
	// against the recorded one.
	rule(dsr.Rectification, 0.35, "but|actually|full|real|legal ~2 name ~1 is").in("shouldbe"),
	// "... but I was born in 1997": the real date set against it.
	rule(dsr.Rectification, 0.35, "but|actually ~3 born").in("shouldbe"),
	rule(dsr.Rectification, 0.35, enRectObj+" ~8 out of date").in("err"),
	rule(dsr.Rectification, 0.5, "my|our|his|her ~3 "+enRectObj+" ~5 "+enErr).in("mine").unless("complained|order|invoice*|amount|price|item"),
	// "Can you change the delivery address on order 12345?" is about
	// the order, as for "fix" above (its list, one word family).
	rule(dsr.Rectification, 0.45, "please|could|can|kindly ~2 correct|update|fix|amend|change|rectify").in("fixit").
		unless("order|invoice*|delivery|password|shipping|booking"),
	rule(dsr.Rectification, 0.45, "new ~1 address|email|surname|name|number|phone").in("new"),
	rule(dsr.Rectification, 0.35, "moved|relocated|married|divorced").with(noPermit).in("moved"),

	rule(dsr.Rectification, 0.5, "changed|change ~3 surname|name|address|email|number").in("new").
		unless("order|invoice*|delivery|password|shipping|booking"),
	// "the complete details of my data" is an adjective, no verb.
	rule(dsr.Rectification, 0.6, "complete|supplement|completing ~4 "+enRectObj+"|file|case|entry").in("complete").
		notAfter("the|a|an|your|their|its|full|and"),

	// restriction
	rule(dsr.Restriction, 0.85, "restrict|restricted|restricting ~4 processing|use|using|its|the").in("limit"),
	rule(dsr.Restriction, 0.8, "restriction|restrictions ~4 processing|data|information|use|article|art").in("limit"),
	rule(dsr.Restriction, 0.7, "request|requesting|ask ~2 for ~1 restriction").in("limit"),
	rule(dsr.Restriction, 0.5, "only|just|solely ~3 store|stored|storage|keep|kept|retain|retained").in("storeonly"),
	rule(dsr.Restriction, 0.5, "keep|store|retain|preserve ~6 but ~3 not|don't|dont ~2 use|process|share").with(selfNeg).in("storeonly"),
	// "please don't use that fraud marking against me ... until it has been
	// checked".
	rule(dsr.Restriction, 0.5, "didn't|didnt|don't|dont|not ~1 use ~4 against ~1 me|us").with(selfNeg).in("dontuse"),
	// "until that's sorted, I'd rather you didn't use that record for
	// anything at all".
	rule(dsr.Restriction, 0.5, "didn't|didnt|don't|dont|not ~1 use ~4 for ~1 anything").with(selfNeg).in("dontuse"),
	// "I do not want that payment history used for anything": the
	// passive after "want"; on its own it may object to one use, so it
	// is weak, and counts beside a hold ("until you have checked").
	rule(dsr.Restriction, 0.4, "don't|dont|not ~1 want ~5 used|processed|shared|disclosed|passed").with(selfNeg).in("dontuse"),
	rule(dsr.Restriction, 0.45, "put|keep|place ~2 on ~1 hold").given("record|records|data|details|account|information|flag*").in("hold"),
	rule(dsr.Restriction, 0.4, "not|don't|dont|stop ~3 use|using|process|processing|share|sharing|pass ~8 until|while|pending").with(selfNeg).in("pause"),
	rule(dsr.Restriction, 0.4, "pending|until|while ~5 "+enSettled).in("pause"),
	rule(dsr.Restriction, 0.4, "until|while ~3 you|u|they|magnet ~1 check|checks|checking|investigate|investigating|verify|verifying|review|reviewing|look|looking").in("check").
		unless(enRestrictGoods),
	rule(dsr.Restriction, 0.4, "refrain|hold ~1 from|off ~2 using|processing|sharing|disclosing ~8 until|while|pending").in("holdoff").
		unless(enRestrictGoods),
	rule(dsr.Restriction, 0.35, "not|don't|dont|never ~2 use|using|process|share|sharing|pass|disclose ~2 it|them|this|my|the").with(selfNeg).in("dontuse"),
	rule(dsr.Restriction, 0.35, "disputing|dispute|contest|contesting|challenge ~4 accuracy|information|data|debt|entry|record|claim").in("contest"),
	rule(dsr.Restriction, 0.35, "information|data|details|record|entry ~6 wrong|incorrect|inaccurate").in("contest"),
	rule(dsr.Restriction, 0.45, "block|freeze|lock ~4 access|profile|account|data|information").in("block"),
	rule(dsr.Restriction, 0.6, "pause|suspend|freeze|halt ~3 processing|use|using|all").in("freeze"),
	rule(dsr.Restriction, 0.4, "delete|deleted|erase|erased|destroy|overwrite|overwritten").with(onlyNeg).in("keep"),
	rule(dsr.Restriction, 0.4, "wait|hold ~2 with|off ~2 deleting|deletion|it|that").in("keep"),

	rule(dsr.Restriction, 0.35, "legal ~1 claim|claims|proceedings|action|case|dispute").in("legal"),
	rule(dsr.Restriction, 0.35, "court|lawsuit|litigation|dispute|evidence|tribunal|insurance|solicitor*|lawyer*").in("legal"),
	// "Please don't use the recordings of me until the matter is settled":
	// the use and the time it is held off, read whole (see rules_no.go).
	rule(dsr.Restriction, 0.5, "not|don't|dont|never ~2 use|using|process|processing|share|sharing|pass ~6 until|before|pending|while ~5 "+enSettled).
		with(selfNeg).notAfter(enSelf).unless(enRestrictGoods).in("useuntil"),
	// "Please keep the CCTV footage, I need it for my claim": data kept at
	// the sender's request for a claim (Art. 18(1)(c)); "I keep the
	// receipts" and "I'll keep it" are the sender's own keeping.
	rule(dsr.Restriction, 0.5, "keep|preserve|retain|save|store ~3 footage|recording*|video*|cctv|camera|receipt*|log|logs|"+
		"data|information|records|record|emails|email|messages|chat|calls|call|photos|pictures|images|transcript*|them|it|everything").
		notAfter(enSelf).given(enLegalPurpose).with(noPermit).unless(keepAsked).in("preserve"),

	// portability
	rule(dsr.Portability, 0.55, "transmit|transmitted|transfer|transferred|move|port|migrate ~4 "+enData+"|history|purchases|receipts|records|warranty|warranties|registrations|agreement").in("transfer"),
	rule(dsr.Portability, 0.45, "directly|straight ~1 to").in("elsewhere"),
	rule(dsr.Portability, 0.45, "take|bring ~3 with ~2 me ~3 to").in("transfer"),
	rule(dsr.Portability, 0.6, "export|exported|download ~4 "+enData+"|purchases|purchase|orders|receipts|history").in("export"),
	rule(dsr.Portability, 0.45, "another|new|other|different ~1 provider|controller|company|service|app|installer|supplier|shop|retailer|platform").in("elsewhere"),
	rule(dsr.Portability, 0.45, "structured|commonly ~3 format|used").in("export"),
	rule(dsr.Portability, 0.45, "as|in ~2 file|files|format|spreadsheet").in("fileformat"),
	rule(dsr.Portability, 0.4, "upload|import|importing|load ~3 into|it|them|my").in("import"),
	// "the data I provided to you myself": what Art. 20 carries (a cue,
	// see bokmål).
	rule(dsr.Portability, 0.45, enOwnData+"|details ~3 i|ive|we ~3 provided|gave|given|supplied|submitted").in("provided"),

	// objection_marketing
	rule(dsr.ObjectionMarketing, 0.85, "unsubscrib*").in("unsub").with(noReport),
	rule(dsr.ObjectionMarketing, 0.7, "opt ~1 out|optout|optingout").in("unsub"),
	rule(dsr.ObjectionMarketing, 0.85, "take|remove|delete|drop|exclude ~4 off|from ~4 "+listWords).in("unsub").unless(shopListWords),
	rule(dsr.ObjectionMarketing, 0.75, negWords+" ~4 "+marketingWords).with(selfNeg).except(receivedWords + "|" + scopeWords).notAfter(scopeWords + "|is|isn't|was|wasn't").in("nomore").unless("consent|consented|agreed"),
	rule(dsr.ObjectionMarketing, 0.6, negWords+" ~2 send*|call*|contact*|email*|text*|ring* ~1 me|us").with(selfNeg).in("nomore").
		unless("invoice*|reminder*|copy|confirmation|receipt*|answer|reply|need"),

	rule(dsr.ObjectionMarketing, 0.6, "no|any|don't|dont|not ~2 more|further ~2 "+contactWords).with(selfNeg).except(receivedWords).in("nomore"),
	rule(dsr.ObjectionMarketing, 0.7, quitWords+" ~3 sending|emailing|mailing|texting|calling|contacting|spamming|messaging|send|email").in("nomore").unless("invoice*"),
	rule(dsr.ObjectionMarketing, 0.8, "profil* ~8 "+marketingWords).with(onlyNeg).in("profiling"),
	rule(dsr.ObjectionMarketing, 0.7, "send*|email*|call*|contact*|text* ~3 me|us ~4 "+marketingWords).with(onlyNeg).in("nomore"),
	rule(dsr.ObjectionMarketing, 0.7, "use|using|used|process|processing|shown|show ~6 "+marketingWords).with(onlyNeg).in("nomore"),
	rule(dsr.ObjectionMarketing, 0.3, "direct ~1 marketing").in("mktctx"),
	// "is that how you handle personal data??": a complaint asked as a
	// question.
	rule(dsr.Complaint, 0.6, "is ~1 that|this|it ~2 how ~1 you ~1 handle|treat|protect|look ~3 personal|customer|customers|my|people's|data|information|privacy").in("complain"),
	// "please also stop the push notifications with deals".
	rule(dsr.ObjectionMarketing, 0.7, quitWords+" ~2 push|notifications|notification ~4 deals|offers|ads|promotions|promos|sales|marketing").in("nomore"),
	// "don't put the new address on the newsletter or offers list".
	rule(dsr.ObjectionMarketing, 0.7, negWords+" ~1 put|add|sign|subscribe|include ~6 "+listWords).with(selfNeg).in("nomore"),

	// objection
	rule(dsr.Objection, 0.75, "object|objects|objecting|objection").with(notOwned).or(dsr.ObjectionMarketing, marketingWords).in("object").
		unless(feeWords), // "I object to the restocking fee" is about money
	rule(dsr.Objection, 0.35, "legitimate ~1 interest|interests").in("li"),
	rule(dsr.Objection, 0.6, "not|don't|dont ~2 build|create|make|keep ~2 profile|profiles ~1 of|on|about ~1 me|us").
		with(selfNeg|noReport).or(dsr.ObjectionMarketing, marketingWords).in("stop"),
	rule(dsr.Objection, 0.5, quitWords+" ~2 tracking|track|monitor|monitoring|filming|film|analysing|analyzing|analyse|analyze ~1 me|us").
		or(dsr.ObjectionMarketing, marketingWords).in("stop").unless(temporary),
	rule(dsr.Objection, 0.6, "not|don't|dont ~2 want|wish|like ~2 to ~1 be|being ~1 filmed|recorded|tracked|monitored|profiled|surveilled|watched").
		with(selfNeg|noReport).or(dsr.ObjectionMarketing, marketingWords).in("stop"),
	rule(dsr.Objection, 0.5, quitWords+" ~3 processing|analysing|analyzing|tracking|filming|monitoring|profiling|recording|logging").
		or(dsr.ObjectionMarketing, marketingWords).in("stop").unless(temporary + "|parcel|parcels|package|packages|shipment|delivery"),
	rule(dsr.Objection, 0.5, "stop ~2 using ~3 "+enData+"|my|purchase*").or(dsr.ObjectionMarketing, marketingWords).in("stop"),

	// withdraw_consent
	rule(dsr.WithdrawConsent, 0.9, "withdraw*|revok*|retract*|rescind*|withdrew ~5 consent*|permission|agreement").in("withdraw"),
	rule(dsr.WithdrawConsent, 0.9, "consent ~4 withdrawn|revoked|withdraw|retracted").in("withdraw"),
	rule(dsr.WithdrawConsent, 0.6, "no ~1 longer ~2 consent|agree").with(selfNeg).in("nolonger"),
	// "my mum signed that you could use my photo. I don't want that any
	// more": a yes or a signature refused from now on by a pronoun.
	rule(dsr.WithdrawConsent, 0.6, "don't|dont|not ~1 want ~1 that|this|it ~1 anymore|any").
		with(selfNeg).given("consent|consented|agreed|signed|permission|allowed").in("nolonger"),
	// "I press yes for the personal offers ... I don't want this
	// anymore": a yes pressed, refused by a pronoun. Not "it", which is
	// as often a product sent back.
	rule(dsr.WithdrawConsent, 0.6, "don't|dont|not ~1 want ~1 that|this ~1 anymore|any").
		with(selfNeg).given("yes").in("nolonger").unless("return*|refund*|exchange*|order*|parcel*|delivery"),
	// "you no longer have my permission to use the photos", "you are no
	// longer allowed to": the permission the shop held, not the
	// customer's ("am I no longer allowed to return it?").
	rule(dsr.WithdrawConsent, 0.6, "no ~1 longer ~1 have ~1 my|our ~1 permission|consent|approval|ok|okay").with(selfNeg).in("nolonger"),
	rule(dsr.WithdrawConsent, 0.6, "you ~1 are|have ~1 no ~1 longer ~1 allowed|permitted|permission").with(selfNeg | stated).
		given("yes|consent*|consented|signed|agreed|permission|ticked").in("nolonger"),
	rule(dsr.WithdrawConsent, 0.6, "withdraw*|revok*|retract*|withdrew|rescind* ~2 it|this|that|them").given("consent|consented|permission").in("withdraw"),

	rule(dsr.WithdrawConsent, 0.5, "reject|disable|turn|opt ~3 off|out ~3 cookie*|tracking").in("cookies"),
	// "please consider that yes taken back" (an accidental "accept all"),
	// "necessary cookies only for me".
	rule(dsr.WithdrawConsent, 0.6, "take|taking|taken|took ~3 back").given("cookie*|consent*|consented|permission*|popup|tracking").in("withdraw"),
	rule(dsr.WithdrawConsent, 0.55, "necessary|essential|required|strictly ~1 cookies ~1 only").in("cookies"),
	// "I'm taking back my OK for the training part", "I withdraw my yes":
	// an assent given in other words than "consent", taken back.
	rule(dsr.WithdrawConsent, 0.8, "take|taking|taken|took|withdraw*|withdrew|revok*|retract* ~1 back ~2 my|our|that|the ~1 ok|okay|yes|approval|agreement|permission|consent").in("withdraw"),
	rule(dsr.WithdrawConsent, 0.8, "withdraw*|withdrew|revok*|retract* ~2 my|our|that|the ~1 ok|okay|yes|approval").in("withdraw"),

	// information
	rule(dsr.Information, 0.5, "how ~1 long ~5 keep|store|retain|hold|kept|stored|retained|delete").in("retention"),
	// "are those chat conversations kept, and if so for how long?"
	rule(dsr.Information, 0.5, "kept|stored|retained|saved ~6 how ~1 long").in("retention"),
	rule(dsr.Information, 0.4, "retention ~2 period|periods|policy|time").in("retention"),
	rule(dsr.Information, 0.45, "what|why|how ~4 used|use|using ~6 for").in("purpose"),
	rule(dsr.Information, 0.5, "what|which ~3 purpose*").in("purpose"),
	rule(dsr.Information, 0.35, "purpose|purposes").in("purpose"),
	rule(dsr.Information, 0.5, "legal|lawful ~2 basis|bases|ground|grounds").in("basis"),
	rule(dsr.Information, 0.5, "who ~5 share|shared|access|see|sees|receives|receive|recipients|get|gets|pass|give|disclose|transfer|send ~4 "+enOwnData+"|it|them").in("share"),
	rule(dsr.Information, 0.5, "share|shared|sharing|sell|sold|selling|pass ~5 with|to|on ~3 third|other|others|partners|companies|advertisers").in("share"),
	rule(dsr.Information, 0.5, "where ~3 "+enOwnData+" ~3 stored|kept|held|hosted|processed").in("where"),
	rule(dsr.Information, 0.5, "where ~3 store|keep|host|process ~3 "+enOwnData).in("where"),
	rule(dsr.Information, 0.5, "others|other|third|partners|companies ~5 access|see|get|gets|receive|receives ~4 "+enOwnData+"|it|them").with(asked).in("share"),
	// "is some data sent to the USA?", "do you transfer it outside the
	// EEA?": asked, a transfer abroad is Art. 13(1)(f).
	rule(dsr.Information, 0.5, "sent|send|sends|transferred|transfer|transfers|moved|stored ~3 to|outside|in ~2 usa|america|china|abroad|eu|eea|europe").with(asked).in("transfer"),
	// "I don't need my data, I just want to understand": no copy is
	// wanted, the question is about processing (as a negated access
	// phrase is, see notAccess).
	rule(dsr.Information, 0.45, "don't|dont|not ~1 need|want ~2 my|a|the|any ~1 data|copy|information|recordings|footage").with(selfNeg).in("notaccess"),

	// "a complaint about how you handle my data", "is that how you handle
	// personal data??": the way data was handled is what a complaint is
	// about, not a question (in the sentence of a complaint, or after "is
	// that").
	rule(dsr.Information, 0.5, "how ~3 process|handle|use|store|protect|secure|safeguard ~4 "+enData).in("howdata").
		unless(complaintWords).notAfter("that|this"),
	rule(dsr.Information, 0.3, "processor|processors|subprocessor*|usa|outside ~2 eu|eea|europe").in("transfer"),
	rule(dsr.Information, 0.45, "what|which|use|using ~3 cookies|cookie|pixel|pixels|trackers|tracking").in("cookies"),
	rule(dsr.Information, 0.45, "why ~3 need|collect|store|ask|require|keep|want").in("why"),
	rule(dsr.Information, 0.55, "why ~5 need|collect|store|ask|require|keep|want|give|provide ~4 "+enOwnData+"|number|id|birth|address|phone").in("why").
		unless("order|invoice*|tracking|price*"),

	rule(dsr.Information, 0.45, "what|which ~4 collect|collected|gather|record|log|track").in("collect"),
	rule(dsr.Information, 0.3, "just|only ~3 understand|know|curious").in("justknow"),
	// "I would still like an actual answer: why do you need ...?", "I'd
	// like to know what you use it for": the person asks to be told, as
	// bokmål's "vil gjerne vite".
	rule(dsr.Information, 0.3, "like|want|wish ~3 know|understand|answer|explanation ~4 why|what|how|who|where|which").in("justknow"),
	rule(dsr.Information, 0.3, "how ~4 process|processed|handle|handled|use|protect|works|work").in("how").
		unless(complaintWords).notAfter("that|this"),
	rule(dsr.Information, 0.35, "what ~1 happens ~3 data|information|it").in("how"),
	rule(dsr.Information, 0.5, "what ~2 do ~1 you ~2 do ~2 with ~3 "+enOwnData).in("howdata"),
	rule(dsr.Information, 0.3, "build|create|make ~3 profile").in("how"),
	rule(dsr.Information, 0.2, "privacy ~1 policy|notice|statement").in("policy"),
	rule(dsr.Information, 0.45, "do|does ~1 you|u|magnet ~1 use|sell|share|track|profile|monitor|record|store|keep|collect|analyse|analyze").
		with(asked).in("practice"),

	// automated_decision
	rule(dsr.AutomatedDecision, 0.45, enAuto+" ~5 "+enDec).in("autodec"),
	rule(dsr.AutomatedDecision, 0.45, enDec+" ~5 "+enAuto).in("autodec"),
	rule(dsr.AutomatedDecision, 0.35, enDec+" ~3 instantly|instant|immediately|online").in("autodec"),
	rule(dsr.AutomatedDecision, 0.45, "human|person|people|humans ~2 involved|involvement|intervene").in("human"),
	// "explain the logic behind that decision", "looked at by a member of
	// staff".
	rule(dsr.AutomatedDecision, 0.5, "logic ~3 behind|of ~3 decision|decisions|rejection|refusal|outcome").in("logic"),
	rule(dsr.AutomatedDecision, 0.45, "looked|reviewed|checked|reconsidered ~3 by ~3 member|person|human|staff|someone").given(enDec).in("human"),
	rule(dsr.AutomatedDecision, 0.6, "human ~2 review|intervention|assessment|check|decision|being").in("human"),
	rule(dsr.AutomatedDecision, 0.45, "person|human|someone|somebody|staff|employee ~4 review*|look*|check*|assess*|reconsider*|examine*|decide*|go|recheck*|reassess*|reevaluat*|reexamin*").in("human"),
	rule(dsr.AutomatedDecision, 0.45, "review*|reconsider*|reassess* ~4 by ~2 person|human|someone|staff").in("human"),
	rule(dsr.AutomatedDecision, 0.45, "manual|manually ~3 review*|assess*|check*|reconsider*").in("human"),
	rule(dsr.AutomatedDecision, 0.45, "contest|challenge|appeal|dispute ~4 decision|assessment|refusal|rejection|outcome").in("human"),
	rule(dsr.AutomatedDecision, 0.3, "logic|criteria|based|reasoning|factors").in("why"),
	// "the computer said no"; "how was the decision made" about credit.
	rule(dsr.AutomatedDecision, 0.45, enAuto+" ~2 said|says ~1 no").given(enCredit).in("autodec"),
	rule(dsr.AutomatedDecision, 0.5, "how|why ~5 decision|decided|refused|refusal|rejected|rejection|declined|denied|assessment").
		given(enCredit).in("howdec"),
	rule(dsr.AutomatedDecision, 0.25, "seconds|minute|minutes|instantly|immediately").in("fast"),

	// complaint
	// A complaint is one about data only where the mail speaks of data,
	// privacy or a request at all: "I wish to lodge a formal complaint"
	// over a TV that broke, told in the sentences after, is a consumer
	// claim (enComplaintCtx).
	rule(dsr.Complaint, 0.9, "formal ~2 complaint").in("complain").given(enComplaintCtx),
	rule(dsr.Complaint, 0.65, "complain|complaining").in("complain").unless(enProduct).given(enComplaintCtx),
	rule(dsr.Complaint, 0.75, "make|making|lodge|lodging|file|filing|submit|submitting|raise|raising|treat|this|consider|register|log|record ~4 complaint").in("complain").unless(enProduct).given(enComplaintCtx),
	rule(dsr.Complaint, 0.4, "complaint|complaints|grievance").with(notOwned).in("complain").unless(enProduct).given(enComplaintCtx),

	rule(dsr.Complaint, 0.4, "breach|breached|violation|violated|leak|leaked|exposed").in("crit"),
	rule(dsr.Complaint, 0.3, "unacceptable|outrageous|careless|negligent|serious").in("crit"),
	rule(dsr.Complaint, 0.4, "unhappy|dissatisfied|displeased ~3 answer|response|reply|handling|handled|way").in("crit"),
	rule(dsr.Complaint, 0.6, "considering|consider|thinking|will|going ~3 go|going|report|reporting|complain|complaining|escalate ~3 datatilsynet*|ico|authority|regulator").with(noReport).in("dpa"),
	rule(dsr.Complaint, 0.3, "no ~1 response|reply|answer").in("crit"),
	rule(dsr.Complaint, 0.45, "data ~1 protection ~1 authority|authorities").in("dpa"),
	rule(dsr.Complaint, 0.45, "supervisory ~1 authority").in("dpa"),
}
