import { describe, expect, it } from 'vitest';
import { InstanceFormatError, parseInstance } from './format.js';

const problemOf = (kind: 'general' | 'assignment', text: string): { line: number; problem: string } => {
  try {
    parseInstance(kind, text);
  } catch (err) {
    if (err instanceof InstanceFormatError) {
      return { line: err.line, problem: err.problem };
    }
    throw err;
  }
  throw new Error('parsed without error');
};

describe('instance text format', () => {
  it('parses both kinds, with CRLF, tabs and trailing blank lines', () => {
    const g = parseInstance('general', '3 2\n0 1 5\r\n1\t2 0\n\n');
    expect(g).toMatchObject({ kind: 'general', n: 3 });
    expect([...g.u, ...g.v, ...g.w]).toEqual([0, 1, 1, 2, 5, 0]);
    const a = parseInstance('assignment', '2 3 1\n1 2 7');
    expect(a).toMatchObject({ kind: 'assignment', nRows: 2, nCols: 3 });
    expect([a.row[0], a.col[0], a.w[0]]).toEqual([1, 2, 7]);
    expect(parseInstance('general', '0 0\n').n).toBe(0);
    // a repeated edge is accepted
    expect(parseInstance('general', '2 2\n0 1 1\n0 1 2\n').u.length).toBe(2);
  });

  it('names the line and the problem of a malformed file', () => {
    expect(problemOf('general', '')).toEqual({ line: 1, problem: 'missing line: expected header "N E"' });
    expect(problemOf('general', '3\n')).toEqual({ line: 1, problem: 'expected 2 integers (header "N E"), found 1' });
    expect(problemOf('assignment', '3 2\n')).toEqual({ line: 1, problem: 'expected 3 integers (header "N M E"), found 2' });
    expect(problemOf('general', '3 2\n0 1 5\n')).toEqual({ line: 3, problem: 'missing line: expected edge 2 of 2: "u v w"' });
    expect(problemOf('general', '3 1\n0 1\n')).toEqual({ line: 2, problem: 'expected 3 integers (edge 1 of 1: "u v w"), found 2' });
    expect(problemOf('general', '3 1\n0 3 1\n').problem).toMatch(/vertex out of range/);
    expect(problemOf('general', '3 2\n0 1 1\n2 1 1\n')).toEqual({ line: 3, problem: 'edge "2 1" must have u < v' });
    expect(problemOf('general', '3 1\n1 1 1\n').problem).toMatch(/u < v/);
    expect(problemOf('general', '3 1\n0 1 -4\n')).toEqual({ line: 2, problem: 'negative weight -4' });
    expect(problemOf('general', '3 1\n0 1 2.5\n')).toEqual({ line: 2, problem: '"2.5" is not an integer' });
    expect(problemOf('general', '3 1\n0 x 2\n')).toEqual({ line: 2, problem: '"x" is not an integer' });
    expect(problemOf('general', '3 1\n0 1 2\n1 2 3\n')).toEqual({ line: 3, problem: 'unexpected content after the 1 edges announced on line 1' });
    expect(problemOf('general', '-3 1\n').problem).toMatch(/>= 0/);
    expect(problemOf('assignment', '2 2 1\n2 0 1\n').problem).toBe('row 2 out of range (rows are 0..1)');
    expect(problemOf('assignment', '2 2 1\n0 5 1\n').problem).toBe('column 5 out of range (columns are 0..1)');
    expect(problemOf('general', '2 1\n0 1 99999999999999999999\n').problem).toMatch(/too large/);
  });
});
