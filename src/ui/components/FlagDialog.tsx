import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, MessageBar, MessageBarBody, Textarea, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { FlagInput } from '../../app/host';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface FlagDialogProps {
  /** The ref to flag; null keeps the dialog closed. */
  flagRef: string | null;
  busy: boolean;
  onClose: () => void;
  /** Saves the flag; on failure the dialog stays open with the reason, so nothing typed is lost. */
  onSubmit: (flag: FlagInput) => Promise<{ ok: true } | { ok: false; error: string }>;
}

/** A reviewer's flag for the performance clinic: the ref, a comment and their name (remembered for the next one). */
export function FlagDialog({ flagRef, busy, onClose, onSubmit }: FlagDialogProps): React.JSX.Element {
  const styles = useStyles();
  const [ref, setRef] = React.useState(flagRef ?? '');
  const [comment, setComment] = React.useState('');
  const [by, setBy] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (flagRef !== null) {
      setRef(flagRef);
      setComment('');
      setError(null);
    }
  }, [flagRef]);

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    const outcome = await onSubmit({ ref, comment, by });
    if (outcome.ok) onClose();
    else setError(outcome.error);
  };

  return (
    <Dialog open={flagRef !== null} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>Flag a measure for the performance clinic</DialogTitle>
            <DialogContent className={styles.content}>
              <Field label="Ref" required hint="The measure's ref, as in the scorecard's Ref column.">
                <Input value={ref} onChange={(_, d) => setRef(d.value)} />
              </Field>
              <Field label="Comment" required hint="What the clinic should look at. It goes into the Flags sheet.">
                <Textarea value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" />
              </Field>
              <Field label="Your name">
                <Input value={by} onChange={(_, d) => setBy(d.value)} />
              </Field>
              {error && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={busy || !ref.trim() || !comment.trim()}>
                Add flag
              </Button>
              <Button type="button" onClick={onClose}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
