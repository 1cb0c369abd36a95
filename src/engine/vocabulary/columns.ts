/**
 * Column-header wordings, by the role the column plays in a scorecard. Headers are compared after
 * normaliseHeader (lower case, punctuation and line breaks to single spaces), so write each wording that way:
 * "Ref No." is "ref no", "Good\nperformance" is "good performance".
 *
 * Precedence: a header that is a wording beats one that starts with a wording, which beats one that holds it
 * as whole words; among equals the longer wording wins. A wording in WEAK_COLUMN_WORDINGS names its role only
 * when no column of the header names it better ("Trend" is the DOT column only if no "DOT" or "Direction of
 * travel" column exists). Each column gets at most one role, best score first.
 */
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

export const COLUMN_WORDINGS: Record<ColumnRole, readonly string[]> = {
  outcome: ['outcome', 'outcomes', 'priority outcome', 'corporate outcome'],
  leadAccountability: ['lead accountability', 'strategic director', 'lead director', 'accountable director', 'directorate', 'cabinet member'],
  ref: ['ref', 'ref no', 'ref number', 'reference', 'no', 'pi ref', 'kpi ref', 'measure ref', 'indicator ref', 'pi no', 'kpi no', 'id', 'code'],
  action: ['action', 'actions', 'key action', 'activity', 'priority action'],
  measure: ['measure', 'measures', 'indicator', 'performance indicator', 'kpi', 'pi', 'measure description', 'performance measure', 'description', 'measure name', 'indicator name', 'indicator description'],
  leadOfficer: ['lead officer', 'responsible officer', 'officer', 'owner', 'measure owner', 'lead', 'accountable officer'],
  polarity: [
    'good performance', 'good perf is', 'good perf', 'polarity', 'good is', 'direction of good', 'higher or lower is better',
    'is high good', 'good performance is', 'aim', 'aim is', 'better if', 'direction of improvement', 'better is', 'high or low',
  ],
  frequency: ['frequency', 'frequency of reporting', 'reporting frequency', 'freq', 'reporting period'],
  target: ['target', 'targets', 'annual target', 'target value', 'year end target'],
  status: ['overall status', 'status', 'rag', 'rag status', 'rating', 'rag rating', 'performance status', 'rag in month', 'current status'],
  statusYearEnd: ['rag year end', 'year end rag', 'status year end', 'forecast year end status'],
  dot: ['dot', 'd o t', 'direction of travel', 'trend', 'dot month on month', 'travel', 'direction'],
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

/**
 * Wordings that name a role only as a last resort: a council's "Trend" column holds its own sparklines or
 * notes, and a bare "Direction" may be anything. They score below every ordinary wording of any role.
 */
export const WEAK_COLUMN_WORDINGS: Partial<Record<ColumnRole, readonly string[]>> = {
  dot: ['trend', 'travel', 'direction'],
};

/**
 * Words a status header may carry besides a period ("Q2 status", "Status Q2 2017/18", "Sep RAG"): what is
 * left once they are taken away is the period the status is for.
 */
export const STATUS_HEADER_WORDS: readonly string[] = ['overall', 'status', 'rag', 'rating', 'current', 'performance', 'in', 'month', 'for'];
