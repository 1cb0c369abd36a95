import { findStatusKey } from '../../src/scorecard/statusKey';
import { grid } from './grids';

describe('findStatusKey', () => {
  it('reads symbols beside their descriptions on a key sheet', () => {
    const key = grid('Key', [
      ['Key'],
      ['✓', 'Measure progressing above or in line with target set'],
      ['●', 'Measure progressing close to target / Satisfactory'],
      ['✗', 'Measure has not progressed in accordance with target set'],
      ['□', 'Measure under development (e.g. awaiting data collection or target-setting)'],
      ['◙', 'Measure not applicable for target (e.g. baseline year, or not appropriate to set a specific target)'],
      ['■', 'Measure information not yet available (e.g. due to infrequency of data collection)'],
    ]);
    const { key: k, warnings } = findStatusKey([key]);
    expect(k).toEqual({
      'on-target': '✓',
      satisfactory: '●',
      'off-target': '✗',
      'under-development': '□',
      'not-applicable': '◙',
      'not-available': '■',
    });
    expect(warnings).toEqual([]);
  });
  it('ignores words and numbers in the symbol column', () => {
    const { key } = findStatusKey([grid('Key', [['G', 'On target'], ['12', 'Off target'], ['On target', 'x']])]);
    expect(key).toEqual({});
  });
  it('a symbol given to two statuses is kept for the first and reported', () => {
    const { key, warnings } = findStatusKey([grid('Key', [['■', 'Not applicable'], ['■', 'Not yet available']])]);
    expect(key).toEqual({ 'not-applicable': '■' });
    expect(warnings).toEqual([{ message: 'the key gives ■ to both not applicable and not yet available; not yet available keeps the default symbol', where: { sheet: 'Key' } }]);
  });
  it('finds nothing in a sheet without a key', () => {
    expect(findStatusKey([grid('S', [['Ref', 'Measure'], ['A1', 'x']])])).toEqual({ key: {}, warnings: [] });
  });
});
