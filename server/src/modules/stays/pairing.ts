// Suggested mutual-aid pairings: residents × helpers, the best overall one-to-one assignment from
// the matching engine over the fit of each pair (rules/pairing.ts). A suggestion only: pairings
// are recorded one by one (POST …/pairings).
import { assignSparse } from '../matching/engine/index.js';
import { type PairingFit, type PairingSide, pairingFit } from './rules/pairing.js';

export interface SuggestedPair {
  residentId: string;
  helperId: string;
  hoursPerWeek: number;
  fit: PairingFit;
}

export function suggestPairings(residents: readonly PairingSide[], helpers: readonly PairingSide[]): { pairs: SuggestedPair[]; unmatchedResidents: string[] } {
  const row: number[] = [];
  const col: number[] = [];
  const w: number[] = [];
  const fits = new Map<string, PairingFit>();
  residents.forEach((r, i) => {
    helpers.forEach((h, j) => {
      if (r.personId === h.personId) {
        return;
      }
      const fit = pairingFit(r, h);
      if (fit.weight > 0) {
        row.push(i);
        col.push(j);
        w.push(fit.weight);
        fits.set(`${i}:${j}`, fit);
      }
    });
  });
  const a = assignSparse({ nRows: residents.length, nCols: helpers.length, row, col, w });
  const pairs: SuggestedPair[] = [];
  const unmatchedResidents: string[] = [];
  residents.forEach((r, i) => {
    const j = a.rowMate[i] ?? -1;
    const h = j >= 0 ? helpers[j] : undefined;
    const fit = fits.get(`${i}:${j}`);
    if (!h || !fit) {
      unmatchedResidents.push(r.personId);
      return;
    }
    pairs.push({ residentId: r.personId, helperId: h.personId, hoursPerWeek: Math.min(r.hoursPerWeek, h.hoursPerWeek), fit });
  });
  return { pairs, unmatchedResidents };
}
