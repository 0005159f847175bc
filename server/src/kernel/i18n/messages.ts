/** Server-side message catalogue (problem+json titles and details). Italian first. */
export const LANGS = ['it', 'en'] as const;
export type Lang = (typeof LANGS)[number];

type Catalogue = Record<string, { it: string; en: string }>;

export const MESSAGES = {
  'request.invalid': { it: 'La richiesta contiene dati non validi.', en: 'The request contains invalid data.' },
  'request.malformed': { it: 'Il corpo della richiesta non è JSON valido.', en: 'The request body is not valid JSON.' },
  'request.unsupported_media_type': { it: 'Tipo di contenuto non supportato.', en: 'Unsupported content type.' },
  'request.too_large': { it: 'La richiesta è troppo grande.', en: 'The request is too large.' },
  'route.not_found': { it: 'La risorsa richiesta non esiste.', en: 'The requested resource does not exist.' },
  'resource.not_found': { it: 'Elemento non trovato.', en: 'Item not found.' },
  'resource.overlap': {
    it: 'Il periodo si sovrappone a un altro già registrato.',
    en: 'The period overlaps another one already recorded.',
  },
  'resource.conflict': { it: 'Esiste già un elemento con questi dati.', en: 'An item with these data already exists.' },
  'resource.reference_missing': { it: 'Un elemento indicato nella richiesta non esiste.', en: 'An item named in the request does not exist.' },
  'agency.hours_order': { it: 'L’orario di fine deve seguire quello di inizio.', en: 'The closing time must come after the opening time.' },
  'agency.place_unknown': { it: 'Sportello non trovato o non attivo.', en: 'Counter place not found or not active.' },
  'agency.slot_unknown': { it: 'Orario non previsto per questo sportello.', en: 'Not a slot of this counter place.' },
  'agency.slot_past': { it: 'Questo orario è già passato.', en: 'This slot is in the past.' },
  'agency.slot_taken': {
    it: 'Questo orario è appena stato prenotato da un’altra persona: scegline un altro.',
    en: 'Someone has just booked this slot: choose another one.',
  },
  'agency.appointment_not_booked': { it: 'L’appuntamento non è più prenotato.', en: 'The appointment is no longer booked.' },
  'agency.appointment_past': { it: 'L’appuntamento è già iniziato: non si può annullare.', en: 'The appointment has already started: it cannot be cancelled.' },
  'agency.person_unknown': { it: 'La persona indicata non esiste in anagrafe.', en: 'The person does not exist in the registry.' },
  'agency.household_unknown': { it: 'Il nucleo indicato non esiste.', en: 'The household does not exist.' },
  'agency.seeker_open': { it: 'Questa persona ha già una pratica aperta presso l’Agenzia.', en: 'This person already has an open file at the agency.' },
  'agency.seeker_not_open': { it: 'La pratica della persona non è aperta.', en: 'The person’s file is not open.' },
  'agency.listing_not_available': { it: 'L’annuncio non è disponibile.', en: 'The listing is not available.' },
  'agency.listing_let': { it: 'L’alloggio è già affittato.', en: 'The flat is already let.' },
  'agency.stage_move': { it: 'Passaggio di fase non consentito.', en: 'This stage change is not allowed.' },
  'agency.visit_required': { it: 'Indica data e ora della visita.', en: 'Give the date and time of the visit.' },
  'agency.refused_by_required': { it: 'Indica chi ha rifiutato.', en: 'Say who refused.' },
  'agency.not_agreed': { it: 'Il contratto si firma dopo l’accordo tra le parti.', en: 'The contract is signed after the parties agree.' },
  'agency.checklist_incomplete': { it: 'Mancano documenti della lista di controllo.', en: 'Documents of the checklist are missing.' },
  'agency.period_order': { it: 'La fine deve essere successiva all’inizio.', en: 'The end must come after the start.' },
  'agency.not_signed': { it: 'Il contratto non è ancora firmato.', en: 'The contract is not signed yet.' },
  'agency.registration_before_signature': { it: 'La registrazione non può precedere la firma.', en: 'The registration cannot precede the signature.' },
  'agency.no_landlord_record': {
    it: 'Il tuo account non è collegato a un proprietario dell’Agenzia.',
    en: 'Your account is not linked to a landlord of the agency.',
  },
  'agency.zone_unknown': { it: 'Zona non prevista dall’accordo territoriale.', en: 'Zone not in the territorial agreement.' },
  'agency.sub_band_unknown': { it: 'Subfascia non prevista per questa zona.', en: 'Sub-band not in this zone.' },
  'agency.band_order': { it: 'Il minimo non può superare il massimo.', en: 'The minimum cannot exceed the maximum.' },
  'agency.rent_positive': { it: 'Il canone deve essere maggiore di zero.', en: 'The rent must be greater than zero.' },
  'agency.contract_unknown': { it: 'Contratto non trovato per questo proprietario.', en: 'Contract not found for this landlord.' },
  'agency.bedrooms_over_rooms': { it: 'Le camere non possono superare i vani.', en: 'Bedrooms cannot exceed rooms.' },
  'agency.unit_unknown': { it: 'L’alloggio indicato non esiste nel patrimonio.', en: 'The unit does not exist in the stock.' },
  'agency.landlord_unknown': { it: 'Proprietario non trovato.', en: 'Landlord not found.' },
  'agency.property_unknown': { it: 'Immobile non trovato per questo proprietario.', en: 'Property not found for this landlord.' },
  'agency.property_required': { it: 'Indica un immobile esistente oppure i dati di uno nuovo.', en: 'Give an existing property or the data of a new one.' },
  'agency.photo_too_large': { it: 'La foto supera i 2 MB.', en: 'The photo is larger than 2 MB.' },
  'agency.photo_type': {
    it: 'Il file non è un’immagine JPEG, PNG o WebP del tipo dichiarato.',
    en: 'The file is not a JPEG, PNG or WebP image of the declared type.',
  },
  'agency.photo_limit': { it: 'Raggiunto il numero massimo di foto (12).', en: 'The maximum number of photos (12) is reached.' },
  'agency.portal_user_unknown': { it: 'Nessun account proprietario con questa email.', en: 'No landlord account with this email.' },
  'landlord.vat_format': { it: 'La partita IVA deve avere 11 cifre.', en: 'The VAT number must have 11 digits.' },
  'landlord.vat_check': { it: 'Partita IVA non valida (cifra di controllo errata).', en: 'Invalid VAT number (wrong check digit).' },
  'landlord.vat_required': { it: 'Per una società la partita IVA è obbligatoria.', en: 'A company needs a VAT number.' },
  'landlord.cf_invalid': { it: 'Codice fiscale non valido.', en: 'Invalid codice fiscale.' },
  'auth.required': { it: 'Accedi per continuare.', en: 'Please sign in to continue.' },
  'auth.forbidden': { it: 'Non hai i permessi per questa operazione.', en: 'You are not allowed to do this.' },
  'auth.invalid_credentials': { it: 'Email o password non corretti.', en: 'Wrong email or password.' },
  'auth.locked': {
    it: 'Troppi tentativi non riusciti: account bloccato temporaneamente. Riprova più tardi.',
    en: 'Too many failed attempts: the account is temporarily locked. Try again later.',
  },
  'auth.rate_limited': { it: 'Troppe richieste. Riprova tra poco.', en: 'Too many requests. Try again shortly.' },
  'auth.csrf': {
    it: 'Richiesta rifiutata: token di sicurezza (CSRF) mancante o non valido. Ricarica la pagina.',
    en: 'Request refused: missing or invalid security (CSRF) token. Reload the page.',
  },
  'auth.origin': { it: 'Richiesta rifiutata: origine non consentita.', en: 'Request refused: origin not allowed.' },
  'auth.wrong_password': { it: 'La password attuale non è corretta.', en: 'The current password is wrong.' },
  'auth.ente_unknown': { it: 'Ente non trovato.', en: 'Unknown organisation (ente).' },
  'password.too_weak': {
    it: 'La password deve avere almeno 12 caratteri e non contenere la tua email.',
    en: 'The password must have at least 12 characters and must not contain your email.',
  },
  'password.same': { it: 'La nuova password deve essere diversa da quella attuale.', en: 'The new password must differ from the current one.' },
  'user.email_taken': { it: 'Questa email è già usata da un altro utente.', en: 'This email is already used by another user.' },
  'user.self_deactivation': { it: 'Non puoi disattivare il tuo stesso account.', en: 'You cannot deactivate your own account.' },
  'user.last_admin': {
    it: "Non puoi togliere il ruolo all'ultimo amministratore attivo.",
    en: 'You cannot remove the role of the last active administrator.',
  },
  'role.duplicate': { it: 'Questo ruolo è già assegnato per questo programma.', en: 'This role is already assigned for this program.' },
  'organisation.unknown': { it: "L'organizzazione indicata non esiste.", en: 'The organisation does not exist.' },
  'demo.disabled': { it: 'La modalità dimostrativa non è attiva.', en: 'Demo mode is not enabled.' },
  'cf.format': {
    it: 'Codice fiscale non valido: servono 16 caratteri (6 lettere, 2 cifre, 1 lettera, 2 cifre, 1 lettera, 3 cifre, 1 lettera).',
    en: 'Invalid codice fiscale: 16 characters are required (6 letters, 2 digits, 1 letter, 2 digits, 1 letter, 3 digits, 1 letter).',
  },
  'cf.check': {
    it: 'Codice fiscale non valido: il carattere di controllo non corrisponde.',
    en: 'Invalid codice fiscale: the check character does not match.',
  },
  'cf.month': { it: 'Codice fiscale non valido: lettera del mese inesistente.', en: 'Invalid codice fiscale: unknown month letter.' },
  'cf.day': { it: 'Codice fiscale non valido: giorno di nascita impossibile.', en: 'Invalid codice fiscale: impossible birth day.' },
  'cf.birth_date_mismatch': {
    it: 'Il codice fiscale non corrisponde alla data di nascita indicata.',
    en: 'The codice fiscale does not match the declared birth date.',
  },
  'cf.sex_mismatch': { it: 'Il codice fiscale non corrisponde al sesso indicato.', en: 'The codice fiscale does not match the declared sex.' },
  'cf.birth_place_mismatch': {
    it: 'Il codice fiscale non corrisponde al luogo di nascita indicato (codice catastale).',
    en: 'The codice fiscale does not match the declared birthplace (cadastral code).',
  },
  'cf.taken': { it: 'Esiste già una persona con questo codice fiscale.', en: 'A person with this codice fiscale already exists.' },
  'registry.enrolment_required': {
    it: 'Indica il programma in cui prendi in carico la persona.',
    en: 'Say which program the person is enrolled in.',
  },
  'registry.program_out_of_scope': {
    it: 'Non operi su questo programma.',
    en: 'You do not work on this program.',
  },
  'registry.no_person': {
    it: 'Il tuo account non è ancora collegato a una scheda anagrafica. Rivolgiti allo sportello.',
    en: 'Your account is not linked to a registry record yet. Please contact the office.',
  },
  'registry.household_head': { it: 'Il nucleo deve avere un (solo) capofamiglia.', en: 'The household needs exactly one head.' },
  'registry.merge_self': { it: 'Non puoi unire una scheda con sé stessa.', en: 'A record cannot be merged into itself.' },
  'registry.merged': { it: 'Questa scheda è stata unita a un’altra.', en: 'This record was merged into another one.' },
  'registry.sensitive_denied': {
    it: 'Puoi leggere questi dati solo se la persona è seguita in un programma di tua competenza.',
    en: 'You may read these data only if the person is enrolled in a program you work on.',
  },
  'registry.sensitive_invalid': { it: 'Dati non validi per questa categoria.', en: 'Invalid data for this category.' },
  'stock.estate_unknown': { it: 'Il complesso indicato non esiste.', en: 'The estate does not exist.' },
  'stock.building_unknown': { it: "L'edificio indicato non esiste.", en: 'The building does not exist.' },
  'stock.estate_taken': { it: 'Esiste già un complesso con questo codice o nome.', en: 'An estate with this code or name already exists.' },
  'stock.unit_code_taken': { it: 'Esiste già un alloggio con questo codice.', en: 'A unit with this code already exists.' },
  'stock.status_unchanged': { it: "L'alloggio ha già questo stato in quella data.", en: 'The unit already has this status on that day.' },
  'stock.bedrooms_rooms': { it: 'Le camere da letto non possono essere più dei vani.', en: 'Bedrooms cannot outnumber rooms.' },
  'stock.period_order': { it: 'La fine del periodo deve essere successiva all’inizio.', en: 'The end of the period must come after its start.' },
  'stock.solution_type': {
    it: 'La tipologia di soluzione si indica solo per il programma Dopo di Noi.',
    en: 'The solution type applies only to the Dopo di Noi program.',
  },
  'stock.space_owner': {
    it: 'Uno spazio comune appartiene a un edificio oppure a un complesso (uno dei due).',
    en: 'A common space belongs to either a building or an estate (exactly one).',
  },
  'stock.csv.required': { it: 'Campo obbligatorio.', en: 'Required field.' },
  'stock.csv.too_long': { it: 'Testo troppo lungo.', en: 'Text too long.' },
  'stock.csv.too_short': { it: 'Testo troppo corto.', en: 'Text too short.' },
  'stock.csv.integer': { it: 'Serve un numero intero.', en: 'A whole number is required.' },
  'stock.csv.number': { it: 'Serve un numero (es. 62.5).', en: 'A number is required (e.g. 62.5).' },
  'stock.csv.range': { it: 'Valore fuori dall’intervallo ammesso.', en: 'Value out of the allowed range.' },
  'stock.csv.enum': { it: 'Valore non ammesso per questa colonna.', en: 'Value not allowed in this column.' },
  'stock.csv.boolean': { it: 'Serve sì/no (true/false).', en: 'Yes/no (true/false) is required.' },
  'stock.csv.code': { it: 'Codice non valido: lettere, cifre e - _ . /', en: 'Invalid code: letters, digits and - _ . /' },
  'stock.csv.postcode': { it: 'Il CAP ha 5 cifre.', en: 'The postcode has 5 digits.' },
  'stock.csv.invalid': { it: 'Valore non valido.', en: 'Invalid value.' },
  'stock.csv.malformed': { it: 'Il file CSV non è leggibile da questa riga (virgolette?).', en: 'The CSV file cannot be read from this line (quotes?).' },
  'stock.csv.empty': { it: 'Il file è vuoto.', en: 'The file is empty.' },
  'stock.csv.unknown_column': { it: 'Colonna sconosciuta.', en: 'Unknown column.' },
  'stock.csv.missing_column': { it: 'Manca una colonna obbligatoria.', en: 'A required column is missing.' },
  'stock.csv.column_count': {
    it: 'La riga ha un numero di colonne diverso dall’intestazione.',
    en: 'The row has a different number of columns than the header.',
  },
  'stock.csv.duplicate_code': { it: 'Codice alloggio ripetuto nel file.', en: 'Unit code repeated in the file.' },
  'stock.csv.building_mismatch': {
    it: 'Questo dato dell’edificio è diverso da quello di una riga precedente con lo stesso indirizzo.',
    en: 'This building value differs from an earlier row with the same address.',
  },
  'stock.csv.organisation_unknown': { it: 'Nessuna organizzazione con questo nome.', en: 'No organisation with this name.' },
  'stock.csv.estate_mismatch': {
    it: 'Codice e nome indicano due complessi diversi.',
    en: 'Code and name point to two different estates.',
  },
  'calls.rules.code': { it: 'Codice non valido: lettere minuscole, cifre e _.', en: 'Invalid code: lower-case letters, digits and _.' },
  'calls.rules.duplicate_code': { it: 'Codice ripetuto nello stesso elenco.', en: 'Code repeated in the same list.' },
  'calls.rules.unknown_fact': { it: 'Dato sconosciuto: scegline uno dal catalogo.', en: 'Unknown fact: pick one from the catalogue.' },
  'calls.rules.value_kind': { it: 'Il valore non è del tipo di questo dato.', en: 'The value does not match the kind of this fact.' },
  'calls.rules.numeric_fact': { it: 'Serve un dato numerico.', en: 'A numeric fact is required.' },
  'calls.rules.unknown_group': { it: 'Gruppo di criteri inesistente.', en: 'Unknown group of criteria.' },
  'calls.rules.unknown_document': { it: 'Documento non presente nell’elenco del bando.', en: 'Document not listed in the call.' },
  'calls.rules.when_required': { it: 'Un punteggio fisso richiede una condizione.', en: 'Fixed points need a condition.' },
  'calls.rules.points_kind': {
    it: 'Indica uno solo tra punti fissi, fasce e punti per unità.',
    en: 'Give exactly one of fixed points, bands and points per unit.',
  },
  'calls.rules_frozen': {
    it: 'Le regole sono bloccate: il bando è stato pubblicato.',
    en: 'The rules are frozen: the call has been published.',
  },
  'calls.rules_required': { it: 'Indica le regole o parti da un modello.', en: 'Give the rules or start from a preset.' },
  'calls.unreviewed': {
    it: 'Ci sono domande presentate non ancora ammesse o escluse.',
    en: 'Some submitted applications have not been admitted or excluded yet.',
  },
  'calls.dates_order': { it: 'La chiusura deve essere successiva all’apertura.', en: 'The closing time must come after the opening time.' },
  'calls.program_out_of_scope': { it: 'Non gestisci bandi di questo programma.', en: 'You do not manage calls of this program.' },
  'calls.bad_status': { it: 'Operazione non possibile nello stato attuale del bando.', en: 'Not possible in the current status of the call.' },
  'calls.not_open': {
    it: 'Il bando non è aperto: le domande si presentano tra apertura e chiusura.',
    en: 'The call is not open: applications are accepted between opening and closing.',
  },
  'calls.closed': {
    it: 'Il bando è chiuso: la scadenza per presentare o modificare la domanda è passata.',
    en: 'The call is closed: the deadline to submit or change the application has passed.',
  },
  'calls.not_closed': {
    it: 'Il bando è ancora aperto: la graduatoria si pubblica dopo la chiusura.',
    en: 'The call is still open: rankings come after closing.',
  },
  'calls.application_exists': { it: 'Hai già una domanda per questo bando.', en: 'You already have an application for this call.' },
  'calls.application_status': {
    it: 'Operazione non possibile nello stato attuale della domanda.',
    en: 'Not possible in the current status of the application.',
  },
  'calls.no_person': {
    it: 'Il tuo account non è collegato a una scheda anagrafica: rivolgiti all’Ufficio Casa.',
    en: 'Your account is not linked to a registry record: contact the housing office.',
  },
  'calls.declaration_invalid': { it: 'Valore non valido per questa dichiarazione.', en: 'Invalid value for this declaration.' },
  'calls.declaration_missing': { it: 'Dichiarazione obbligatoria mancante.', en: 'A required declaration is missing.' },
  'calls.document_missing': { it: 'Manca un documento obbligatorio.', en: 'A required document is missing.' },
  'calls.document_kind': { it: 'Tipo di documento non previsto dal bando.', en: 'Document kind not listed by the call.' },
  'calls.file_type': { it: 'Sono ammessi solo PDF, JPEG e PNG.', en: 'Only PDF, JPEG and PNG files are accepted.' },
  'calls.file_size': { it: 'Il file supera i 5 MB.', en: 'The file exceeds 5 MB.' },
  'calls.unknown_criterion': { it: 'Criterio non presente nelle regole del bando.', en: 'Criterion not in the rules of the call.' },
  'calls.objection_window': {
    it: 'Il termine per le opposizioni è scaduto o non è ancora aperto.',
    en: 'The objection window has closed or is not open yet.',
  },
  'calls.objection_exists': { it: 'Hai già presentato un’opposizione.', en: 'You have already filed an objection.' },
  'calls.objections_pending': {
    it: 'Ci sono opposizioni non ancora decise.',
    en: 'Some objections have not been decided yet.',
  },
  'calls.integration_closed': {
    it: 'Nessuna richiesta di integrazione aperta: è già stata evasa o il termine è scaduto.',
    en: 'No open request to complete the application: it was answered or its deadline has passed.',
  },
  'calls.deadline_past': { it: 'La scadenza non può essere nel passato.', en: 'The deadline cannot be in the past.' },
  'calls.not_ranked': { it: 'La domanda non è in graduatoria.', en: 'The application is not in the ranking.' },
  'tenancy.bands_order': {
    it: 'Le fasce di reddito devono essere crescenti e l’ultima senza limite.',
    en: 'Income bands must ascend and the last one has no limit.',
  },
  'tenancy.party_required': { it: 'Indica il nucleo o la persona titolare.', en: 'Give the household or the person.' },
  'tenancy.period_order': { it: 'La fine deve essere successiva all’inizio.', en: 'The end must come after the start.' },
  'tenancy.amount_positive': { it: 'L’importo deve essere maggiore di zero.', en: 'The amount must be greater than zero.' },
  'tenancy.unit_unknown': { it: 'L’alloggio indicato non esiste.', en: 'The unit does not exist.' },
  'tenancy.bed_out_of_range': { it: 'L’alloggio non ha questo posto letto.', en: 'The unit has no such bed.' },
  'tenancy.household_unknown': { it: 'Il nucleo indicato non esiste.', en: 'The household does not exist.' },
  'tenancy.person_unknown': { it: 'La persona indicata non esiste.', en: 'The person does not exist.' },
  'tenancy.already_ends': { it: 'Il contratto termina già in quella data o prima.', en: 'The tenancy already ends on or before that day.' },
  'tenancy.date_outside': { it: 'La data è fuori dal periodo del contratto.', en: 'The date is outside the tenancy period.' },
  'tenancy.payments_not_configured': {
    it: 'L’ente non ha ancora configurato i pagamenti pagoPA.',
    en: 'The ente has not configured pagoPA payments yet.',
  },
  'tenancy.nothing_owed': { it: 'Non c’è nulla da pagare.', en: 'Nothing is owed.' },
  'tenancy.notice_unknown': { it: 'Avviso di pagamento sconosciuto.', en: 'Unknown payment notice.' },
  'tenancy.receipt_signature': { it: 'Firma della ricevuta non valida.', en: 'Invalid receipt signature.' },
  'tenancy.receipt_amount': { it: 'L’importo pagato non corrisponde all’avviso.', en: 'The amount paid does not match the notice.' },
  'tenancy.program_out_of_scope': { it: 'Non gestisci contratti di questo programma.', en: 'You do not manage tenancies of this program.' },
  'tenancy.rule_taken': {
    it: 'Esiste già una versione della regola da quella data.',
    en: 'A version of the rule already starts on that day.',
  },
  'cases.not_allowed': { it: 'Non puoi modificare questo percorso.', en: 'You may not change this case.' },
  'cases.program_out_of_scope': { it: 'Non gestisci percorsi di questo programma.', en: 'You do not manage cases of this program.' },
  'cases.user_unknown': { it: 'L’operatore indicato non esiste o non è attivo.', en: 'The staff member does not exist or is not active.' },
  'cases.person_unknown': { it: 'La persona indicata non esiste.', en: 'The person does not exist.' },
  'cases.not_enrolled': {
    it: 'La persona non è iscritta al programma in quella data: iscrivila prima in anagrafe.',
    en: 'The person is not enrolled in the program on that day: enrol them in the registry first.',
  },
  'cases.household_unknown': { it: 'Il nucleo indicato non esiste.', en: 'The household does not exist.' },
  'cases.stage_unknown': { it: 'Questa fase non fa parte del percorso.', en: 'This stage is not part of the path.' },
  'cases.item_unknown': { it: 'Questa voce non fa parte della lista di controllo.', en: 'This item is not on the checklist.' },
  'cases.closed_on_required': { it: 'Indica la data di chiusura.', en: 'Give the closing day.' },
  'cases.window_order': { it: 'La fine della fascia oraria deve seguire l’inizio.', en: 'The end of the time window must follow its start.' },
  'cases.reason_required': { it: 'Indica il motivo.', en: 'Give the reason.' },
  'cases.reschedule_day': {
    it: 'Indica la nuova data solo (e sempre) per una visita riprogrammata.',
    en: 'Give a new day only (and always) for a rescheduled visit.',
  },
  'cases.period_order': { it: 'La fine deve essere successiva all’inizio.', en: 'The end must come after the start.' },
  'cases.organisation_unknown': { it: 'L’organizzazione indicata non esiste.', en: 'The organisation does not exist.' },
  'cases.referral_state': { it: 'L’invio non è in uno stato che consente questa operazione.', en: 'The referral is not in a state that allows this.' },
  'cases.not_housing_first': { it: 'Questa funzione riguarda solo i percorsi Housing First.', en: 'This applies to Housing First cases only.' },
  'cases.unit_unknown': { it: 'L’alloggio indicato non esiste.', en: 'The unit does not exist.' },
  'cases.tenancy_unknown': { it: 'Il contratto indicato non esiste.', en: 'The tenancy does not exist.' },
  'cases.centre_unknown': { it: 'Il centro indicato non esiste.', en: 'The centre does not exist.' },
  'cases.exit_kind_required': { it: 'Indica insieme la data e il tipo di uscita.', en: 'Give the exit day and its type together.' },
  'tenancy.csv.date': { it: 'Data non valida (AAAA-MM-GG o GG/MM/AAAA).', en: 'Invalid date (YYYY-MM-DD or DD/MM/YYYY).' },
  'tenancy.csv.amount': { it: 'Importo non valido (es. 70,00).', en: 'Invalid amount (e.g. 70.00).' },
  'tenancy.csv.reference': {
    it: 'Serve il codice avviso (18 cifre) o il codice fiscale del pagatore.',
    en: 'The notice number (18 digits) or the payer’s fiscal code is required.',
  },
  'tenancy.csv.header': {
    it: 'Intestazione: servono le colonne date, amount e notice_number o fiscal_code.',
    en: 'Header: the columns date, amount and notice_number or fiscal_code are required.',
  },
  'tenancy.csv.malformed': { it: 'Il file CSV non è leggibile.', en: 'The CSV file cannot be read.' },
  'tenancy.unmatched_closed': { it: 'Questo pagamento è già stato gestito.', en: 'This payment has already been handled.' },
  'tenancy.unknown': { it: 'Il contratto indicato non esiste.', en: 'The tenancy does not exist.' },
  'allocation.not_pairing_call': { it: 'Questo bando non prevede la coabitazione in coppia.', en: 'This call does not pair people for cohabitation.' },
  'allocation.plan_confirmed': {
    it: 'Il piano è già confermato: non si può più ricalcolare.',
    en: 'The plan is already confirmed: it can no longer be recomputed.',
  },
  'allocation.no_plan': { it: 'Non c’è ancora un piano per questo bando.', en: 'There is no plan for this call yet.' },
  'allocation.lock_not_allowed': {
    it: 'Questa coppia non è ammessa (risposte incompatibili o persona già bloccata con altri).',
    en: 'This pair is not allowed (incompatible answers or a person already locked with someone else).',
  },
  'allocation.questionnaire_closed': {
    it: 'Il questionario non è modificabile per questa domanda.',
    en: 'The questionnaire cannot be changed for this application.',
  },
  'allocation.offer_closed': { it: 'L’offerta non è più aperta (già risposta o scaduta).', en: 'The offer is no longer open (already answered or expired).' },
  'allocation.unit_taken': {
    it: 'L’alloggio è già stato accettato da altre persone: l’offerta non può essere accettata.',
    en: 'The flat has already been accepted by other people: the offer cannot be accepted.',
  },
  'server.error': { it: 'Si è verificato un errore interno.', en: 'An internal error occurred.' },
  'server.unavailable': { it: 'Servizio non disponibile.', en: 'Service unavailable.' },
  'stay.out_of_scope': { it: 'Non segui le soluzioni abitative del Dopo di Noi.', en: 'You do not follow the Dopo di Noi housing solutions.' },
  'stay.bed_taken': { it: 'Il posto letto è già prenotato in alcuni di quei giorni.', en: 'The bed is already booked on some of those days.' },
  'stay.status_conflict': {
    it: 'La richiesta non è più in uno stato che consente questa operazione.',
    en: 'The request is no longer in a state that allows this.',
  },
  'stay.solution_unknown': { it: 'La soluzione abitativa indicata non esiste.', en: 'The housing solution does not exist.' },
  'stay.not_short_stay': { it: 'Questa soluzione non accoglie soggiorni brevi.', en: 'This solution does not take short stays.' },
  'stay.not_eligible': { it: 'La soluzione non accoglie questo livello di disabilità.', en: 'The solution does not host this level of disability.' },
  'stay.in_the_past': { it: 'Il soggiorno non può iniziare nel passato.', en: 'The stay cannot start in the past.' },
  'stay.too_long': { it: 'Il soggiorno supera la durata massima della soluzione.', en: 'The stay is longer than the solution allows.' },
  'stay.person_not_enrolled': { it: 'La persona non è seguita dal programma Dopo di Noi.', en: 'The person is not enrolled in the Dopo di Noi program.' },
  'stay.bed_unknown': { it: 'Il posto letto non appartiene a questa soluzione.', en: 'The bed does not belong to this solution.' },
  'stay.unit_unknown': { it: 'L’alloggio indicato non esiste.', en: 'The unit does not exist.' },
  'stay.unit_no_beds': { it: 'L’alloggio non ha posti letto.', en: 'The unit has no beds.' },
  'stay.organisation_unknown': { it: 'L’organizzazione indicata non esiste.', en: 'The organisation does not exist.' },
  'stay.range_too_long': { it: 'L’intervallo richiesto è troppo lungo.', en: 'The requested range is too long.' },
  'stay.not_mutual_aid': { it: 'Gli abbinamenti valgono solo per gli alloggi di mutuo aiuto.', en: 'Pairings are only for mutual-aid flats.' },
  'stay.person_unknown': { it: 'La persona indicata non esiste.', en: 'The person does not exist.' },
  'stay.same_person': { it: 'Residente e persona di supporto devono essere diversi.', en: 'Resident and helper must be different people.' },
  'stay.period_order': { it: 'La data di fine deve essere successiva a quella di inizio.', en: 'The end date must come after the start date.' },
  'stay.goal_duplicate': { it: 'Due obiettivi hanno lo stesso identificativo.', en: 'Two goals have the same id.' },
  'stay.project_exists': { it: 'Questa persona ha già un progetto di vita.', en: 'This person already has a life project.' },
  'stay.project_not_draft': { it: 'Non c’è una bozza da approvare.', en: 'There is no draft to approve.' },
  'stay.review_date_past': { it: 'La data della verifica deve essere futura.', en: 'The review date must be in the future.' },
  'stay.project_not_approved': { it: 'Il progetto non è ancora stato approvato.', en: 'The project has not been approved yet.' },
  'stay.review_in_future': { it: 'La verifica non può essere registrata in una data futura.', en: 'A review cannot be recorded in the future.' },
  'stay.goal_unknown': { it: 'L’obiettivo non fa parte del progetto approvato.', en: 'The goal is not part of the approved project.' },
  'pagination.bad_cursor': { it: 'Cursore di paginazione non valido.', en: 'Invalid pagination cursor.' },
  // SPID/CIE login (OpenID Connect) and notifications
  'oidc.not_configured': { it: 'L’accesso con SPID o CIE non è attivo per questo ente.', en: 'SPID or CIE login is not set up for this organisation.' },
  'oidc.provider_unreachable': {
    it: 'Il gestore dell’identità digitale non risponde. Riprova tra qualche minuto.',
    en: 'The digital identity provider does not answer. Try again in a few minutes.',
  },
  'oidc.state_invalid': {
    it: 'Accesso non valido o scaduto (stato della richiesta sconosciuto o già usato). Ricomincia l’accesso.',
    en: 'Invalid or expired login (unknown or already used request state). Start the login again.',
  },
  'oidc.ticket_invalid': { it: 'Richiesta scaduta o già usata. Ricomincia l’accesso.', en: 'Expired or already used request. Start the login again.' },
  'oidc.token_invalid': { it: 'Il gestore dell’identità ha inviato un token non valido.', en: 'The identity provider sent an invalid token.' },
  'oidc.wrong_issuer': {
    it: 'Token rifiutato: non è stato emesso dal gestore dell’identità atteso (issuer errato).',
    en: 'Token refused: it was not issued by the expected identity provider (wrong issuer).',
  },
  'oidc.wrong_audience': {
    it: 'Token rifiutato: è destinato a un altro servizio (audience errata).',
    en: 'Token refused: it is meant for another service (wrong audience).',
  },
  'oidc.token_expired': { it: 'Token rifiutato: è scaduto. Ricomincia l’accesso.', en: 'Token refused: it has expired. Start the login again.' },
  'oidc.bad_signature': {
    it: 'Token rifiutato: la firma non corrisponde alle chiavi del gestore dell’identità.',
    en: 'Token refused: its signature does not match the identity provider’s keys.',
  },
  'oidc.nonce_invalid': {
    it: 'Token rifiutato: appartiene a un altro accesso (nonce errato o riutilizzato).',
    en: 'Token refused: it belongs to another login (wrong or replayed nonce).',
  },
  'oidc.provider_refused': {
    it: 'L’accesso è stato annullato o negato dal gestore dell’identità.',
    en: 'The login was cancelled or denied at the identity provider.',
  },
  'oidc.code_rejected': {
    it: 'Il gestore dell’identità ha rifiutato il codice di autorizzazione. Ricomincia l’accesso.',
    en: 'The identity provider refused the authorization code. Start the login again.',
  },
  'oidc.no_fiscal_number': {
    it: 'Il gestore dell’identità non ha comunicato il codice fiscale.',
    en: 'The identity provider did not send the fiscal code.',
  },
  'oidc.account_inactive': { it: 'L’account collegato a questa identità è disattivato.', en: 'The account linked to this identity is deactivated.' },
  'oidc.privacy_required': {
    it: 'Per creare l’account occorre accettare l’informativa privacy.',
    en: 'You must accept the privacy notice to create the account.',
  },
  'oidc.return_to_invalid': { it: 'Pagina di ritorno non valida.', en: 'Invalid return page.' },
  'auth.oidc_required': {
    it: 'Per il personale di questo ente l’accesso è consentito solo con SPID o CIE.',
    en: 'Staff of this organisation must sign in with SPID or CIE.',
  },
  'notification.channel_unavailable': {
    it: 'Questo canale non è disponibile per il tuo account (manca l’indirizzo email o il codice fiscale).',
    en: 'This channel is not available for your account (missing email address or fiscal code).',
  },
  'mediation.party_not_on_estate': { it: 'Il nucleo indicato non abita nel complesso.', en: 'The household does not live on the estate.' },
  'mediation.case_state': { it: 'Operazione non consentita nello stato attuale del caso.', en: 'Not allowed in the current state of the case.' },
  'mediation.before_opening': { it: 'La data precede l’apertura del caso.', en: 'The day is before the case was opened.' },
  'mediation.follow_up_before': { it: 'La verifica deve seguire la data dell’accordo.', en: 'The follow-up must come after the agreement.' },
  'mediation.not_a_tenant': {
    it: 'Non risulti assegnatario di un alloggio: non puoi inviare segnalazioni.',
    en: 'You are not a tenant of a home: you cannot file reports.',
  },
  'mediation.building_required': { it: 'Indica l’edificio della segnalazione.', en: 'Choose the building of the report.' },
  'mediation.photo_too_large': { it: 'La foto deve pesare al massimo 2 MB.', en: 'The photo must be at most 2 MB.' },
  'mediation.photo_type': { it: 'La foto deve essere un’immagine JPEG, PNG o WebP.', en: 'The photo must be a JPEG, PNG or WebP image.' },
  'mediation.report_state': { it: 'La segnalazione non può passare a questo stato.', en: 'The report cannot move to this status.' },
  'mediation.activity_times': { it: 'La fine deve seguire l’inizio.', en: 'The end must come after the start.' },
  'mediation.space_not_on_estate': { it: 'Lo spazio comune non appartiene al complesso.', en: 'The common space is not on the estate.' },
  'mediation.activity_started': { it: 'L’attività è già iniziata: iscrizioni chiuse.', en: 'The activity has started: registrations are closed.' },
  'mediation.activity_full': { it: 'Posti esauriti per questa attività.', en: 'This activity is full.' },
  'mediation.already_registered': { it: 'Sei già iscritto a questa attività.', en: 'You are already registered for this activity.' },
  'mediation.committee_exists': { it: 'L’edificio ha già un comitato.', en: 'The building already has a committee.' },
  'mediation.household_not_in_building': { it: 'Il nucleo non abita nell’edificio.', en: 'The household does not live in the building.' },
  'mediation.no_members': {
    it: 'Il comitato non ha ancora membri tra cui ripartire la spesa.',
    en: 'The committee has no members to split the expense among.',
  },
  'mediation.household_not_member': { it: 'Il nucleo non è membro del comitato.', en: 'The household is not a member of the committee.' },
  'mediation.not_a_mediator': { it: 'L’utente non ha il ruolo di mediatore.', en: 'The user does not hold the mediator role.' },
  'mediation.accompaniment_open': { it: 'C’è già un accompagnamento aperto per questo contratto.', en: 'An accompaniment is already open for this tenancy.' },
  'mediation.building_unknown': { it: 'L’edificio indicato non esiste.', en: 'The building does not exist.' },
} satisfies Catalogue;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

export function t(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}

/** Picks the language from Accept-Language: English only if preferred over Italian. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) {
    return 'it';
  }
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.lang === 'it' || x.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.lang as Lang | undefined) ?? 'it';
}
