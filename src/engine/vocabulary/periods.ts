/**
 * How councils title their period columns: "Year end 2016/17", "Q2 Jul - Sep 2017", "Qtr 2 2017/18",
 * "Sept 17", "Autumn term 2017", "YTD". Titles are compared in lower case with runs of spaces made one.
 *
 * Precedence (engine/periods.ts tries the shapes in this order, the first that fits the whole title wins):
 * year to date, year end / outturn, academic year, quarter with a financial year, quarter by its months,
 * quarter with a calendar year, rolling months, half years, terms, single months. A title that fits none is
 * not a period, so ordinary column titles are never mistaken for one. Under a financial-year title ("2017/18"
 * over "Q1", "Jul") the short titles of PERIOD_IN_YEAR shapes are read within that year.
 */

/** Month names and abbreviations, to the month number. */
export const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Words before a quarter's number: "Q2", "Qtr 2", "Quarter 2". */
export const QUARTER_WORDS: readonly string[] = ['q', 'qtr', 'quarter'];

/** Words before a half year's number: "H1", "Half 1". */
export const HALF_WORDS: readonly string[] = ['h', 'half', 'half year'];

/** Words before a financial year that make it the year's outturn: "Year end 2016/17", "Outturn 2016/17". */
export const YEAR_END_WORDS: readonly string[] = ['year end', 'year-end', 'yearend', 'outturn', 'annual', 'full year', 'fy', 'end of year'];

/** Words after a financial year that make it the year's outturn: "2016/17 year end", "2016/17 actual". */
export const YEAR_END_SUFFIXES: readonly string[] = ['year end', 'year-end', 'yearend', 'outturn', 'actual'];

/** Year to date: "YTD", "Year to date 15/16". */
export const YTD_WORDS: readonly string[] = ['ytd', 'year to date'];

/** Academic years: "Academic year 2016/17". */
export const ACADEMIC_WORDS: readonly string[] = ['academic year', 'academic'];

/** School terms, to the month each ends in. */
export const TERM_END_MONTHS: Readonly<Record<string, number>> = { autumn: 12, spring: 4, summer: 7 };

/** Words joining the months of a span: "Jul - Sep", "Jul to Sep". */
export const SPAN_JOINERS: readonly string[] = ['-', '–', 'to'];

/**
 * Words around a period that say the column holds its value, not another period: "Q2 2017/18 Actual",
 * "Actual Sep-17". Taken off before the title is read.
 */
export const VALUE_WORDS: readonly string[] = ['actual', 'actuals', 'performance', 'result', 'value'];
