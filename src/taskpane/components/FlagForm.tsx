import { Button, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { FlagInput } from '../host';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface FlagFormProps {
  /** A ref to start from, e.g. one picked in the red flags list. */
  initialRef: string;
  busy: boolean;
  onSubmit: (flag: FlagInput) => Promise<boolean>;
}

/** A reviewer's flag: ref, comment and name (remembered by the pane for the next flag). */
export function FlagForm({ initialRef, busy, onSubmit }: FlagFormProps): React.JSX.Element {
  const styles = useStyles();
  const [ref, setRef] = React.useState(initialRef);
  const [comment, setComment] = React.useState('');
  const [by, setBy] = React.useState('');
  React.useEffect(() => setRef(initialRef), [initialRef]);
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    if (await onSubmit({ ref, comment, by })) setComment('');
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label="Flag a measure for review">
      <Field label="Ref" required>
        <Input value={ref} onChange={(_, d) => setRef(d.value)} />
      </Field>
      <Field label="Comment" required>
        <Textarea value={comment} onChange={(_, d) => setComment(d.value)} />
      </Field>
      <Field label="Your name">
        <Input value={by} onChange={(_, d) => setBy(d.value)} />
      </Field>
      <Button type="submit" disabled={busy || !ref.trim() || !comment.trim()}>
        Add to Flags sheet
      </Button>
    </form>
  );
}
