/**
 * A fake of the Excel JavaScript API, just as much as the add-in uses, with office-js's batch semantics:
 * calls are queued and run in order at context.sync(); a loaded property can be read only after the sync
 * that loaded it (else PropertyNotLoaded, as the real API throws); an error stops the batch where it
 * happens (earlier calls stay done); proxies replay their path on each sync, so a sheet renamed between
 * syncs is not found by its old name. Every call and every sync is recorded, with the payload sizes Excel
 * on the web limits (5 MB), which can be switched on.
 */
import type { CellRange } from '../../../src/workbook/grid';
import { a1, areaAddress, displayText, FakeSheet, FakeWorkbookModel, nameValue, parseLocal, parseTyped, sheetPrefix, shiftFormula, splitSheet } from './fakeModel';
import type { FakeCell, FakeChart, FakeName, Hyperlink } from './fakeModel';

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export interface CallRecord {
  /** 1-based number of the sync (round trip) that carries the call, counted per context. */
  batch: number;
  /** What was called: "Range.values=", "Worksheet.delete()", "Range.load(values,text)". */
  api: string;
  /** The object path, e.g. "worksheets.getItem(Scorecard).getRangeByIndexes(5,9,1,1)". */
  path: string;
}

export interface SyncRecord {
  index: number;
  calls: number;
  requestBytes: number;
  responseBytes: number;
  ok: boolean;
  error?: string;
}

/** A cell property changed when a batch ran. */
export interface CellChange {
  sheet: string;
  address: string;
  property: string;
}

export type SelectionHandler = (args: Excel.WorksheetSelectionChangedEventArgs) => Promise<unknown> | unknown;

/** The runtime object the add-in's OfficeRuntime takes, over this fake. */
export interface FakeRuntime {
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  runIn<T>(context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(set: string, version: string): boolean;
}

export interface FakeOptions {
  /** Excel on the web refuses requests and responses over 5 MB; null (desktop) has no limit. */
  payloadLimit?: number | null;
  /** Highest ExcelApi version the fake host claims, for isSetSupported. */
  apiVersion?: string;
}

/** The whole fake host: a workbook model, the record of calls and syncs, and hooks to change things between syncs. */
export class FakeExcel {
  readonly calls: CallRecord[] = [];
  readonly syncs: SyncRecord[] = [];
  readonly changes: CellChange[] = [];
  payloadLimit: number | null;
  apiVersion: string;
  /** When true every sync fails as Excel does while a cell is being edited. */
  editMode = false;
  /** Runs before each sync with its 1-based number across the whole fake. */
  beforeSync: ((n: number) => void) | null = null;
  /** Runs counted across contexts (one Excel.run each). */
  runs = 0;

  constructor(
    readonly model: FakeWorkbookModel,
    options: FakeOptions = {},
  ) {
    this.payloadLimit = options.payloadLimit ?? null;
    this.apiVersion = options.apiVersion ?? '1.17';
  }

  context(): FakeContext {
    return new FakeContext(this);
  }

  /** The runtime the add-in's host takes: Excel.run (with and without a context) and Office's isSetSupported. */
  runtime(): FakeRuntime {
    return {
      run: async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
        this.runs++;
        return batch(this.context() as unknown as Excel.RequestContext);
      },
      runIn: async <T>(context: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
        if (!(context instanceof FakeContext) || context.host !== this) throw new Error('fake Excel: Excel.run(context) needs a context of this fake');
        this.runs++;
        return batch(context);
      },
      isSetSupported: (set: string, version: string) => set === 'ExcelApi' && compareVersions(version, this.apiVersion) <= 0,
    };
  }

  /** Selection-changed handlers registered (and synced) through worksheets.onSelectionChanged. */
  readonly selectionHandlers = new Set<SelectionHandler>();

  /**
   * The user clicks a cell: the sheet becomes active, the selection moves, and every handler hears of it
   * after the current task, as Excel raises events outside the batch that caused them.
   */
  userSelects(sheetName: string, address: string): void {
    const sheet = this.model.byName(sheetName);
    const area = parseLocal(address);
    if (!sheet || !area) throw new Error(`fake Excel: cannot select ${sheetName}!${address}`);
    this.model.activeId = sheet.id;
    this.model.selection = { sheet: sheet.name, range: area };
    this.raiseSelection(sheet, area);
  }

  /** Raises WorksheetSelectionChanged for a selection made by the user or by Range.select(). */
  raiseSelection(sheet: FakeSheet, area: CellRange): void {
    const args = { type: 'WorksheetSelectionChanged', source: 'Local', worksheetId: sheet.id, address: areaAddress(area) };
    for (const h of [...this.selectionHandlers]) void Promise.resolve().then(() => h(args as unknown as Excel.WorksheetSelectionChangedEventArgs));
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** Forgets the record (not the workbook), to measure one operation. */
  resetRecord(): void {
    this.calls.length = 0;
    this.syncs.length = 0;
    this.changes.length = 0;
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

interface Op {
  api: string;
  path: string;
  bytes: number;
  /** Runs the call against the model; a load returns what it read, to hand over after the sync. */
  run(): (() => void) | void;
  responseBytes?: () => number;
}

function size(v: unknown): number {
  return (JSON.stringify(v) ?? '').length;
}

export class FakeContext {
  private queue: Op[] = [];
  private batchNo = 1;
  readonly workbook: FakeWorkbook;

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get model(): FakeWorkbookModel {
    return this.host.model;
  }

  enqueue(api: string, path: string, args: unknown, run: Op['run'], responseBytes?: () => number): void {
    this.host.calls.push({ batch: this.batchNo, api, path });
    this.queue.push({ api, path, bytes: 40 + path.length + size(args), run, responseBytes });
  }

  change(sheet: FakeSheet, r: number, c: number, property: string): void {
    this.host.changes.push({ sheet: sheet.name, address: a1(r, c), property });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.batchNo++;
    const record: SyncRecord = { index: this.host.syncs.length + 1, calls: ops.length, requestBytes: ops.reduce((a, o) => a + o.bytes, 0), responseBytes: 0, ok: false };
    this.host.syncs.push(record);
    this.host.beforeSync?.(record.index);
    const fail = (e: FakeOfficeError): never => {
      record.error = e.code;
      throw e;
    };
    if (this.host.editMode) fail(new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.'));
    const limit = this.host.payloadLimit;
    if (limit !== null && record.requestBytes > limit) fail(new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.'));
    const deliver: (() => void)[] = [];
    for (const op of ops) {
      try {
        const d = op.run();
        if (d) deliver.push(d);
        if (op.responseBytes) record.responseBytes += op.responseBytes();
      } catch (e) {
        if (e instanceof FakeOfficeError) fail(e);
        throw e;
      }
    }
    if (limit !== null && record.responseBytes > limit) fail(new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.'));
    for (const d of deliver) d();
    record.ok = true;
  }
}

/** Parses a load() argument: "a,b", ["a","b"], or { select: "a,b" }. */
function loadList(spec: unknown): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadList(s));
  if (typeof spec === 'object' && spec !== null && 'select' in spec) return loadList((spec as { select: unknown }).select);
  throw new Error(`fake Excel: unsupported load argument ${JSON.stringify(spec)}`);
}

/** The office-js proxy basics: queued loads, properties readable only once loaded, null objects. */
abstract class Proxy {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly ctx: FakeContext,
    readonly path: string,
  ) {}

  protected abstract readonly kind: string;

  /** The properties this object can load, read from the model at sync time. */
  protected abstract read(prop: string): unknown;

  /** False when the object is a null object (the *OrNullObject methods); throws when it does not exist. */
  protected abstract exists(): boolean;

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  load(spec?: unknown): this {
    const props = loadList(spec);
    let bytes = 0;
    this.ctx.enqueue(
      `${this.kind}.load(${props.join(',')})`,
      this.path,
      props,
      () => {
        const present = this.exists();
        const values = new Map<string, unknown>();
        if (present) for (const p of props) values.set(p, this.read(p));
        bytes = size([...values.values()]);
        return () => {
          this.nullState = !present;
          for (const [k, v] of values) this.loaded.set(k, v);
        };
      },
      () => bytes,
    );
    return this;
  }

  /** Queues a property set or method call that changes the workbook. */
  protected act(api: string, args: unknown, run: () => void): void {
    this.ctx.enqueue(`${this.kind}.${api}`, this.path, args, () => {
      run();
    });
  }
}

// ----------------------------------------------------------------------------------------------- workbook

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  readonly protection: FakeWorkbookProtection;
  readonly tables: FakeTableCollection;
  readonly settings: FakeSettingCollection;

  constructor(readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
    this.protection = new FakeWorkbookProtection(ctx, 'workbook.protection');
    this.tables = new FakeTableCollection(ctx, 'workbook.tables', null);
    this.settings = new FakeSettingCollection(ctx);
  }
}

class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue('Application.suspendScreenUpdatingUntilNextSync()', 'application', null, () => undefined);
  }
}

class FakeWorkbookProtection extends Proxy {
  protected readonly kind = 'WorkbookProtection';
  protected exists(): boolean {
    return true;
  }
  protected read(prop: string): unknown {
    if (prop === 'protected') return this.ctx.model.structureProtected;
    throw new Error(`fake Excel: WorkbookProtection.${prop} not modelled`);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

// ----------------------------------------------------------------------------------------------- settings

class FakeSettingCollection {
  constructor(private readonly ctx: FakeContext) {}
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, true);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, false);
  }
  add(key: string, value: unknown): FakeSetting {
    this.ctx.enqueue('SettingCollection.add()', `settings.add(${key})`, value, () => {
      this.ctx.model.settings.set(key, value);
    });
    return new FakeSetting(this.ctx, key, false);
  }
}

class FakeSetting extends Proxy {
  protected readonly kind = 'Setting';
  constructor(
    ctx: FakeContext,
    private readonly key: string,
    private readonly orNull: boolean,
  ) {
    super(ctx, `settings.getItem(${key})`);
  }
  protected exists(): boolean {
    if (this.ctx.model.settings.has(this.key)) return true;
    if (this.orNull) return false;
    throw new FakeOfficeError('ItemNotFound', `The setting "${this.key}" was not found.`);
  }
  protected read(prop: string): unknown {
    if (prop === 'value') return this.ctx.model.settings.get(this.key);
    if (prop === 'key') return this.key;
    throw new Error(`fake Excel: Setting.${prop} not modelled`);
  }
  get value(): unknown {
    return this.get('value');
  }
  delete(): void {
    this.act('delete()', null, () => {
      if (!this.exists()) throw new FakeOfficeError('ItemNotFound', `The setting "${this.key}" was not found.`);
      this.ctx.model.settings.delete(this.key);
    });
  }
}

// ----------------------------------------------------------------------------------------------- worksheets

type SheetResolver = () => FakeSheet | null;

const BAD_SHEET_NAME = /[[\]:*?/\\]/;

/** worksheets.onSelectionChanged: a handler is registered, and removed, when its batch is synced. */
class FakeSelectionEvent {
  constructor(private readonly ctx: FakeContext) {}
  add(handler: SelectionHandler): { context: FakeContext; remove(): void } {
    const handlers = this.ctx.host.selectionHandlers;
    this.ctx.enqueue('WorksheetCollection.onSelectionChanged.add()', 'worksheets.onSelectionChanged', null, () => {
      handlers.add(handler);
    });
    return {
      context: this.ctx,
      remove: () => {
        this.ctx.enqueue('EventHandlerResult.remove()', 'worksheets.onSelectionChanged', null, () => {
          handlers.delete(handler);
        });
      },
    };
  }
}

class FakeWorksheetCollection extends Proxy {
  protected readonly kind = 'WorksheetCollection';
  private list: FakeWorksheet[] | null = null;
  readonly onSelectionChanged: FakeSelectionEvent;

  constructor(ctx: FakeContext) {
    super(ctx, 'worksheets');
    this.onSelectionChanged = new FakeSelectionEvent(ctx);
  }
  protected exists(): boolean {
    return true;
  }
  protected read(prop: string): unknown {
    const m = /^items\/(.+)$/.exec(prop);
    if (!m) throw new Error(`fake Excel: WorksheetCollection.${prop} not modelled`);
    return this.ctx.model.sheets.map((s, i) => sheetProp(s, m[1], i));
  }
  override load(spec?: unknown): this {
    const props = loadList(spec).map((p) => (p.startsWith('items/') ? p : `items/${p}`));
    let listBytes = 0;
    this.ctx.enqueue(
      `WorksheetCollection.load(${props.join(',')})`,
      this.path,
      props,
      () => {
        const sheets = [...this.ctx.model.sheets];
        const values = sheets.map((s, i) => props.map((p) => sheetProp(s, p.slice('items/'.length), i)));
        listBytes = size(values);
        return () => {
          this.list = sheets.map((s, i) => {
            const ws = new FakeWorksheet(this.ctx, `worksheets.getItem(${s.id})`, () => (this.ctx.model.sheets.includes(s) ? s : null), false);
            props.forEach((p, k) => ws.deliver(p.slice('items/'.length), values[i][k]));
            return ws;
          });
        };
      },
      () => listBytes,
    );
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets.getItem(${key})`, () => this.ctx.model.byKey(key) ?? null, false, key);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets.getItemOrNullObject(${key})`, () => this.ctx.model.byKey(key) ?? null, true, key);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, 'worksheets.getActiveWorksheet()', () => this.ctx.model.active, false);
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    const ws = new FakeWorksheet(this.ctx, `worksheets.add(${name})`, () => (created && this.ctx.model.sheets.includes(created) ? created : null), false, name);
    this.ctx.enqueue('WorksheetCollection.add()', 'worksheets', name, () => {
      const model = this.ctx.model;
      if (model.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
      if (!name || name.length > 31 || BAD_SHEET_NAME.test(name)) throw new FakeOfficeError('InvalidArgument', `"${name}" is not a valid sheet name.`);
      if (model.byName(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
      created = model.addSheet(name);
    });
    return ws;
  }
}

function sheetProp(s: FakeSheet, prop: string, index: number): unknown {
  switch (prop) {
    case 'id':
      return s.id;
    case 'name':
      return s.name;
    case 'position':
      return index;
    case 'visibility':
      return s.visibility;
    default:
      throw new Error(`fake Excel: Worksheet.${prop} not modelled`);
  }
}

export class FakeWorksheet extends Proxy {
  protected readonly kind = 'Worksheet';
  readonly protection: FakeWorksheetProtection;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly names: FakeNamedItemCollection;

  constructor(
    ctx: FakeContext,
    path: string,
    readonly resolveSheet: SheetResolver,
    private readonly orNull: boolean,
    private readonly key?: string,
  ) {
    super(ctx, path);
    this.protection = new FakeWorksheetProtection(ctx, `${path}.protection`, () => this.sheet());
    this.tables = new FakeTableCollection(ctx, `${path}.tables`, () => this.sheet());
    this.charts = new FakeChartCollection(ctx, `${path}.charts`, () => this.sheet());
    this.names = new FakeNamedItemCollection(ctx, `${path}.names`, () => this.sheet());
  }

  /** The sheet this proxy stands for now, or ItemNotFound. */
  sheet(): FakeSheet {
    const s = this.resolveSheet();
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (sheet ${this.key ?? this.path}).`);
    return s;
  }

  protected exists(): boolean {
    if (this.resolveSheet()) return true;
    if (this.orNull) return false;
    return Boolean(this.sheet());
  }

  protected read(prop: string): unknown {
    const s = this.sheet();
    return sheetProp(s, prop, this.ctx.model.sheets.indexOf(s));
  }

  deliver(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.act('name=', value, () => {
      const s = this.sheet();
      const other = this.ctx.model.byName(value);
      if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${value}" already exists.`);
      s.name = value;
    });
  }
  get position(): number {
    return this.get('position');
  }
  set position(value: number) {
    this.act('position=', value, () => {
      const s = this.sheet();
      const sheets = this.ctx.model.sheets;
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(Math.min(value, sheets.length), 0, s);
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(value: string) {
    this.act('visibility=', value, () => {
      const s = this.sheet();
      if (value !== 'Visible' && this.ctx.model.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      s.visibility = value as FakeSheet['visibility'];
    });
  }

  delete(): void {
    this.act('delete()', null, () => {
      const s = this.sheet();
      const model = this.ctx.model;
      if (model.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
      if (model.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      model.sheets.splice(model.sheets.indexOf(s), 1);
      if (model.activeId === s.id) model.activeId = (model.sheets.find((x) => x.visibility === 'Visible') as FakeSheet).id;
    });
  }

  activate(): void {
    this.act('activate()', null, () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.ctx.model.activeId = s.id;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange(${address ?? ''})`, () => {
      const area = address === undefined ? { top: 0, left: 0, bottom: 1048575, right: 16383 } : parseLocal(address);
      if (!area) throw new FakeOfficeError('InvalidArgument', `The address "${address}" is not valid.`);
      return { sheet: this.sheet(), area };
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRangeByIndexes(${row},${col},${rows},${cols})`, () => {
      if (rows < 1 || cols < 1) throw new FakeOfficeError('InvalidArgument', 'The range must have at least one row and column.');
      return { sheet: this.sheet(), area: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } };
    });
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, `${this.path}.getRanges(${address.length > 60 ? `${address.slice(0, 60)}…` : address})`, () => {
      const areas = address.split(',').map((a) => parseLocal(a));
      if (areas.some((a) => !a)) throw new FakeOfficeError('InvalidArgument', `The address "${address}" is not valid.`);
      return { sheet: this.sheet(), areas: areas as CellRange[] };
    }, false);
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getUsedRange(${valuesOnly})`, () => {
      const s = this.sheet();
      return { sheet: s, area: s.usedRange(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const s = this.sheet();
        const area = s.usedRange(valuesOnly);
        return area ? { sheet: s, area } : null;
      },
      true,
    );
  }
}

class FakeWorksheetProtection extends Proxy {
  protected readonly kind = 'WorksheetProtection';
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, path);
  }
  protected exists(): boolean {
    return Boolean(this.sheet());
  }
  protected read(prop: string): unknown {
    if (prop === 'protected') return this.sheet().protected;
    throw new Error(`fake Excel: WorksheetProtection.${prop} not modelled`);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

// ----------------------------------------------------------------------------------------------- names

/** Excel's rule for a defined name: a letter, underscore or backslash first, no spaces, not a cell address. */
const DEFINED_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d*[Cc]\d*)$/;

function nameProp(n: FakeName, prop: string): unknown {
  switch (prop) {
    case 'name':
      return n.name;
    case 'formula':
      return n.formula;
    case 'value':
      return nameValue(n.formula);
    case 'visible':
      return n.visible;
    case 'comment':
      return n.comment;
    case 'scope':
      return 'Worksheet';
    case 'type': {
      const v = nameValue(n.formula);
      return typeof v === 'string' ? 'String' : typeof v === 'number' ? 'Double' : 'Boolean';
    }
    default:
      throw new Error(`fake Excel: NamedItem.${prop} not modelled`);
  }
}

/** A worksheet's NamedItemCollection (ExcelApi 1.4): the names scoped to that sheet only. */
class FakeNamedItemCollection extends Proxy {
  protected readonly kind = 'NamedItemCollection';
  private list: FakeNamedItem[] | null = null;

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, path);
  }
  protected exists(): boolean {
    return Boolean(this.sheet());
  }
  protected read(): unknown {
    return null;
  }
  override load(spec?: unknown): this {
    const props = loadList(spec).map((p) => (p.startsWith('items/') ? p.slice('items/'.length) : p));
    let bytes = 0;
    this.ctx.enqueue(`NamedItemCollection.load(${props.join(',')})`, this.path, props, () => {
      const sheet = this.sheet();
      const names = [...sheet.names];
      const values = names.map((n) => props.map((p) => nameProp(n, p)));
      bytes = size(values);
      return () => {
        this.list = names.map((n, i) => {
          const item = new FakeNamedItem(this.ctx, `${this.path}.getItem(${n.name})`, () => (this.sheet().names.includes(n) ? n : null));
          props.forEach((p, k) => item.deliver(p, values[i][k]));
          return item;
        });
      };
    }, () => bytes);
    return this;
  }
  get items(): FakeNamedItem[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }
  add(name: string, reference: unknown, comment?: string): FakeNamedItem {
    let created: FakeName | null = null;
    this.ctx.enqueue('NamedItemCollection.add()', this.path, [name, reference, comment], () => {
      const sheet = this.sheet();
      if (!DEFINED_NAME.test(name) || LOOKS_LIKE_CELL.test(name)) throw new FakeOfficeError('InvalidArgument', `"${name}" is not a valid name.`);
      if (typeof reference !== 'string' || !reference.startsWith('=')) throw new Error('fake Excel: only names added with a formula string are modelled');
      if (sheet.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError('ItemAlreadyExists', `The name "${name}" already exists on this sheet.`);
      created = { name, formula: reference, visible: true, comment: comment ?? '' };
      sheet.names.push(created);
    });
    return new FakeNamedItem(this.ctx, `${this.path}.add(${name})`, () => (created && this.sheet().names.includes(created) ? created : null));
  }
}

class FakeNamedItem extends Proxy {
  protected readonly kind = 'NamedItem';
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly resolve: () => FakeName | null,
  ) {
    super(ctx, path);
  }
  private item(): FakeName {
    const n = this.resolve();
    if (!n) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\'t exist (name).');
    return n;
  }
  protected exists(): boolean {
    return Boolean(this.item());
  }
  protected read(prop: string): unknown {
    return nameProp(this.item(), prop);
  }
  deliver(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  get value(): unknown {
    return this.get('value');
  }
  get comment(): string {
    return this.get('comment');
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(v: boolean) {
    this.act('visible=', v, () => {
      this.item().visible = v;
    });
  }
  delete(): void {
    this.act('delete()', null, () => {
      const n = this.item();
      for (const s of this.ctx.model.sheets) s.names = s.names.filter((x) => x !== n);
    });
  }
}

// ----------------------------------------------------------------------------------------------- ranges

interface RangeTarget {
  sheet: FakeSheet;
  area: CellRange;
}

function forEachCell(area: CellRange, fn: (r: number, c: number, i: number, j: number) => void): void {
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) fn(r, c, r - area.top, c - area.left);
}

function grid<T>(area: CellRange, fn: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: T[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(fn(r, c));
    out.push(row);
  }
  return out;
}

function rowsOf(area: CellRange): number {
  return area.bottom - area.top + 1;
}
function colsOf(area: CellRange): number {
  return area.right - area.left + 1;
}

/** Refuses a change Excel would refuse: protected sheet, part of a merged area. */
function checkWritable(ctx: FakeContext, sheet: FakeSheet, area: CellRange): void {
  if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.');
  for (const m of sheet.merges) {
    const overlaps = m.top <= area.bottom && m.bottom >= area.top && m.left <= area.right && m.right >= area.left;
    const inside = m.top >= area.top && m.bottom <= area.bottom && m.left >= area.left && m.right <= area.right;
    if (overlaps && !inside && !(area.top === m.top && area.left === m.left && area.bottom === m.top && area.right === m.left)) {
      throw new FakeOfficeError('InvalidOperation', `Cannot change part of a merged cell (${areaAddress(m)}).`);
    }
  }
  void ctx;
}

/** Checks a 2-D input against the range's shape, as Excel does; a single value fills every cell. */
function shaped(area: CellRange, input: unknown, what: string): unknown[][] {
  if (!Array.isArray(input)) return grid(area, () => input);
  if (input.length !== rowsOf(area) || input.some((row) => !Array.isArray(row) || row.length !== colsOf(area))) {
    throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
  }
  return input as unknown[][];
}

const CELL_PROPS: Record<string, (cell: FakeCell) => unknown> = {
  values: (c) => (c.value === null ? '' : c.value),
  text: (c) => displayText(c),
  numberFormat: (c) => c.numberFormat,
  formulas: (c) => c.formula ?? (c.value === null ? '' : c.value),
};

export class FakeRange extends Proxy {
  protected readonly kind = 'Range';
  readonly format: FakeRangeFormat;

  constructor(
    ctx: FakeContext,
    path: string,
    readonly target: () => RangeTarget | null,
    private readonly orNull = false,
  ) {
    super(ctx, path);
    this.format = new FakeRangeFormat(ctx, `${path}.format`, () => {
      const t = this.resolve();
      return { sheet: t.sheet, areas: [t.area] };
    });
  }

  resolve(): RangeTarget {
    const t = this.target();
    if (!t) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\'t exist.');
    return t;
  }

  protected exists(): boolean {
    if (this.target()) return true;
    if (this.orNull) return false;
    return Boolean(this.resolve());
  }

  protected read(prop: string): unknown {
    const { sheet, area } = this.resolve();
    if (prop in CELL_PROPS) return grid(area, (r, c) => CELL_PROPS[prop](sheet.cell(r, c)));
    switch (prop) {
      case 'address':
        return `${sheetPrefix(sheet.name)}!${areaAddress(area)}`;
      case 'rowIndex':
        return area.top;
      case 'columnIndex':
        return area.left;
      case 'rowCount':
        return rowsOf(area);
      case 'columnCount':
        return colsOf(area);
      case 'hyperlink':
        return sheet.cell(area.top, area.left).hyperlink;
      default:
        throw new Error(`fake Excel: Range.${prop} not modelled`);
    }
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(input: unknown[][]) {
    this.writeTyped('values=', input);
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(input: unknown[][]) {
    this.writeTyped('formulas=', input);
  }
  get text(): string[][] {
    return this.get('text');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(input: string[][]) {
    this.act('numberFormat=', input, () => {
      const { sheet, area } = this.resolve();
      checkWritable(this.ctx, sheet, area);
      const rows = shaped(area, input, 'numberFormat');
      forEachCell(area, (r, c, i, j) => {
        const f = rows[i][j];
        if (f === null || f === undefined) return;
        sheet.update(r, c, (cell) => (cell.numberFormat = String(f)));
        this.ctx.change(sheet, r, c, 'numberFormat');
      });
    });
  }
  get hyperlink(): Hyperlink | null {
    return this.get('hyperlink');
  }
  set hyperlink(link: Hyperlink) {
    this.act('hyperlink=', link, () => {
      const { sheet, area } = this.resolve();
      checkWritable(this.ctx, sheet, area);
      forEachCell(area, (r, c) => {
        sheet.update(r, c, (cell) => {
          cell.hyperlink = { ...link };
          if (link.textToDisplay !== undefined) {
            cell.value = link.textToDisplay;
            cell.formula = null;
          }
        });
        this.ctx.change(sheet, r, c, 'hyperlink');
      });
    });
  }

  private writeTyped(api: string, input: unknown): void {
    this.act(api, input, () => {
      const { sheet, area } = this.resolve();
      checkWritable(this.ctx, sheet, area);
      const rows = shaped(area, input, api);
      forEachCell(area, (r, c, i, j) => {
        const typed = parseTyped(rows[i][j]);
        if (!typed) return;
        sheet.update(r, c, (cell) => {
          cell.value = typed.value;
          cell.formula = typed.formula;
          cell.quotePrefix = typed.quotePrefix;
          if (typed.autoFormat && cell.numberFormat === 'General') cell.numberFormat = typed.autoFormat;
        });
        this.ctx.change(sheet, r, c, 'value');
      });
    });
  }

  clear(): void {
    this.act('clear()', null, () => {
      const { sheet, area } = this.resolve();
      checkWritable(this.ctx, sheet, area);
      for (const e of sheet.entries()) {
        if (e.row >= area.top && e.row <= area.bottom && e.col >= area.left && e.col <= area.right) {
          sheet.update(e.row, e.col, (cell) => Object.assign(cell, { ...cell, ...emptyCell() }));
          this.ctx.change(sheet, e.row, e.col, 'clear');
        }
      }
    });
  }

  select(): void {
    this.act('select()', null, () => {
      const { sheet, area } = this.resolve();
      if (this.ctx.model.activeId !== sheet.id) throw new FakeOfficeError('InvalidSelection', 'The selection must be on the active sheet.');
      this.ctx.model.selection = { sheet: sheet.name, range: area };
      this.ctx.host.raiseSelection(sheet, area);
    });
  }

  /** Copies every property of the source cells (Excel's "All"), moving relative references in formulas. */
  copyFrom(source: FakeRange | string, copyType: string = 'All'): void {
    this.act('copyFrom()', typeof source === 'string' ? source : source.path, () => {
      if (copyType !== 'All') throw new Error('fake Excel: only copyFrom(…, "All") is modelled');
      const src = typeof source === 'string' ? this.resolveAddress(source) : source.resolve();
      const dest = this.resolve();
      const area = { top: dest.area.top, left: dest.area.left, bottom: dest.area.top + rowsOf(src.area) - 1, right: dest.area.left + colsOf(src.area) - 1 };
      checkWritable(this.ctx, dest.sheet, area);
      const dr = area.top - src.area.top;
      const dc = area.left - src.area.left;
      const cells = grid(src.area, (r, c) => ({ ...src.sheet.cell(r, c) }));
      forEachCell(area, (r, c, i, j) => {
        const from = cells[i][j];
        dest.sheet.update(r, c, (cell) => Object.assign(cell, from, { formula: from.formula ? shiftFormula(from.formula, dr, dc) : null }));
        this.ctx.change(dest.sheet, r, c, 'copy');
      });
    });
  }

  private resolveAddress(address: string): RangeTarget {
    const { sheet, local } = splitSheet(address);
    const s = sheet === null ? this.resolve().sheet : this.ctx.model.byName(sheet);
    const area = parseLocal(local);
    if (!s || !area) throw new FakeOfficeError('InvalidArgument', `The address "${address}" is not valid.`);
    return { sheet: s, area };
  }

  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, `${this.path}.getSpecialCellsOrNullObject(${cellType})`, () => {
      if (cellType !== 'Formulas') throw new Error(`fake Excel: special cells ${cellType} not modelled`);
      const { sheet, area } = this.resolve();
      const cells = sheet.entries().filter((e) => e.cell.formula !== null && e.row >= area.top && e.row <= area.bottom && e.col >= area.left && e.col <= area.right);
      if (!cells.length) return null;
      return { sheet, areas: columnAreas(cells) };
    }, true);
  }

  /** The used cells within this range (Excel's Range.getUsedRangeOrNullObject). */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const { sheet, area } = this.resolve();
        const used = sheet.usedRange(valuesOnly);
        if (!used) return null;
        const top = Math.max(used.top, area.top);
        const left = Math.max(used.left, area.left);
        const bottom = Math.min(used.bottom, area.bottom);
        const right = Math.min(used.right, area.right);
        return top <= bottom && left <= right ? { sheet, area: { top, left, bottom, right } } : null;
      },
      true,
    );
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const { sheet, area } = this.resolve();
      const merges = sheet.merges.filter((m) => m.top <= area.bottom && m.bottom >= area.top && m.left <= area.right && m.right >= area.left);
      return merges.length ? { sheet, areas: merges } : null;
    }, true);
  }
}

function emptyCell(): Partial<FakeCell> {
  return { value: null, formula: null, numberFormat: 'General', fill: null, fontColor: null, bold: false, italic: false, underline: 'None', wrap: false, halign: 'General', hyperlink: null, quotePrefix: false };
}

/** Column runs of cells, as Excel lists special cells: rectangles, here one column wide. */
function columnAreas(cells: { row: number; col: number }[]): CellRange[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: CellRange[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last.left === c.col && last.bottom === c.row - 1) last.bottom = c.row;
    else out.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  return out;
}

interface AreasTarget {
  sheet: FakeSheet;
  areas: CellRange[];
}

export class FakeRangeAreas extends Proxy {
  protected readonly kind = 'RangeAreas';
  readonly format: FakeRangeFormat;

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly target: () => AreasTarget | null,
    private readonly orNull: boolean,
  ) {
    super(ctx, path);
    this.format = new FakeRangeFormat(ctx, `${path}.format`, () => this.resolve());
  }

  resolve(): AreasTarget {
    const t = this.target();
    if (!t) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\'t exist.');
    return t;
  }
  protected exists(): boolean {
    if (this.target()) return true;
    if (this.orNull) return false;
    return Boolean(this.resolve());
  }
  protected read(prop: string): unknown {
    const { sheet, areas } = this.resolve();
    if (prop === 'address') return areas.map((a) => `${sheetPrefix(sheet.name)}!${areaAddress(a)}`).join(',');
    if (prop === 'areaCount') return areas.length;
    throw new Error(`fake Excel: RangeAreas.${prop} not modelled`);
  }
  get address(): string {
    return this.get('address');
  }
}

/** Format setters over one or many areas: each set is one call, whatever the number of cells. */
class FakeRangeFormat {
  readonly fill: { color: string; clear(): void };
  readonly font: { color: string; bold: boolean; italic: boolean; underline: string };

  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
    private readonly target: () => AreasTarget,
  ) {
    const set = (api: string, change: (cell: FakeCell) => void): void => this.set(api, change);
    this.fill = {
      get color(): string {
        throw notLoaded('color');
      },
      set color(v: string) {
        set('fill.color=', (c) => (c.fill = normColour(v)));
      },
      clear(): void {
        set('fill.clear()', (c) => (c.fill = null));
      },
    };
    this.font = {
      get color(): string {
        throw notLoaded('color');
      },
      set color(v: string) {
        set('font.color=', (c) => (c.fontColor = normColour(v)));
      },
      get bold(): boolean {
        throw notLoaded('bold');
      },
      set bold(v: boolean) {
        set('font.bold=', (c) => (c.bold = v));
      },
      get italic(): boolean {
        throw notLoaded('italic');
      },
      set italic(v: boolean) {
        set('font.italic=', (c) => (c.italic = v));
      },
      get underline(): string {
        throw notLoaded('underline');
      },
      set underline(v: string) {
        set('font.underline=', (c) => (c.underline = v));
      },
    };
  }

  private set(api: string, change: (cell: FakeCell) => void): void {
    this.ctx.enqueue(`RangeFormat.${api}`, this.path, api, () => {
      const { sheet, areas } = this.target();
      for (const area of areas) {
        checkWritable(this.ctx, sheet, area);
        forEachCell(area, (r, c) => {
          sheet.update(r, c, change);
          this.ctx.change(sheet, r, c, api.replace(/=$|\(\)$/, ''));
        });
      }
    });
  }

  set wrapText(v: boolean) {
    this.set('wrapText=', (c) => (c.wrap = v));
  }
  get wrapText(): boolean {
    throw notLoaded('wrapText');
  }
  set horizontalAlignment(v: string) {
    this.set('horizontalAlignment=', (c) => (c.halign = v));
  }
  get horizontalAlignment(): string {
    throw notLoaded('horizontalAlignment');
  }
  set columnWidth(points: number) {
    this.ctx.enqueue('RangeFormat.columnWidth=', this.path, points, () => {
      const { sheet, areas } = this.target();
      for (const a of areas) for (let c = a.left; c <= a.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get columnWidth(): number {
    throw notLoaded('columnWidth');
  }
}

function normColour(v: string): string | null {
  const hex = v.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new FakeOfficeError('InvalidArgument', `"${v}" is not a colour.`);
  return hex;
}

// ----------------------------------------------------------------------------------------------- tables and charts

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

class FakeTableCollection extends Proxy {
  protected readonly kind = 'TableCollection';
  private list: { name: string; worksheet: { name: string } }[] | null = null;

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: (() => FakeSheet) | null,
  ) {
    super(ctx, path);
  }
  protected exists(): boolean {
    return true;
  }
  protected read(): unknown {
    return null;
  }
  override load(spec?: unknown): this {
    const props = loadList(spec);
    this.ctx.enqueue(`TableCollection.load(${props.join(',')})`, this.path, props, () => {
      const sheets = this.sheet ? [this.sheet()] : this.ctx.model.sheets;
      const tables = sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, worksheet: { name: s.name } })));
      return () => (this.list = tables);
    });
    return this;
  }
  get items(): { name: string; worksheet: { name: string } }[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }
  add(address: string, hasHeaders: boolean): { name: string } {
    let table: { name: string } | null = null;
    this.ctx.enqueue('TableCollection.add()', this.path, [address, hasHeaders], () => {
      if (!this.sheet) throw new Error('fake Excel: add tables through a worksheet');
      const sheet = this.sheet();
      const range = parseLocal(address);
      if (!range) throw new FakeOfficeError('InvalidArgument', `The address "${address}" is not valid.`);
      checkWritable(this.ctx, sheet, range);
      if (sheet.tables.some((t) => t.range.top <= range.bottom && t.range.bottom >= range.top && t.range.left <= range.right && t.range.right >= range.left)) {
        throw new FakeOfficeError('InvalidOperation', 'A table cannot overlap another table.');
      }
      const all = this.ctx.model.sheets.flatMap((s) => s.tables);
      let n = all.length + 1;
      while (all.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      const model = { name: `Table${n}`, range };
      // Excel gives a table unique, non-empty header texts, rewriting the header cells when it must.
      if (hasHeaders) {
        const seen = new Set<string>();
        for (let c = range.left; c <= range.right; c++) {
          const v = sheet.cell(range.top, c).value;
          let text = v === null ? `Column${c - range.left + 1}` : String(v);
          for (let k = 2; seen.has(text.toLowerCase()); k++) text = `${v ?? 'Column'}${k}`;
          seen.add(text.toLowerCase());
          if (text !== v) sheet.update(range.top, c, (cell) => (cell.value = text));
        }
      }
      sheet.tables.push(model);
      table = model;
    });
    const ctx = this.ctx;
    return {
      get name(): string {
        throw notLoaded('name');
      },
      set name(value: string) {
        ctx.enqueue('Table.name=', 'table', value, () => {
          if (!table) throw new FakeOfficeError('ItemNotFound', 'The table was not created.');
          if (!TABLE_NAME.test(value)) throw new FakeOfficeError('InvalidArgument', `"${value}" is not a valid table name.`);
          if (ctx.model.sheets.some((s) => s.tables.some((t) => t !== table && t.name.toLowerCase() === value.toLowerCase()))) {
            throw new FakeOfficeError('ItemAlreadyExists', `A table named "${value}" already exists.`);
          }
          table.name = value;
        });
      },
    };
  }
}

class FakeChartCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
    private readonly sheet: () => FakeSheet,
  ) {}

  add(type: string, source: FakeRange, seriesBy: string): { title: { text: string }; legend: { visible: boolean }; setPosition(a: string, b: string): void } {
    const chart: { model: FakeChartModelRef } = { model: null };
    const ctx = this.ctx;
    ctx.enqueue('ChartCollection.add()', this.path, [type, source.path, seriesBy], () => {
      const sheet = this.sheet();
      const src = source.resolve();
      if (sheet.protected) throw new FakeOfficeError('AccessDenied', 'The sheet is protected.');
      chart.model = { type, source: src.area, seriesBy, title: '', legendVisible: true, position: null };
      sheet.charts.push(chart.model);
    });
    const on = (api: string, arg: unknown, fn: (m: NonNullable<FakeChartModelRef>) => void): void =>
      ctx.enqueue(`Chart.${api}`, 'chart', arg, () => {
        if (!chart.model) throw new FakeOfficeError('ItemNotFound', 'The chart was not created.');
        fn(chart.model);
      });
    return {
      title: {
        get text(): string {
          throw notLoaded('text');
        },
        set text(v: string) {
          on('title.text=', v, (m) => (m.title = v));
        },
      },
      legend: {
        get visible(): boolean {
          throw notLoaded('visible');
        },
        set visible(v: boolean) {
          on('legend.visible=', v, (m) => (m.legendVisible = v));
        },
      },
      setPosition(a: string, b: string): void {
        on('setPosition()', [a, b], (m) => (m.position = [a, b]));
      },
    };
  }
}

type FakeChartModelRef = FakeChart | null;
