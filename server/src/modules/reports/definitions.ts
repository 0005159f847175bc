// The indicators: id, source module, unit, and the written definition shown next to each figure
// (Italian and English). The README repeats them; the dashboard, the exports and the funder PDF
// all read them from here.

export type IndicatorUnit = 'count' | 'days' | 'rate' | 'cents';
export type IndicatorGroup = 'calls' | 'stock' | 'stays' | 'cases' | 'tenancies' | 'agency' | 'mediation';

export interface IndicatorDefinition {
  id: string;
  group: IndicatorGroup;
  unit: IndicatorUnit;
  label: { it: string; en: string };
  definition: { it: string; en: string };
}

const d = (id: string, group: IndicatorGroup, unit: IndicatorUnit, label: [string, string], definition: [string, string]): IndicatorDefinition => ({
  id,
  group,
  unit,
  label: { it: label[0], en: label[1] },
  definition: { it: definition[0], en: definition[1] },
});

export const INDICATORS: readonly IndicatorDefinition[] = [
  d(
    'applications_received',
    'calls',
    'count',
    ['Domande ricevute', 'Applications received'],
    [
      'Domande protocollate (inviate) nel periodo, per i bandi del programma; comprese quelle poi ritirate o escluse.',
      'Applications given a protocol number (submitted) in the period, on the calls of the program; including those later withdrawn or excluded.',
    ],
  ),
  d(
    'applications_admitted',
    'calls',
    'count',
    ['Domande ammesse', 'Applications admitted'],
    [
      'Tra le domande ricevute nel periodo, quelle ammesse dall’ufficio dopo l’istruttoria (stato attuale).',
      'Of the applications received in the period, those the office admitted after review (current status).',
    ],
  ),
  d(
    'applications_housed',
    'calls',
    'count',
    ['Richiedenti alloggiati', 'Applicants housed'],
    [
      'Tra le domande ricevute nel periodo, quelle il cui richiedente (o il suo nucleo) ha un contratto di locazione dello stesso programma iniziato dopo la domanda.',
      'Of the applications received in the period, those whose applicant (or their household) has a tenancy of the same program starting after the application.',
    ],
  ),
  d(
    'wait_mean_days',
    'calls',
    'days',
    ['Attesa media domanda → alloggio', 'Average wait application → housing'],
    [
      'Media dei giorni tra l’invio della domanda e l’inizio del primo contratto, sulle domande del periodo che hanno portato a un alloggio.',
      'Mean of the days from submitting the application to the start of the first tenancy, over the period’s applications that led to housing.',
    ],
  ),
  d(
    'wait_median_days',
    'calls',
    'days',
    ['Attesa mediana domanda → alloggio', 'Median wait application → housing'],
    [
      'Mediana degli stessi giorni (metà delle persone ha atteso meno, metà di più; con un numero pari, media dei due valori centrali).',
      'Median of the same days (half waited less, half more; with an even count, the mean of the two middle values).',
    ],
  ),
  d(
    'unit_occupancy',
    'stock',
    'rate',
    ['Occupazione degli alloggi', 'Occupancy of units'],
    [
      'Alloggi occupati ÷ alloggi in servizio (disponibili, riservati o occupati) alla data di riferimento (fine del periodo o oggi). Sono esclusi quelli in manutenzione o fuori servizio.',
      'Occupied units ÷ units in service (available, reserved or occupied) on the reference day (end of the period, or today). Units under maintenance or out of service are left out.',
    ],
  ),
  d(
    'bed_occupancy',
    'stock',
    'rate',
    ['Occupazione dei posti letto', 'Occupancy of beds'],
    [
      'Posti letto degli alloggi occupati ÷ posti letto degli alloggi in servizio alla data di riferimento.',
      'Beds of occupied units ÷ beds of units in service on the reference day.',
    ],
  ),
  d(
    'stay_nights_rate',
    'stays',
    'rate',
    ['Notti prenotate / disponibili (soggiorni brevi)', 'Nights booked / available (short stays)'],
    [
      'Notti dei soggiorni approvati che cadono nel periodo ÷ (posti letto × notti del periodo), nelle soluzioni per soggiorni brevi (palestre di autonomia, sollievo, mutuo aiuto; non le case stabili).',
      'Nights of approved stays falling in the period ÷ (beds × nights in the period), in the short-stay solutions (autonomy gyms, respite, mutual aid; not stable homes).',
    ],
  ),
  d(
    'hf_retention_6',
    'cases',
    'rate',
    ['Housing First: permanenza a 6 mesi', 'Housing First: retention at 6 months'],
    [
      'Tra i partecipanti entrati in casa da almeno 6 mesi alla data di riferimento, quelli ancora in casa al sesto mese o usciti verso l’autonomia (uscita positiva).',
      'Among the participants housed at least 6 months before the reference day, those still in the flat at the 6-month mark or who left for autonomy (a positive exit).',
    ],
  ),
  d(
    'hf_retention_12',
    'cases',
    'rate',
    ['Housing First: permanenza a 12 mesi', 'Housing First: retention at 12 months'],
    ['Come sopra, a 12 mesi.', 'As above, at 12 months.'],
  ),
  d(
    'visits_done_rate',
    'cases',
    'rate',
    ['Visite svolte / programmate', 'Visits done / planned'],
    [
      'Visite registrate come svolte nel periodo ÷ visite previste dai piani settimanali validi nel periodo (una per settimana e piano, fino alla data di riferimento).',
      'Visits logged as done in the period ÷ visits due under the weekly plans valid in the period (one per week and plan, up to the reference day).',
    ],
  ),
  d(
    'work_grants_active',
    'cases',
    'count',
    ['Borse lavoro attive', 'Work grants active'],
    [
      'Percorsi di tipo borsa lavoro attivi in almeno un giorno del periodo (iniziati prima della fine, finiti dopo l’inizio, non solo pianificati).',
      'Work-grant paths active on at least one day of the period (started before its end, ending after its start, not merely planned).',
    ],
  ),
  d(
    'work_grants_completed',
    'cases',
    'count',
    ['Borse lavoro concluse', 'Work grants completed'],
    ['Borse lavoro con stato «concluso» e fine nel periodo.', 'Work grants with status "completed" whose end falls in the period.'],
  ),
  d(
    'arrears_rate',
    'tenancies',
    'rate',
    ['Tasso di morosità', 'Arrears rate'],
    [
      'Contratti in corso alla data di riferimento con saldo a debito (addebiti meno pagamenti, rettifiche e stralci registrati fino a quel giorno > 0) ÷ contratti in corso.',
      'Tenancies in force on the reference day with a balance owed (charges minus payments, adjustments and write-offs recorded up to that day > 0) ÷ tenancies in force.',
    ],
  ),
  d(
    'arrears_amount',
    'tenancies',
    'cents',
    ['Importo della morosità', 'Amount in arrears'],
    [
      'Somma dei saldi a debito dei contratti in corso alla data di riferimento (i crediti non si compensano). Per complesso nella tabella.',
      'Sum of the balances owed by the tenancies in force on the reference day (credits do not offset them). By estate in the table.',
    ],
  ),
  d(
    'agency_contracts',
    'agency',
    'count',
    ['Contratti firmati (Agenzia)', 'Contracts signed (Agency)'],
    [
      'Contratti a canone concordato firmati nel periodo tramite l’Agenzia sociale per la casa.',
      'Agreed-rent contracts signed in the period through the Social Housing Agency.',
    ],
  ),
  d(
    'agency_avg_rent',
    'agency',
    'cents',
    ['Canone concordato medio', 'Average agreed rent'],
    ['Media del canone mensile dei contratti firmati nel periodo.', 'Mean monthly rent of the contracts signed in the period.'],
  ),
  d(
    'agency_avg_asked',
    'agency',
    'cents',
    ['Canone richiesto medio (mercato)', 'Average asked rent (market)'],
    [
      'Media del canone chiesto dal proprietario all’inserimento dell’annuncio, per gli stessi contratti: l’unico riferimento di mercato che la piattaforma conserva.',
      'Mean rent the landlord asked when listing, for the same contracts: the only market reference the platform holds.',
    ],
  ),
  d(
    'agency_rent_vs_market',
    'agency',
    'rate',
    ['Canone concordato / richiesto', 'Agreed rent / asked rent'],
    [
      'Canone concordato medio ÷ canone richiesto medio (sotto il 100% = risparmio per l’inquilino).',
      'Average agreed rent ÷ average asked rent (below 100% = a saving for the tenant).',
    ],
  ),
  d(
    'mediation_opened',
    'mediation',
    'count',
    ['Mediazioni aperte', 'Mediation cases opened'],
    ['Casi di mediazione dei conflitti di vicinato aperti nel periodo.', 'Neighbourhood mediation cases opened in the period.'],
  ),
  d(
    'mediation_closed',
    'mediation',
    'count',
    ['Mediazioni chiuse', 'Mediation cases closed'],
    [
      'Casi di mediazione chiusi (con esito) nel periodo, anche se aperti prima.',
      'Mediation cases closed (with a result) in the period, even if opened before.',
    ],
  ),
  d(
    'mediation_median_days',
    'mediation',
    'days',
    ['Tempo mediano di chiusura', 'Median time to close'],
    [
      'Mediana dei giorni tra apertura e chiusura dei casi chiusi nel periodo.',
      'Median of the days from opening to closing of the cases closed in the period.',
    ],
  ),
];

export const INDICATOR_BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));
