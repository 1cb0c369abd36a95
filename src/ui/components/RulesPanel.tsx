import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Select, Switch, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { MAX_SYMBOL } from '../../engine/ruleKinds';
import { defaultRules } from '../../engine/rules';
import type { RatingRules } from '../../engine/rules';
import { formatRule, parseRule, RULE_KEYS, RULES, setRule } from '../../engine/ruleTable';
import type { ScalarRuleKey, ScalarRules } from '../../engine/ruleTable';
import { SYMBOL_RULE } from '../../engine/symbolRules';
import { DOT_KEYS, DOT_LABELS, STATUS_KEYS, STATUS_LABELS } from '../../engine/types';
import type { DotKey, StatusKey } from '../../engine/types';
import type { RulesView } from '../../app/host';
import { rulesSavedLine } from '../../app/describe';
import { rulesSheetFor } from '../../app/rulesView';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  symbols: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(8em, 1fr))', gap: tokens.spacingHorizontalS },
  // A symbol is a character or two: the box need not be as wide as a text input's default.
  symbolInput: { minWidth: 0, width: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // A choice's words can be longer than the panel is wide: the box stays inside it and ends in an ellipsis.
  choice: { minWidth: 0, maxWidth: '100%' },
  choiceSelect: { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
  working: { flex: '1 1 12em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  note: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The form's values as typed (so "2.5" can be corrected), keyed by rule; a percentage without its % sign. */
export interface Draft {
  fields: Partial<Record<ScalarRuleKey, string>>;
  symbols: Record<StatusKey, string>;
  dotSymbols: Record<DotKey, string>;
}

/** What the box of a rule shows: a percentage's box has the % sign after it, so only the number is typed. */
function fieldText<K extends ScalarRuleKey>(key: K, value: ScalarRules[K]): string {
  const text = formatRule(key, value);
  return RULES[key].kind === 'percentage' ? text.replace(/%$/, '') : text;
}

/** The text the rule table reads from a box: a percentage box's number is a percentage. */
function ruleText(key: ScalarRuleKey, typed: string): string {
  const t = typed.trim();
  return RULES[key].kind === 'percentage' && /^[-+]?[\d.]/.test(t) && !t.endsWith('%') ? `${t}%` : t;
}

export function draftOf(rules: RatingRules): Draft {
  const fields: Draft['fields'] = {};
  for (const k of RULE_KEYS) fields[k] = fieldText(k, rules[k]);
  return { fields, symbols: { ...rules.symbols }, dotSymbols: { ...rules.dotSymbols } };
}

function symbolErrors<K extends string>(symbols: Record<K, string>, keys: readonly K[], labels: Record<K, string>, prefix: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Map<string, K>();
  for (const k of keys) {
    const parsed = SYMBOL_RULE.parse(symbols[k]);
    if (!parsed.ok) errors[`${prefix}.${k}`] = parsed.problem === 'needs a symbol' ? 'Give a symbol: the sheet shows it in the status column.' : `At most ${MAX_SYMBOL} characters.`;
    else if (seen.has(parsed.value)) errors[`${prefix}.${k}`] = `Already used for ${labels[seen.get(parsed.value) as K].toLowerCase()}: each needs its own symbol.`;
    else seen.set(parsed.value, k);
  }
  return errors;
}

/** The rules the draft describes, or an error per field (keyed by rule key, "symbols.on-target"...). */
export function rulesFromDraft(draft: Draft): { rules: RatingRules } | { errors: Record<string, string> } {
  const rules = defaultRules();
  const errors: Record<string, string> = {};
  for (const k of RULE_KEYS) {
    // The box is its own place: its message says what is wrong, without the rule's key or a cell.
    const problem = applyField(rules, k, draft.fields[k] ?? '');
    if (problem) errors[k] = problem;
  }
  Object.assign(errors, symbolErrors(draft.symbols, STATUS_KEYS, STATUS_LABELS, 'symbols'), symbolErrors(draft.dotSymbols, DOT_KEYS, DOT_LABELS, 'dotSymbols'));
  if (Object.keys(errors).length) return { errors };
  for (const k of STATUS_KEYS) rules.symbols[k] = draft.symbols[k].trim();
  for (const k of DOT_KEYS) rules.dotSymbols[k] = draft.dotSymbols[k].trim();
  // Whatever the form checks, the sheet is read back as the next run will read it before anything is saved.
  const { problems } = rulesSheetFor(rules);
  return problems.length ? { errors: { form: problems.join('; ') } } : { rules };
}

function applyField<K extends ScalarRuleKey>(rules: RatingRules, key: K, typed: string): string | null {
  const parsed = parseRule(key, ruleText(key, typed));
  if (!parsed.ok) return `${parsed.problem.charAt(0).toUpperCase()}${parsed.problem.slice(1)}.`;
  setRule(rules, key, parsed.value);
  return null;
}

function FieldInput({ ruleKey, value, error, onChange }: { ruleKey: ScalarRuleKey; value: string; error?: string; onChange: (v: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const rule = RULES[ruleKey];
  if (rule.kind === 'boolean') {
    return (
      <Field hint={rule.description} validationMessage={error}>
        <Switch label={rule.name} checked={value === 'true'} onChange={(_, d) => onChange(String(d.checked))} />
      </Field>
    );
  }
  if (rule.kind === 'choice') {
    return (
      <Field label={rule.name} hint={rule.description} validationMessage={error}>
        <Select className={styles.choice} select={{ className: styles.choiceSelect }} value={value} onChange={(_, d) => onChange(d.value)}>
          {choiceOptions(ruleKey).map((o) => (
            <option key={o.value} value={o.value}>
              {o.words}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  return (
    <Field label={rule.name} hint={`${rule.description} ${rule.range}`} validationMessage={error}>
      <Input value={value} inputMode="decimal" contentAfter={rule.unit === '%' ? <span aria-hidden="true">%</span> : undefined} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

/** A choice rule's values as the select offers them: the value typed, the words shown. */
function choiceOptions<K extends ScalarRuleKey>(key: K): { value: string; words: string }[] {
  return RULES[key].options.map((o) => ({ value: formatRule(key, o.value), words: o.words }));
}

/** A step under way beside the buttons: its words over a moving bar (the pane's own progress bar, no spinner to load). */
function Working({ what }: { what: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.working}>
      <Text>{what}</Text>
      <ProgressBar thickness="medium" aria-label={what} />
    </div>
  );
}

export interface RulesPanelProps {
  /** Null while the workbook's rules are being read. */
  view: RulesView | null;
  busy: boolean;
  onSave: (rules: RatingRules) => Promise<boolean>;
  /** The rules of the last rating, when there was one: where the scorecard's own Key set a symbol, it shows. */
  ratedWith?: RatingRules | null;
  /** Rates again with the saved rules, offered beside the Save button; resolves with what the rating says. */
  onRecalculate?: () => Promise<string | null>;
}

/** What the panel says beside its buttons: saving, saved (with the offer to recalculate), rating, rated. */
type Step = { kind: 'saving' } | { kind: 'saved' } | { kind: 'rating' } | { kind: 'rated'; line: string } | null;

/** The statuses whose symbol in the last rating came from somewhere other than these rules: the sheet's Key. */
export function keySymbols(rules: RatingRules, ratedWith: RatingRules | null | undefined): { key: StatusKey; symbol: string }[] {
  if (!ratedWith) return [];
  return STATUS_KEYS.filter((k) => ratedWith.symbols[k] !== rules.symbols[k]).map((k) => ({ key: k, symbol: ratedWith.symbols[k] }));
}

/**
 * Every rating rule, generated from the rule table as the Rules sheet and the command line are, plus the
 * status and direction-of-travel symbols. Saving writes the workbook's 'Scorecard rules' sheet.
 */
export function RulesPanel({ view, busy, onSave, ratedWith, onRecalculate }: RulesPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [draft, setDraftState] = React.useState<Draft>(() => draftOf(view?.rules ?? defaultRules()));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [step, setStep] = React.useState<Step>(null);
  React.useEffect(() => {
    if (view) setDraftState(draftOf(view.rules));
    setErrors({});
  }, [view]);
  // A change typed after saving is not saved: the note about the saved rules no longer holds.
  const setDraft = (next: (d: Draft) => Draft): void => {
    setDraftState(next);
    setStep((s) => (s?.kind === 'saving' || s?.kind === 'rating' ? s : null));
  };

  if (!view) return <Text>Reading the workbook&apos;s rules…</Text>;
  const fromKey = keySymbols(view.rules, ratedWith);

  const setField = (key: ScalarRuleKey, v: string): void => setDraft((d) => ({ ...d, fields: { ...d.fields, [key]: v } }));
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    const checked = rulesFromDraft(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      setStep(null);
      return;
    }
    setErrors({});
    setStep({ kind: 'saving' });
    setStep((await onSave(checked.rules)) ? { kind: 'saved' } : null);
  };
  const recalculate = async (): Promise<void> => {
    if (!onRecalculate) return;
    setStep({ kind: 'rating' });
    const line = await onRecalculate();
    // A failed rating is shown where every error is; the offer stays so it can be tried again.
    setStep(line ? { kind: 'rated', line } : { kind: 'saved' });
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label="Rating rules" noValidate>
      {view.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The Rules sheet has {view.problems.length === 1 ? 'a problem' : `${view.problems.length} problems`}</MessageBarTitle>
            Fix {view.problems.length === 1 ? 'it' : 'them'} in the sheet, or set the rules here and save: saving rewrites the sheet.
            <ul>
              {view.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Text size={200}>
        {view.saved
          ? "These are the rules saved in the workbook's 'Scorecard rules' sheet."
          : "The workbook has no 'Scorecard rules' sheet yet, so the defaults apply. Saving adds the sheet, so everyone rates the workbook the same way."}
      </Text>
      {RULE_KEYS.map((k) => (
        <FieldInput key={k} ruleKey={k} value={draft.fields[k] ?? ''} error={errors[k]} onChange={(v) => setField(k, v)} />
      ))}
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Status symbols</legend>
        {fromKey.length > 0 && (
          <Text size={200} role="note">
            The last rating used the scorecard&apos;s own Key for{' '}
            {fromKey.map(({ key, symbol }, i) => `${i > 0 ? (i + 1 === fromKey.length ? ' and ' : ', ') : ''}${STATUS_LABELS[key].toLowerCase()} (${symbol})`).join('')}. A symbol
            left at its default here never overrides the Key; change it here to override it.
          </Text>
        )}
        <div className={styles.symbols}>
          {STATUS_KEYS.map((k) => (
            <Field key={k} label={STATUS_LABELS[k]} validationMessage={errors[`symbols.${k}`]}>
              <Input className={styles.symbolInput} input={{ size: 4 }} value={draft.symbols[k]} onChange={(_, d) => setDraft((x) => ({ ...x, symbols: { ...x.symbols, [k]: d.value } }))} />
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Direction of travel symbols</legend>
        <div className={styles.symbols}>
          {DOT_KEYS.map((k) => (
            <Field key={k} label={DOT_LABELS[k]} validationMessage={errors[`dotSymbols.${k}`]}>
              <Input className={styles.symbolInput} input={{ size: 4 }} value={draft.dotSymbols[k]} onChange={(_, d) => setDraft((x) => ({ ...x, dotSymbols: { ...x.dotSymbols, [k]: d.value } }))} />
            </Field>
          ))}
        </div>
      </fieldset>
      {errors.form && (
        <MessageBar intent="error">
          <MessageBarBody>{errors.form}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          Save rules to the workbook
        </Button>
        <Button type="button" disabled={busy} onClick={() => setDraft(() => draftOf(defaultRules()))}>
          Use the defaults
        </Button>
      </div>
      <div className={styles.note} role="status" aria-live="polite">
        {step?.kind === 'saving' && <Working what="Saving the rules…" />}
        {step?.kind === 'saved' && (
          <>
            <Text>{rulesSavedLine()}</Text>
            {onRecalculate && (
              <Button type="button" disabled={busy} onClick={() => void recalculate()}>
                Recalculate now
              </Button>
            )}
          </>
        )}
        {step?.kind === 'rating' && <Working what="Rating every measure with the saved rules…" />}
        {step?.kind === 'rated' && <Text>Rated with the saved rules. {step.line}</Text>}
      </div>
    </form>
  );
}
