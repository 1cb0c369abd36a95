/** Column roles of a scorecard and the header wordings councils use for them. */
export type ColumnRole =
  | 'outcome'
  | 'leadAccountability'
  | 'ref'
  | 'action'
  | 'measure'
  | 'leadOfficer'
  | 'polarity'
  | 'frequency'
  | 'target'
  | 'status'
  | 'statusYearEnd'
  | 'dot'
  | 'notes'
  | 'explanation'
  | 'override'
  | 'tolerance'
  | 'red'
  | 'amber'
  | 'green'
  | 'section';

export const SYNONYMS: Record<ColumnRole, readonly string[]> = {
  outcome: ['outcome', 'outcomes', 'priority outcome', 'corporate outcome'],
  leadAccountability: ['lead accountability', 'strategic director', 'lead director', 'accountable director', 'directorate', 'cabinet member'],
  ref: ['ref', 'ref no', 'ref number', 'reference', 'no', 'pi ref', 'kpi ref', 'measure ref', 'indicator ref', 'pi no', 'kpi no', 'id', 'code'],
  action: ['action', 'actions', 'key action', 'activity', 'priority action'],
  measure: ['measure', 'measures', 'indicator', 'performance indicator', 'kpi', 'pi', 'measure description', 'performance measure', 'description', 'measure name', 'indicator name', 'indicator description'],
  leadOfficer: ['lead officer', 'responsible officer', 'officer', 'owner', 'measure owner', 'lead', 'accountable officer'],
  polarity: ['good performance', 'good perf is', 'good perf', 'polarity', 'good is', 'direction of good', 'higher or lower is better', 'is high good', 'good performance is'],
  frequency: ['frequency', 'frequency of reporting', 'reporting frequency', 'freq', 'reporting period'],
  target: ['target', 'targets', 'annual target', 'target value', 'year end target'],
  status: ['overall status', 'status', 'rag', 'rag status', 'rating', 'rag rating', 'performance status', 'rag in month', 'current status'],
  statusYearEnd: ['rag year end', 'year end rag', 'status year end', 'forecast year end status'],
  dot: ['dot', 'direction of travel', 'trend', 'dot month on month', 'travel', 'direction'],
  notes: ['data notes', 'notes', 'comments', 'commentary', 'data note', 'narrative', 'comment'],
  // Only our own header: a council's "Explanation" or "Reason" column is someone's narrative, never ours to overwrite.
  explanation: ['rating explanation', 'scorecard explanation'],
  override: ['status override', 'override', 'manual status', 'override status', 'manual override'],
  tolerance: ['tolerance', 'tolerances', 'tolerance band'],
  red: ['red', 'red threshold'],
  amber: ['amber', 'amber threshold'],
  green: ['target green', 'green', 'green threshold'],
  section: ['section', 'priority', 'theme', 'service area'],
};

/** Lower case, punctuation to spaces, one space between words. */
export function normaliseHeader(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** How well a header names a role: exact beats a leading match beats a whole-word match; longer wordings win ties. */
const scoreCache = new Map<string, { role: ColumnRole; score: number }[]>();
const NO_ROLES: { role: ColumnRole; score: number }[] = [];

export function roleScores(header: string): { role: ColumnRole; score: number }[] {
  // Every cell of every row is asked whether it is a header; most are numbers or long text, and the rest repeat.
  if (typeof header !== 'string' || header.length === 0 || header.length > 300) return NO_ROLES;
  const cached = scoreCache.get(header);
  if (cached) return cached;
  const result = computeRoleScores(header);
  if (scoreCache.size > 5000) scoreCache.clear();
  scoreCache.set(header, result);
  return result;
}

function computeRoleScores(header: string): { role: ColumnRole; score: number }[] {
  const h = normaliseHeader(header);
  if (!h || h.length > 240) return NO_ROLES;
  const out: { role: ColumnRole; score: number }[] = [];
  for (const role of Object.keys(SYNONYMS) as ColumnRole[]) {
    let best = 0;
    for (const syn of SYNONYMS[role]) {
      let s = 0;
      if (h === syn) s = 3;
      else if (h.startsWith(`${syn} `)) s = 2;
      else if (h.length <= 60 && ` ${h} `.includes(` ${syn} `)) s = 1;
      if (s) best = Math.max(best, s + syn.length / 100);
    }
    if (best) out.push({ role, score: best });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The first word of every wording, for a cheap test before scoring a cell. */
const FIRST_WORDS = new Set(Object.values(SYNONYMS).flatMap((list) => list.map((s) => s.split(' ')[0])));

/** Whether a cell's text could name a column at all: short, and starting with a word some wording starts with. */
export function mayBeHeader(text: unknown): boolean {
  if (typeof text !== 'string' || text.length === 0 || text.length > 300) return false;
  const m = /^\W*([A-Za-z]+)/.exec(text);
  return m !== null && FIRST_WORDS.has(m[1].toLowerCase());
}

/** Roles that make a row look like a header row. */
export const CORE_ROLES: readonly ColumnRole[] = ['ref', 'measure', 'target', 'status', 'polarity', 'frequency', 'dot', 'green'];
