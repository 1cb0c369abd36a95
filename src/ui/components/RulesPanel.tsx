import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, Switch, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { applyRuleText, defaultRules, RULE_FIELDS } from '../../engine/rules';
import type { RatingRules, RuleField } from '../../engine/rules';
import { DOT_KEYS, DOT_LABELS, STATUS_KEYS, STATUS_LABELS } from '../../engine/types';
import type { DotKey, StatusKey } from '../../engine/types';
import type { RulesView } from '../../app/host';
import { rulesSheetFor } from '../../app/rulesView';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  symbols: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(8em, 1fr))', gap: tokens.spacingHorizontalS },
  // A symbol is a character or two: the box need not be as wide as a text input's default.
  symbolInput: { minWidth: 0, width: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The form's values: numbers as typed (so "2.5%" can be corrected), the rest as chosen. */
export interface Draft {
  fields: Record<string, string | boolean>;
  symbols: Record<StatusKey, string>;
  dotSymbols: Record<DotKey, string>;
}

export function draftOf(rules: RatingRules): Draft {
  const r = rules as unknown as Record<string, unknown>;
  const fields: Record<string, string | boolean> = {};
  for (const f of RULE_FIELDS) fields[f.key] = f.type === 'boolean' ? Boolean(r[f.key]) : String(r[f.key]);
  return { fields, symbols: { ...rules.symbols }, dotSymbols: { ...rules.dotSymbols } };
}

/** Longer than this is not a symbol but a word, and would not fit the status column. */
const MAX_SYMBOL = 4;

function symbolErrors<K extends string>(symbols: Record<K, string>, keys: readonly K[], labels: Record<K, string>, prefix: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Map<string, K>();
  for (const k of keys) {
    const s = symbols[k].trim();
    if (!s) errors[`${prefix}.${k}`] = 'Give a symbol: the sheet shows it in the status column.';
    else if ([...s].length > MAX_SYMBOL) errors[`${prefix}.${k}`] = `At most ${MAX_SYMBOL} characters.`;
    else if (seen.has(s)) errors[`${prefix}.${k}`] = `Already used for ${labels[seen.get(s) as K].toLowerCase()}: each needs its own symbol.`;
    else seen.set(s, k);
  }
  return errors;
}

/** The rules the draft describes, or an error per field (keyed by rule key, "symbols.on-target"...). */
export function rulesFromDraft(draft: Draft): { rules: RatingRules } | { errors: Record<string, string> } {
  const rules = defaultRules();
  const errors: Record<string, string> = {};
  for (const f of RULE_FIELDS) {
    const v = draft.fields[f.key];
    // Blank is not zero: applyRuleText would read "" as 0 and silently change the rule.
    if (f.type === 'number' && String(v).trim() === '') {
      errors[f.key] = 'needs a number';
      continue;
    }
    const error = applyRuleText(rules, f.key, typeof v === 'boolean' ? String(v) : v);
    if (error) errors[f.key] = error.replace(/^rule "[^"]+" /, '');
  }
  Object.assign(errors, symbolErrors(draft.symbols, STATUS_KEYS, STATUS_LABELS, 'symbols'), symbolErrors(draft.dotSymbols, DOT_KEYS, DOT_LABELS, 'dotSymbols'));
  if (Object.keys(errors).length) return { errors };
  rules.symbols = Object.fromEntries(STATUS_KEYS.map((k) => [k, draft.symbols[k].trim()])) as Record<StatusKey, string>;
  rules.dotSymbols = Object.fromEntries(DOT_KEYS.map((k) => [k, draft.dotSymbols[k].trim()])) as Record<DotKey, string>;
  // Whatever the form checks, the sheet is read back as the next run will read it before anything is saved.
  const { problems } = rulesSheetFor(rules);
  return problems.length ? { errors: { form: problems.join('; ') } } : { rules };
}

function FieldInput({ field, value, error, onChange }: { field: RuleField; value: string | boolean; error?: string; onChange: (v: string | boolean) => void }): React.JSX.Element {
  if (field.type === 'boolean') {
    return (
      <Field hint={field.help} validationMessage={error}>
        <Switch label={field.label} checked={value === true} onChange={(_, d) => onChange(d.checked)} />
      </Field>
    );
  }
  if (field.type === 'choice') {
    return (
      <Field label={field.label} hint={field.help} validationMessage={error}>
        <Select value={String(value)} onChange={(_, d) => onChange(d.value)}>
          {(field.choices ?? []).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  const range = field.min !== undefined && field.max !== undefined ? ` From ${field.min} to ${field.max}.` : '';
  return (
    <Field label={field.label} hint={`${field.help}${range}`} validationMessage={error}>
      <Input value={String(value)} inputMode="decimal" onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

export interface RulesPanelProps {
  /** Null while the workbook's rules are being read. */
  view: RulesView | null;
  busy: boolean;
  onSave: (rules: RatingRules) => Promise<boolean>;
  /** The rules of the last rating, when there was one: where the scorecard's own Key set a symbol, it shows. */
  ratedWith?: RatingRules | null;
}

/** The statuses whose symbol in the last rating came from somewhere other than these rules: the sheet's Key. */
export function keySymbols(rules: RatingRules, ratedWith: RatingRules | null | undefined): { key: StatusKey; symbol: string }[] {
  if (!ratedWith) return [];
  return STATUS_KEYS.filter((k) => ratedWith.symbols[k] !== rules.symbols[k]).map((k) => ({ key: k, symbol: ratedWith.symbols[k] }));
}

/**
 * Every rating rule, generated from RULE_FIELDS as the Rules sheet and the command line are, plus the
 * status and direction-of-travel symbols. Saving writes the workbook's 'Scorecard rules' sheet.
 */
export function RulesPanel({ view, busy, onSave, ratedWith }: RulesPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [draft, setDraft] = React.useState<Draft>(() => draftOf(view?.rules ?? defaultRules()));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  React.useEffect(() => {
    if (view) setDraft(draftOf(view.rules));
    setErrors({});
  }, [view]);

  if (!view) return <Text>Reading the workbook&apos;s rules…</Text>;
  const fromKey = keySymbols(view.rules, ratedWith);

  const setField = (key: string, v: string | boolean): void => setDraft((d) => ({ ...d, fields: { ...d.fields, [key]: v } }));
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    const checked = rulesFromDraft(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    await onSave(checked.rules);
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
      {RULE_FIELDS.map((f) => (
        <FieldInput key={f.key} field={f} value={draft.fields[f.key]} error={errors[f.key]} onChange={(v) => setField(f.key, v)} />
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
        <Button type="button" disabled={busy} onClick={() => setDraft(draftOf(defaultRules()))}>
          Use the defaults
        </Button>
      </div>
    </form>
  );
}
