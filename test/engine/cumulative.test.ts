import { looksCumulative } from '../../src/engine/cumulative';
import { read } from './build';

describe('looksCumulative', () => {
  it('council tax collected: rises within the year and resets after the year end', () => {
    expect(
      looksCumulative(
        read({
          'Q3 Oct - Dec 2016': '83.2%',
          'Q4 Jan - Mar 2017': '97.3%',
          'Q1 Apr - Jun 2017': '27.7%',
          'Q2 Jul - Sep 2017': '54.0%',
        }),
      ),
    ).toBe(true);
  });
  it('a fall within a financial year means not cumulative', () => {
    expect(looksCumulative(read({ 'Q4 Jan - Mar 2017': 97, 'Q1 Apr - Jun 2017': 30, 'Q2 Jul - Sep 2017': 25 }))).toBe(false);
  });
  it('no reset at the year end means not cumulative', () => {
    expect(looksCumulative(read({ 'Q4 Jan - Mar 2017': 50, 'Q1 Apr - Jun 2017': 48, 'Q2 Jul - Sep 2017': 55 }))).toBe(false);
  });
  it('fewer than three quarters is not enough to tell', () => {
    expect(looksCumulative(read({ 'Q4 Jan - Mar 2017': 97, 'Q1 Apr - Jun 2017': 27 }))).toBe(false);
  });
  it('only quarters count (months are ignored)', () => {
    expect(looksCumulative(read({ 'Mar-17': 97, 'Apr-17': 10, 'May-17': 20 }))).toBe(false);
  });
  it('flat within the year never rises, so not cumulative', () => {
    expect(looksCumulative(read({ 'Q4 Jan - Mar 2017': 100, 'Q1 Apr - Jun 2017': 20, 'Q2 Jul - Sep 2017': 20 }))).toBe(false);
  });
});
