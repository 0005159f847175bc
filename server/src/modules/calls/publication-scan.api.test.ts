// Every published page, CSV and PDF of the demo data is scanned for the names and codici fiscali
// of every person in the registry: none may appear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../seeds/demo/index.js';
import { createTestApp, type TestApp } from '../../../test/http.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('published rankings of the demo data', () => {
  it('contain no name and no codice fiscale of anyone in the registry', async () => {
    const people = await t.database.db.selectFrom('person').select(['given_name', 'family_name', 'codice_fiscale']).execute();
    expect(people.length).toBeGreaterThan(1000);
    const published: { url: string; text: string }[] = [];
    let rankings = 0;
    for (const ente of ['lucca', 'pescaglia']) {
      const list = await t.app.inject({ method: 'GET', url: `/api/v1/public/${ente}/calls` });
      expect(list.statusCode).toBe(200);
      published.push({ url: `/api/v1/public/${ente}/calls`, text: list.body });
      for (const call of list.json().items as { id: string; rankings: { kind: string }[] }[]) {
        for (const r of call.rankings) {
          rankings += 1;
          for (const suffix of ['', '.csv', '.pdf']) {
            const url = `/api/v1/public/${ente}/calls/${call.id}/ranking${suffix}?kind=${r.kind}`;
            const res = await t.app.inject({ method: 'GET', url });
            expect(res.statusCode, url).toBe(200);
            published.push({ url, text: suffix === '.pdf' ? res.rawPayload.toString('latin1') : res.body });
          }
        }
      }
    }
    expect(rankings).toBeGreaterThanOrEqual(2);
    const all = published
      .map((p) => p.text)
      .join('\n')
      .toLowerCase();
    const leaks: string[] = [];
    for (const p of people) {
      for (const needle of [`${p.given_name} ${p.family_name}`, `${p.family_name} ${p.given_name}`, p.codice_fiscale]) {
        if (needle && all.includes(needle.toLowerCase())) {
          leaks.push(needle);
        }
      }
    }
    expect(leaks).toEqual([]);
    // The CSVs hold only positions, protocol numbers, points and coded reasons: not even a surname alone.
    const csv = published.filter((p) => p.url.includes('.csv')).map((p) => p.text);
    const words = new Set(
      csv
        .join('\n')
        .split(/[^A-Za-zÀ-ÿ']+/)
        .map((w) => w.toLowerCase()),
    );
    const surnames = people.map((p) => p.family_name.toLowerCase()).filter((s) => words.has(s));
    expect(surnames).toEqual([]);
  });
});
