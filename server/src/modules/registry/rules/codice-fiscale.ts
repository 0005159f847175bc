/**
 * Codice fiscale of a natural person (DM 12/03/1974): validation with omocodia, cross-check
 * against declared data, and generation (for demo and test data).
 *
 * Layout (1-based): 1–3 surname, 4–6 name, 7–8 year, 9 month letter, 10–11 day (+40 for women),
 * 12–15 place (Belfiore code; "Z" + 3 digits for foreign countries), 16 check character.
 * Omocodia: the digits at 7, 8, 10, 11, 13, 14, 15 may be replaced by L M N P Q R S T U V (= 0…9).
 */

const MONTHS = 'ABCDEHLMPRST';
const OMOCODE = 'LMNPQRSTUV';
const OMOCODE_POSITIONS = [6, 7, 9, 10, 12, 13, 14]; // 0-based
const ODD_VALUES: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
}; // biome-ignore format: the official table reads best as a table

const evenValue = (c: string) => (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65);

/** The check character for the first 15 characters. */
export function checkCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i] as string;
    sum += i % 2 === 0 ? (ODD_VALUES[c] ?? 0) : evenValue(c);
  }
  return String.fromCharCode(65 + (sum % 26));
}

const PATTERN = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

export type CfError = 'cf.format' | 'cf.month' | 'cf.day' | 'cf.check' | 'cf.birth_date_mismatch' | 'cf.sex_mismatch' | 'cf.birth_place_mismatch';

export interface DecodedCf {
  /** The code with omocodia substitutions undone. */
  canonical: string;
  yearTwoDigits: number;
  month: number;
  day: number;
  sex: 'M' | 'F';
  birthPlaceCode: string;
  omocode: boolean;
}

export type CfResult = { ok: true; value: DecodedCf } | { ok: false; error: CfError };

/** Undoes omocodia: letters at the numeric positions become digits again. */
export function canonicalize(code: string): string {
  const chars = code.split('');
  for (const p of OMOCODE_POSITIONS) {
    const i = OMOCODE.indexOf(chars[p] as string);
    if (i >= 0) {
      chars[p] = String(i);
    }
  }
  return chars.join('');
}

const daysInMonth = (month: number) => [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;

/** Validates structure, month, day and check character. Input is upper-cased and trimmed. */
export function decodeCodiceFiscale(input: string): CfResult {
  const code = input.trim().toUpperCase();
  if (!PATTERN.test(code)) {
    return { ok: false, error: 'cf.format' };
  }
  if (checkCharacter(code.slice(0, 15)) !== code[15]) {
    return { ok: false, error: 'cf.check' };
  }
  const canonical = canonicalize(code);
  const month = MONTHS.indexOf(canonical[8] as string) + 1;
  if (month === 0) {
    return { ok: false, error: 'cf.month' };
  }
  const rawDay = Number(canonical.slice(9, 11));
  const sex = rawDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - 40 : rawDay;
  if (day < 1 || day > daysInMonth(month)) {
    return { ok: false, error: 'cf.day' };
  }
  return {
    ok: true,
    value: {
      canonical: canonical.slice(0, 15) + checkCharacter(canonical.slice(0, 15)),
      yearTwoDigits: Number(canonical.slice(6, 8)),
      month,
      day,
      sex,
      birthPlaceCode: canonical.slice(11, 15),
      omocode: canonical.slice(0, 15) !== code.slice(0, 15),
    },
  };
}

export interface DeclaredIdentity {
  birthDate?: string | null; // YYYY-MM-DD
  sex?: 'M' | 'F' | null;
  birthPlaceCode?: string | null;
}

/** Full check: the code is valid and agrees with the declared birth date, sex and birthplace. */
export function validateCodiceFiscale(input: string, declared: DeclaredIdentity = {}): CfResult {
  const decoded = decodeCodiceFiscale(input);
  if (!decoded.ok) {
    return decoded;
  }
  const v = decoded.value;
  if (declared.birthDate) {
    const [y, m, d] = declared.birthDate.split('-').map(Number) as [number, number, number];
    if (y % 100 !== v.yearTwoDigits || m !== v.month || d !== v.day) {
      return { ok: false, error: 'cf.birth_date_mismatch' };
    }
  }
  if (declared.sex && declared.sex !== v.sex) {
    return { ok: false, error: 'cf.sex_mismatch' };
  }
  if (declared.birthPlaceCode && declared.birthPlaceCode.toUpperCase() !== v.birthPlaceCode) {
    return { ok: false, error: 'cf.birth_place_mismatch' };
  }
  return decoded;
}

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);

function letters(name: string): { consonants: string[]; vowels: string[] } {
  const clean = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  const chars = clean.split('');
  return { consonants: chars.filter((c) => !VOWELS.has(c)), vowels: chars.filter((c) => VOWELS.has(c)) };
}

/** Three letters for the surname: consonants, then vowels, then X. */
export function surnameCode(surname: string): string {
  const { consonants, vowels } = letters(surname);
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

/** Three letters for the name: with four or more consonants take the 1st, 3rd and 4th. */
export function nameCode(name: string): string {
  const { consonants, vowels } = letters(name);
  if (consonants.length >= 4) {
    return [consonants[0], consonants[2], consonants[3]].join('');
  }
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

export interface CfInput {
  familyName: string;
  givenName: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'M' | 'F';
  birthPlaceCode: string; // Belfiore, e.g. E715 (Lucca)
}

/** Computes the codice fiscale (without omocodia). */
export function generateCodiceFiscale(p: CfInput): string {
  const [y, m, d] = p.birthDate.split('-').map(Number) as [number, number, number];
  const first15 =
    surnameCode(p.familyName) +
    nameCode(p.givenName) +
    String(y % 100).padStart(2, '0') +
    MONTHS[m - 1] +
    String(p.sex === 'F' ? d + 40 : d).padStart(2, '0') +
    p.birthPlaceCode.toUpperCase();
  return first15 + checkCharacter(first15);
}

/** Applies omocodia to the last `level` numeric positions (1–7), as the Agenzia delle Entrate does. */
export function omocode(code: string, level: number): string {
  const chars = code.slice(0, 15).split('');
  for (const p of OMOCODE_POSITIONS.slice(-level)) {
    chars[p] = OMOCODE[Number(chars[p])] as string;
  }
  const first15 = chars.join('');
  return first15 + checkCharacter(first15);
}
