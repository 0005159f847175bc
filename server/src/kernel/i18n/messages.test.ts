import { describe, expect, it } from 'vitest';
import { MESSAGES, pickLang } from './messages.js';

describe('pickLang', () => {
  it.each([
    [undefined, 'it'],
    ['', 'it'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['it-IT,it;q=0.9,en;q=0.8', 'it'],
    ['de-DE,en;q=0.5,it;q=0.9', 'it'],
    ['fr', 'it'],
  ])('%s -> %s', (header, lang) => {
    expect(pickLang(header)).toBe(lang);
  });

  it('every message has an Italian and an English text', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      expect(m.it.length, key).toBeGreaterThan(3);
      expect(m.en.length, key).toBeGreaterThan(3);
      expect(m.it).not.toBe(m.en);
    }
  });
});
