// pagoPA notice numbers (Numero Avviso) for an ente with aux digit 3 (several stations):
//   numero avviso (18 digits) = "3" + codice segregazione (2) + IUV base (13) + check digits (2)
//   IUV (17 digits)           = codice segregazione + IUV base + check digits
// The check digits are the remainder of the division by 93 of the number formed by all the
// preceding digits (aux digit, segregation code, IUV base), written with 2 digits
// (pagoPA "Specifiche attuative dei codici identificativi di versamento", avviso di pagamento).

/** Check digits of a notice: (aux + segregation + base) mod 93, two digits. */
export function noticeCheckDigits(aux: string, segregation: string, base: string): string {
  const n = BigInt(`${aux}${segregation}${base}`);
  return (n % 93n).toString().padStart(2, '0');
}

export interface NoticeNumber {
  /** The 18-digit Numero Avviso printed on the notice. */
  noticeNumber: string;
  /** The 17-digit IUV (Identificativo Univoco di Versamento). */
  iuv: string;
}

/** Builds the notice number of the `sequence`-th debt position of a station (aux digit 3). */
export function buildNoticeNumber(segregationCode: number, sequence: number): NoticeNumber {
  if (!Number.isInteger(segregationCode) || segregationCode < 0 || segregationCode > 49) {
    throw new RangeError('segregation code must be 00–49');
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence >= 10 ** 13) {
    throw new RangeError('sequence must be 1 … 10^13 − 1');
  }
  const seg = segregationCode.toString().padStart(2, '0');
  const base = sequence.toString().padStart(13, '0');
  const check = noticeCheckDigits('3', seg, base);
  const iuv = `${seg}${base}${check}`;
  return { iuv, noticeNumber: `3${iuv}` };
}

/** True when an 18-digit notice number with aux digit 3 has the right check digits. */
export function isValidNoticeNumber(notice: string): boolean {
  const m = /^3(\d{2})(\d{13})(\d{2})$/.exec(notice);
  if (!m) {
    return false;
  }
  const [, seg, base, check] = m as unknown as [string, string, string, string];
  return Number(seg) <= 49 && noticeCheckDigits('3', seg, base) === check;
}
