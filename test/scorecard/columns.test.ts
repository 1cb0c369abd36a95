import { CORE_ROLES, normaliseHeader, roleScores, SYNONYMS } from '../../src/scorecard/columns';
import type { ColumnRole } from '../../src/scorecard/columns';

describe('normaliseHeader', () => {
  it('lower case, punctuation to spaces, apostrophes dropped', () => {
    expect(normaliseHeader('Ref No.')).toBe('ref no');
    expect(normaliseHeader("  Officer's   Comments ")).toBe('officers comments');
    expect(normaliseHeader(5)).toBe('');
  });
});

describe('roleScores', () => {
  it.each<[string, ColumnRole]>([
    ['Ref', 'ref'],
    ['Ref No.', 'ref'],
    ['PI Ref', 'ref'],
    ['Indicator', 'measure'],
    ['Measure', 'measure'],
    ['Good Perf Is', 'polarity'],
    ['Good performance', 'polarity'],
    ['RAG', 'status'],
    ['Overall status', 'status'],
    ['DOT', 'dot'],
    ['Direction of Travel', 'dot'],
    ['Frequency of reporting', 'frequency'],
    ['Target 2017/18', 'target'],
    ['Data notes', 'notes'],
    ['Rating explanation', 'explanation'],
    ['Status override', 'override'],
  ])('%p names %p', (header, role) => {
    expect(roleScores(header)[0]?.role).toBe(role);
  });
  it('an exact match beats a leading match', () => {
    const exact = roleScores('Target')[0].score;
    const leading = roleScores('Target 2017/18')[0].score;
    expect(exact).toBeGreaterThan(leading);
  });
  it('no role for unrelated text or empty text', () => {
    expect(roleScores('Q2 Jul - Sep 2017')).toEqual([]);
    expect(roleScores('')).toEqual([]);
  });
  it('every synonym names its own role best', () => {
    for (const role of Object.keys(SYNONYMS) as ColumnRole[]) {
      for (const syn of SYNONYMS[role]) {
        const best = roleScores(syn)[0];
        expect({ syn, role: best?.role }).toEqual({ syn, role });
      }
    }
  });
  it('core roles are all known roles', () => {
    for (const r of CORE_ROLES) expect(SYNONYMS[r]).toBeDefined();
  });
});
