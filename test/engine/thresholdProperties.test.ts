import fc from 'fast-check';
import { parseThresholds, rateAgainstThresholds, thresholdPolarity } from '../../src/engine/thresholds';
import type { CellInput } from '../../src/engine/types';

const text = (s: string): CellInput => ({ value: s });
const pct = (n: number): CellInput => ({ value: n / 100, numberFormat: '0.0%' });
const reading = (value: number, percent: boolean) => ({ value, percent, decimals: 1 });

describe('parseThresholds', () => {
  test.each([
    ['<92%', '92%>', pct(95), 'one-sided', 'high'],
    ['26%+', '26%<', pct(23), 'one-sided', 'low'],
    ['<79', '79<', text('74.1'), 'one-sided', 'low'],
    ['>511', '511>', { value: 487 }, 'one-sided', 'low'],
  ])('%s / %s reads as one-sided', (red, amber, green, kind, polarity) => {
    const t = parseThresholds(text(red), text(amber), green as CellInput);
    expect(t.kind).toBe(kind);
    expect(thresholdPolarity(t)).toBe(polarity);
  });

  test('a threshold number is quoted as the sheet shows it, not as stored, when the host gives no text', () => {
    expect(parseThresholds(text('<92%'), text('92%>'), { value: 0.95, numberFormat: '0%' }).display).toBe('red <92%, amber 92%>, green 95%');
    expect(parseThresholds(text('<92%'), text('92%>'), { value: 0.9, numberFormat: '0.0%' }).display).toBe('red <92%, amber 92%>, green 90.0%');
    expect(parseThresholds(text('>511'), text('511>'), { value: 487 }).display).toBe('red >511, amber 511>, green 487');
    expect(parseThresholds(text('<92%'), text('92%>'), { value: 0.95, numberFormat: '0%', text: '95 %' }).display).toBe('red <92%, amber 92%>, green 95 %');
  });

  test('a number too large to show as a percentage is quoted as stored, never as Infinity%', () => {
    const huge = { value: Number.MAX_VALUE, numberFormat: '0.0%' };
    const t = parseThresholds(huge, { value: new Date(0) }, text(''));
    expect(t.display).not.toMatch(/Infinity|NaN/);
    expect(t.display).toContain('red 1.7976931348623157e+308');
  });

  test('bands and ranges', () => {
    expect(parseThresholds(text('more than +/-15'), text('+/-15'), text('+/-5 of 158.8'))).toMatchObject({ kind: 'band', centre: 158.8, green: 5, amber: 15 });
    expect(parseThresholds(text('more than +/-5'), text('+/-5'), text('up to +/-2 of 73.5'))).toMatchObject({ kind: 'band', centre: 73.5, green: 2, amber: 5 });
    expect(parseThresholds(text('over 1% above range'), text('1% above range'), text('14-20'))).toMatchObject({ kind: 'range', low: 14, high: 20, amberAbove: 0.01 });
    expect(parseThresholds(text('range to be set'), text('range to be set'), text('range to be set')).kind).toBe('pending');
    expect(parseThresholds({ value: null }, { value: null }, text('n/a')).kind).toBe('none');
  });

  test('rates against one-sided, band and range thresholds', () => {
    const high = parseThresholds(text('<92%'), text('92%>'), pct(95));
    expect(rateAgainstThresholds(reading(96.5, true), high, 'high')?.status).toBe('on-target');
    expect(rateAgainstThresholds(reading(93, true), high, 'high')?.status).toBe('satisfactory');
    expect(rateAgainstThresholds(reading(77.6, true), high, 'high')?.status).toBe('off-target');
    const band = parseThresholds(text('more than +/-15'), text('+/-15'), text('+/-5 of 158.8'));
    expect(rateAgainstThresholds(reading(262.1, false), band, 'none')?.status).toBe('off-target');
    const range = parseThresholds(text('over 1% above range'), text('1% above range'), text('16-22'));
    expect(rateAgainstThresholds(reading(16.6, false), range, 'range')?.status).toBe('on-target');
    expect(rateAgainstThresholds(reading(22.1, false), range, 'range')?.status).toBe('satisfactory');
    expect(rateAgainstThresholds(reading(25, false), range, 'range')?.status).toBe('off-target');
    expect(rateAgainstThresholds(reading(12.6, false), range, 'range')).toBeNull();
  });
});

describe('threshold properties', () => {
  const value = fc.double({ min: -1000, max: 1000, noNaN: true });
  const positive = fc.double({ min: 0.1, max: 1000, noNaN: true });

  test('a value on the green side of a one-sided green threshold is never red, whatever the signs say', () => {
    fc.assert(
      fc.property(positive, positive, value, fc.constantFrom('high', 'low') as fc.Arbitrary<'high' | 'low'>, fc.constantFrom('<', '>', '', '+'), (green, gap, v, polarity, sign) => {
        const amber = polarity === 'high' ? green - gap : green + gap;
        const t = parseThresholds(text(`${sign}${amber.toFixed(2)}`), text(`${amber.toFixed(2)}${sign}`), { value: Number(green.toFixed(2)) });
        const r = rateAgainstThresholds(reading(v, false), t, polarity);
        const g = Number(green.toFixed(2));
        const onGreenSide = polarity === 'high' ? v >= g : v <= g;
        if (onGreenSide) expect(r?.status).toBe('on-target');
        if (r?.status === 'off-target') expect(onGreenSide).toBe(false);
      }),
    );
  });

  test('inside a band is never red, and green is never wider than amber', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 500, noNaN: true }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 20 }), value, (centre, g, extra, v) => {
        const a = g + extra;
        const t = parseThresholds(text(`more than +/-${a}`), text(`+/-${a}`), text(`+/-${g} of ${centre.toFixed(1)}`));
        const r = rateAgainstThresholds(reading(v, false), t, 'none');
        const dist = Math.abs(v - Number(centre.toFixed(1)));
        if (dist <= g - 1e-6) expect(r?.status).toBe('on-target');
        if (dist <= a - 1e-6) expect(r?.status).not.toBe('off-target');
        if (dist > a + 1e-6) expect(r?.status).toBe('off-target');
      }),
    );
  });

  test('parsing never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.oneof(fc.string(), fc.double(), fc.constant(null)), (r, a, g) => {
        const t = parseThresholds(text(r), text(a), { value: g as never });
        rateAgainstThresholds(reading(50, false), t, 'high');
      }),
    );
  });
});
