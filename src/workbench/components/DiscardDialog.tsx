import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import * as React from 'react';

export interface DiscardDialogProps {
  /** The file about to be opened; null keeps the dialog closed. */
  next: string | null;
  /** The open workbook's name and what in it is not downloaded ("2 clinic flags and rule changes"). */
  current: string;
  unsaved: string;
  onOpen: () => void;
  onKeep: () => void;
}

/**
 * Asked before another workbook replaces one with work in it that exists only in this tab: the default
 * answer (Escape, or the first button) keeps it.
 */
export function DiscardDialog({ next, current, unsaved, onOpen, onKeep }: DiscardDialogProps): React.JSX.Element {
  return (
    <Dialog modalType="alert" open={next !== null} onOpenChange={(_, d) => !d.open && onKeep()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Open another workbook without downloading?</DialogTitle>
          <DialogContent>
            {`"${current}" holds work not downloaded yet: ${unsaved}. It is only in this tab, and is lost if "${next ?? ''}" is opened now. Keep working to download the rated workbook first.`}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onKeep}>
              Keep working on this one
            </Button>
            <Button onClick={onOpen}>Open it and lose them</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
