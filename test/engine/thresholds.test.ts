import { parseThresholds } from '../../src/engine/thresholds';

const text = (s: string) => ({ value: s });

describe('parseThresholds: the target vocabulary', () => {
  it.each(['TBD', 'TBA', 'To be determined', 'Awaiting baseline', 'TBC', 'To be set'])('%p is pending, as it is in a Target cell', (w) => {
    expect(parseThresholds(text(w), text(w), text(w)).kind).toBe('pending');
  });
  it.each(['N/A', 'none', '-', 'Not applicable', 'No target', 'Baseline'])('a green cell of %p means no thresholds', (w) => {
    expect(parseThresholds(text(''), text(''), text(w)).kind).toBe('none');
  });
  it('a date in the green cell is not a threshold of 43008', () => {
    expect(parseThresholds(text(''), text(''), { value: 43008, numberFormat: 'dd/mm/yyyy' }).kind).toBe('none');
  });
  it('a number in the green cell is', () => {
    expect(parseThresholds(text(''), text(''), { value: 95 })).toMatchObject({ kind: 'one-sided', green: { value: 95 } });
  });
});
