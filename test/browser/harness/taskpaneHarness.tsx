/**
 * The browser tests' task pane page: the real pane and the real office-js host (createOfficeHost) over
 * the fake Excel the adapter tests use, holding the fixture workbook read by ExcelJS in this page. Each
 * round trip to "Excel" waits a little, as Excel's do, so progress can be seen. Beside the pane, a plain
 * view of the sheet stands in for Excel's grid: clicking a row there is the user selecting it.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../../../src/excel/officeHost';
import type { OfficeRuntime } from '../../../src/excel/officeHost';
import { readWorkbook } from '../../../src/exceljs/exceljsGrid';
import { App } from '../../../src/taskpane/App';
import type { ScorecardHost } from '../../../src/app/host';
import { FakeExcel } from '../../excel/support/fakeExcel';
import { displayText, FakeWorkbookModel } from '../../excel/support/fakeModel';

/** What the browser test reads back from the page. */
export interface HarnessRecord {
  /** Every selectRow the pane asked of its host, as "Sheet!row". */
  selectRowCalls: string[];
  /** Round trips to the fake Excel so far. */
  syncs: number;
  /** Clicks a row of the sheet view, as a user selecting it in Excel. */
  userSelects(sheet: string, row: number): void;
}

declare global {
  interface Window {
    scorecardHarness?: HarnessRecord;
  }
}

const params = new URLSearchParams(window.location.search);
const LATENCY = Number(params.get('latency') ?? 120);
const SHEET = params.get('sheet') ?? 'Scorecard';
/** `layout=pane`: the pane alone, filling the page, as Excel's pane frame holds it (a test at pane width). */
const PANE_ONLY = params.get('layout') === 'pane';
/** Columns of the sheet view: enough to recognise a row (ref, measure, target, status, DOT). */
const VIEW_COLUMNS = 12;

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** office-js's Excel.run over the fake, each sync delayed as a round trip to Excel would be. */
function slowRuntime(fake: FakeExcel, changed: () => void): OfficeRuntime {
  const base = fake.runtime();
  const slow = (ctx: Excel.RequestContext): Excel.RequestContext => {
    const sync = ctx.sync.bind(ctx);
    const delayed = async <T,>(value?: T): Promise<T> => {
      await wait(LATENCY);
      const out = await sync(value);
      changed();
      return out as T;
    };
    ctx.sync = delayed;
    return ctx;
  };
  return {
    run: (batch) => base.run((ctx) => batch(slow(ctx))),
    runIn: (context, batch) => base.runIn(context, batch),
    isSetSupported: base.isSetSupported,
  };
}

function SheetView({ fake, version, onSelect }: { fake: FakeExcel; version: number; onSelect: (row: number) => void }): React.JSX.Element {
  const sheet = fake.model.byName(SHEET);
  const used = sheet?.usedRange(true);
  const selected = fake.model.selection?.sheet === SHEET ? fake.model.selection.range.top : -1;
  const rows = used ? Array.from({ length: used.bottom + 1 }, (_, r) => r) : [];
  return (
    <div className="sheet" data-version={version}>
      <table aria-label={`Sheet ${SHEET}`}>
        <tbody>
          {rows.map((r) => (
            <tr key={r} className={r === selected ? 'selected' : undefined} onClick={() => onSelect(r + 1)} data-row={r + 1}>
              <th>{r + 1}</th>
              {Array.from({ length: VIEW_COLUMNS }, (_, c) => (
                <td key={c}>{sheet ? displayText(sheet.cell(r, c)) : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Harness({ fake, host, record }: { fake: FakeExcel; host: ScorecardHost; record: HarnessRecord }): React.JSX.Element {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => {
    harnessListeners.add(setVersion);
    return () => {
      harnessListeners.delete(setVersion);
    };
  }, []);
  if (PANE_ONLY) {
    return (
      <div role="complementary" aria-label="Task pane">
        <App host={host} />
      </div>
    );
  }
  return (
    <div className="harness">
      <FluentProvider theme={webLightTheme} className="sheet-frame">
        <SheetView fake={fake} version={version} onSelect={(row) => record.userSelects(SHEET, row)} />
      </FluentProvider>
      <div className="pane" role="complementary" aria-label="Task pane">
        <App host={host} />
      </div>
    </div>
  );
}

const harnessListeners = new Set<(n: number) => void>();
let changes = 0;
function changed(): void {
  changes++;
  for (const l of harnessListeners) l(changes);
}

async function start(): Promise<void> {
  const response = await fetch(params.get('fixture') ?? 'fixture.xlsx');
  const { grids } = await readWorkbook(new Uint8Array(await response.arrayBuffer()) as unknown as Buffer);
  const model = FakeWorkbookModel.fromGrids(grids);
  const sheet = model.byName(SHEET);
  if (!sheet) throw new Error(`the fixture has no sheet ${SHEET}`);
  model.activeId = sheet.id;
  const fake = new FakeExcel(model);
  const record: HarnessRecord = {
    selectRowCalls: [],
    get syncs() {
      return fake.syncCount;
    },
    userSelects: (name, row) => {
      fake.userSelects(name, `A${row}:XFD${row}`);
      changed();
    },
  };
  window.scorecardHarness = record;
  const office = createOfficeHost({ runtime: slowRuntime(fake, changed), now: () => new Date(Date.UTC(2017, 10, 20, 9, 30)) });
  const host: ScorecardHost = {
    ...office,
    selectRow: async (name, row) => {
      record.selectRowCalls.push(`${name}!${row}`);
      await office.selectRow(name, row);
      changed();
    },
    onSelectionChanged: (listener) =>
      office.onSelectionChanged((s) => {
        listener(s);
        changed();
      }),
  };
  const root = document.getElementById('container');
  if (root) createRoot(root).render(<Harness fake={fake} host={host} record={record} />);
}

void start();
