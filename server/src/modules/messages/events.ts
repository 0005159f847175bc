// The notification catalogue: every event a module may send, with its it/en texts. A text is a
// short subject and a body in plain Markdown-like lines ({param} is replaced, escaped for HTML).
import type { Lang } from '../../kernel/i18n/messages.js';

interface Template {
  subject: Record<Lang, string>;
  body: Record<Lang, string>;
}

export const EVENTS = {
  'application.submitted': {
    subject: { it: 'Domanda presentata: {protocol}', en: 'Application submitted: {protocol}' },
    body: {
      it: 'La tua domanda per "{callTitle}" è stata presentata e protocollata con il numero {protocol}. Puoi seguirne lo stato e scaricare la ricevuta nella tua area personale.',
      en: 'Your application for "{callTitle}" has been submitted and registered with number {protocol}. You can follow it and download the receipt in your personal area.',
    },
  },
  'application.integration_requested': {
    subject: { it: 'Integrazione richiesta per la tua domanda', en: 'More information needed for your application' },
    body: {
      it: 'L’ufficio chiede di integrare la tua domanda per "{callTitle}": {note}. Accedi alla tua area personale per rispondere entro i termini indicati.',
      en: 'The office asks you to complete your application for "{callTitle}": {note}. Sign in to your personal area to answer within the stated time.',
    },
  },
  'ranking.published': {
    subject: { it: 'Pubblicata la graduatoria: {callTitle}', en: 'Ranking published: {callTitle}' },
    body: {
      it: 'È stata pubblicata la graduatoria {kind} del bando "{callTitle}". Nella tua area personale trovi la tua posizione e, per la graduatoria provvisoria, come presentare opposizione.',
      en: 'The {kind} ranking of the call "{callTitle}" has been published. Your personal area shows your position and, for a provisional ranking, how to object.',
    },
  },
  'offer.made': {
    subject: { it: 'Ti è stato proposto un alloggio', en: 'A home has been offered to you' },
    body: {
      it: 'Ti è stato proposto l’alloggio {unit}. Rispondi entro il {deadline} dalla tua area personale.',
      en: 'The home {unit} has been offered to you. Answer by {deadline} in your personal area.',
    },
  },
  'appointment.booked': {
    subject: { it: 'Appuntamento confermato', en: 'Appointment confirmed' },
    body: {
      it: 'Il tuo appuntamento presso {place} è confermato per {when}. Se non puoi venire, annullalo dalla tua area personale.',
      en: 'Your appointment at {place} is confirmed for {when}. If you cannot come, cancel it in your personal area.',
    },
  },
  'appointment.reminder': {
    subject: { it: 'Promemoria: appuntamento {when}', en: 'Reminder: appointment {when}' },
    body: {
      it: 'Ti ricordiamo l’appuntamento presso {place} per {when}. Porta con te un documento di identità.',
      en: 'A reminder of your appointment at {place} on {when}. Please bring an identity document.',
    },
  },
  'rent_notice.issued': {
    subject: { it: 'Avviso di pagamento del canone: {period}', en: 'Rent payment notice: {period}' },
    body: {
      it: 'È disponibile l’avviso pagoPA per il canone di {period}: {amount}, da pagare entro il {dueDate}. Codice avviso {noticeNumber}.',
      en: 'The pagoPA notice for the rent of {period} is available: {amount}, due by {dueDate}. Notice code {noticeNumber}.',
    },
  },
  'arrears.alert': {
    subject: { it: 'Canoni non pagati', en: 'Unpaid rent' },
    body: {
      it: 'Risultano canoni non pagati per {amount}. Contatta l’ufficio casa: insieme possiamo concordare un piano di rientro.',
      en: 'Unpaid rent of {amount} is recorded. Please contact the housing office: together we can agree a repayment plan.',
    },
  },
  'stay.approved': {
    subject: { it: 'Soggiorno approvato', en: 'Stay approved' },
    body: {
      it: 'Il soggiorno presso {place} dal {from} al {to} è stato approvato.',
      en: 'The stay at {place} from {from} to {to} has been approved.',
    },
  },
  'resident_report.status_changed': {
    subject: { it: 'Aggiornamento sulla tua segnalazione', en: 'Update on your report' },
    body: {
      it: 'La tua segnalazione per {address} è ora: {statusIt}. Puoi seguirla nella tua area personale.',
      en: 'Your report about {address} is now: {statusEn}. You can follow it in your personal area.',
    },
  },
  'visit.missed': {
    subject: { it: 'Visita non effettuata', en: 'Missed visit' },
    body: {
      it: 'La visita prevista il {date} per {person} non risulta registrata.',
      en: 'The visit planned on {date} for {person} has not been recorded.',
    },
  },
} as const satisfies Record<string, Template>;

export type NotificationEvent = keyof typeof EVENTS;
export const EVENT_NAMES = Object.keys(EVENTS) as NotificationEvent[];

export type Params = Record<string, string | number>;

const fill = (text: string, params: Params) => text.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));

export interface Rendered {
  subject: string;
  body: string;
}

/** The subject and body of a notification in one language. */
export function render(event: string, params: Params, lang: Lang): Rendered {
  const t = (EVENTS as Record<string, Template>)[event];
  if (!t) {
    return { subject: event, body: '' };
  }
  return { subject: fill(t.subject[lang], params), body: fill(t.body[lang], params) };
}

const FOOTER: Record<Lang, string> = {
  it: 'Messaggio inviato da Abitare per conto di {ente}. Non rispondere a questo messaggio: per informazioni usa la tua area personale.',
  en: 'Message sent by Abitare on behalf of {ente}. Do not reply to this message: use your personal area for information.',
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** The email: plain text and HTML with the same content, in the recipient's language. */
export function renderEmail(r: Rendered, lang: Lang, ente: string, link: string | null): EmailContent {
  const footer = fill(FOOTER[lang], { ente });
  const open = lang === 'it' ? 'Apri nella tua area personale' : 'Open in your personal area';
  const text = [r.body, link ? `${open}: ${link}` : null, '--', footer].filter(Boolean).join('\n\n');
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(r.subject)}</title></head>
<body style="font-family:'Titillium Web',Geneva,Tahoma,sans-serif;color:#1a1a1a;max-width:40em">
<h1 style="font-size:1.25em;color:#0066cc">${escapeHtml(r.subject)}</h1>
<p>${escapeHtml(r.body)}</p>
${link ? `<p><a href="${escapeHtml(link)}" style="color:#0066cc">${escapeHtml(open)}</a></p>` : ''}
<hr><p style="font-size:.85em;color:#5c6f82">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject: r.subject, text, html };
}

/** The App IO message content: subject 10–120 characters, Markdown 80–10000 characters. */
export function renderIo(r: Rendered, lang: Lang, ente: string): { subject: string; markdown: string } {
  const subject = r.subject.length < 10 ? `${r.subject} · ${ente}`.slice(0, 120) : r.subject.slice(0, 120);
  const markdown = `${r.body}\n\n---\n${fill(FOOTER[lang], { ente })}`.slice(0, 10_000);
  return { subject, markdown };
}
