// Landlord identifiers: a person has a codice fiscale (16 characters, checked by the registry's
// rule), a company a partita IVA of 11 digits whose last one is a Luhn-style check digit
// (D.P.R. 633/1972; the company's codice fiscale is the same 11 digits).

export type FiscalIdError = 'landlord.vat_format' | 'landlord.vat_check';

/** The check digit of the first ten digits of a partita IVA. */
export function vatCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = first10.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      sum += d;
    } else {
      const doubled = d * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    }
  }
  return (10 - (sum % 10)) % 10;
}

/** Validates a partita IVA (spaces and an "IT" prefix are tolerated). */
export function validatePartitaIva(input: string): { ok: true; value: string } | { ok: false; error: FiscalIdError } {
  const v = input.replace(/\s+/g, '').toUpperCase().replace(/^IT/, '');
  if (!/^\d{11}$/.test(v) || v === '00000000000') {
    return { ok: false, error: 'landlord.vat_format' };
  }
  if (vatCheckDigit(v.slice(0, 10)) !== Number(v[10])) {
    return { ok: false, error: 'landlord.vat_check' };
  }
  return { ok: true, value: v };
}
