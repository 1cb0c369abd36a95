import { Button, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  compact: { padding: tokens.spacingVerticalM },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  // Off screen rather than display:none, so the input stays in the page for assistive technology and tests.
  input: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface OpenFileProps {
  onFile: (file: File) => void;
  /** The name of the file being opened, while it is. */
  opening: string | null;
  /** After a file is open the zone shrinks to one line. */
  compact: boolean;
}

/** Open a workbook by choosing it or dropping it on the zone. The file is read in the browser, never sent. */
export function OpenFile({ onFile, opening, compact }: OpenFileProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);
  const take = (files: FileList | null): void => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={mergeClasses(styles.zone, compact && styles.compact, over && styles.over)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
    >
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Scorecard workbook (.xlsx)"
        tabIndex={-1}
        onChange={(e) => {
          take(e.target.files);
          // The same file can be opened again after changing it in Excel.
          e.target.value = '';
        }}
      />
      <Button appearance={compact ? 'secondary' : 'primary'} disabled={opening !== null} onClick={() => input.current?.click()}>
        {compact ? 'Open another workbook…' : 'Choose a workbook…'}
      </Button>
      {opening ? <Spinner size="tiny" label={`Opening "${opening}"…`} /> : <Text>or drop an .xlsx scorecard here.</Text>}
    </div>
  );
}
