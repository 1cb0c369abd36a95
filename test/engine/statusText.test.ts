import { parseStatusText } from '../../src/engine/statusText';

describe('parseStatusText', () => {
  it.each([
    ['On target', 'on-target'],
    ['Green', 'on-target'],
    ['✔', 'on-target'],
    ['Satisfactory', 'satisfactory'],
    ['Amber', 'satisfactory'],
    ['●', 'satisfactory'],
    ['Off target', 'off-target'],
    ['Red', 'off-target'],
    ['✘', 'off-target'],
    ['Under development', 'under-development'],
    ['Not applicable', 'not-applicable'],
    ['□', 'not-applicable'],
    ['Not yet available', 'not-available'],
    ['■', 'not-available'],
  ])('%p → %p', (text, status) => {
    expect(parseStatusText(text)).toBe(status);
  });
  it.each(['', '   ', 'whatever', null, 5])('%p → null', (v) => {
    expect(parseStatusText(v)).toBeNull();
  });
  it('the workbook key wins over the default symbols', () => {
    expect(parseStatusText('■', { 'not-applicable': '■' })).toBe('not-applicable');
  });
  it('a key symbol given to two statuses falls back to the default', () => {
    expect(parseStatusText('■', { 'not-applicable': '■', 'not-available': '■' })).toBe('not-available');
  });
});
