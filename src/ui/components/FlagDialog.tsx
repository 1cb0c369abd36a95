import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, MessageBar, MessageBarBody, Textarea, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { FlagInput } from '../../app/host';
import { useFocusReturn } from '../useFocusReturn';

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

/**
 * A reviewer's flag for the performance clinic: the ref, a comment and their name (remembered for the next
 * one). It opens in the Comment box, since the ref is filled in from the row chosen, and gives focus back
 * to whatever opened it when it closes.
 */
export function FlagDialog({ flagRef, busy, onClose, onSubmit }: FlagDialogProps): React.JSX.Element {
  const styles = useStyles();
  const open = flagRef !== null;
  const [ref, setRef] = React.useState(flagRef ?? '');
  const [comment, setComment] = React.useState('');
  const [by, setBy] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [adding, setAdding] = React.useState(false);
  const commentBox = React.useRef<HTMLTextAreaElement>(null);
  const refBox = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    if (flagRef !== null) {
      setRef(flagRef);
      setComment('');
      setError(null);
    }
  }, [flagRef]);
  // With no ref to start from, the Ref box is the first to type in.
  useFocusReturn(open, () => (flagRef ? commentBox.current : refBox.current));

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    setAdding(true);
    const outcome = await onSubmit({ ref, comment, by });
    setAdding(false);
    if (outcome.ok) onClose();
    else setError(outcome.error);
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>Flag a measure for the performance clinic</DialogTitle>
            <DialogContent className={styles.content}>
              <Field label="Ref" required hint="The measure's ref, as in the scorecard's Ref column.">
                <Input ref={refBox} value={ref} onChange={(_, d) => setRef(d.value)} />
              </Field>
              <Field label="Comment" required hint="What the clinic should look at. It goes into the Flags sheet.">
                <Textarea ref={commentBox} value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" />
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
                {adding ? 'Adding the flag…' : 'Add flag'}
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
