import { isReplaceable } from '../../src/scorecard/manualEntries';

describe('isReplaceable', () => {
  it.each([null, undefined, '', '  ', '✔', '●', 'G'])('%p is empty or a symbol: replaced', (v) => {
    expect(isReplaceable('status', v)).toBe(true);
  });
  it.each(['On target', 'Amber', '✔ On target', 'Not yet available.', 'RAG', 'on-target'])('the status %p is replaced', (v) => {
    expect(isReplaceable('status', v)).toBe(true);
  });
  it.each(['Near target', 'Developing', 'Awaiting data', 'Not due'])('%p, a status parseStatusText reads, is replaced', (v) => {
    expect(isReplaceable('status', v)).toBe(true);
  });
  it.each(['✔ agreed by DMT 12/10', '12', 'On target (verbal update)', 42, true])('%p is someone\'s own entry: kept', (v) => {
    expect(isReplaceable('status', v)).toBe(false);
  });
  it.each(['Improved', '▲ Up', 'No change', 'Decline but within limits of target', 'Decline, not on target'])('the DOT %p is replaced', (v) => {
    expect(isReplaceable('dot', v)).toBe(true);
  });
  it('a status word is not a DOT', () => {
    expect(isReplaceable('dot', 'Off target')).toBe(false);
  });
});
