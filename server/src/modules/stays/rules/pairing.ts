// How well a helper fits a resident of a mutual-aid flat. Pure, with its explanation.
//
//   each task the resident needs and the helper offers     20 points
//   hours: 20 × min(offered, needed) / needed               (up to 20: the helper covers the need)
//
// Tasks are compared case- and space-insensitively. A pair with no task in common is not a
// candidate (weight 0 = no edge).

export interface PairingSide {
  personId: string;
  hoursPerWeek: number;
  tasks: readonly string[];
}

export interface PairingFit {
  weight: number;
  sharedTasks: string[];
  lines: { code: 'shared_task' | 'hours'; points: number; detail: string }[];
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export function pairingFit(resident: PairingSide, helper: PairingSide): PairingFit {
  const offered = new Set(helper.tasks.map(norm));
  const sharedTasks = [...new Set(resident.tasks.map(norm))].filter((t) => offered.has(t));
  if (sharedTasks.length === 0 || resident.hoursPerWeek <= 0) {
    return { weight: 0, sharedTasks: [], lines: [] };
  }
  const lines: PairingFit['lines'] = sharedTasks.map((t) => ({ code: 'shared_task' as const, points: 20, detail: t }));
  const hours = Math.round((20 * Math.min(helper.hoursPerWeek, resident.hoursPerWeek)) / resident.hoursPerWeek);
  lines.push({ code: 'hours', points: hours, detail: `${Math.min(helper.hoursPerWeek, resident.hoursPerWeek)}/${resident.hoursPerWeek}` });
  return { weight: lines.reduce((s, l) => s + l.points, 0), sharedTasks, lines };
}
