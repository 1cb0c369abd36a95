/**
 * @jest-environment jsdom
 *
 * The manifest, checked offline: well-formed XML, the elements Office needs, the ExcelApi version the code
 * checks, every resid defined, and every URL pointing at a file the webpack build produces from a source
 * that exists. (`npm run validate` asks Microsoft's online validator as well.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXCEL_API } from '../../src/excel/requirements';

const ROOT = path.resolve(__dirname, '../..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const DEV = 'https://localhost:3000/';

function all(name: string): Element[] {
  return Array.from(doc.getElementsByTagName(name));
}

function one(name: string): Element {
  const found = all(name);
  if (!found.length) throw new Error(`manifest.xml has no <${name}>`);
  return found[0];
}

interface BuildOutput {
  /** Output path → source file. */
  files: Map<string, string>;
}

/** What `webpack --mode production` emits, read from webpack.config.js without running webpack. */
async function buildOutputs(): Promise<BuildOutput> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(ROOT, 'webpack.config.js')) as (env: object, options: { mode: string }) => Promise<{ plugins: object[] }>;
  const config = await configure({}, { mode: 'production' });
  const files = new Map<string, string>();
  for (const plugin of config.plugins) {
    const html = plugin as { userOptions?: { filename?: string; template?: string } };
    if (html.userOptions?.filename && html.userOptions.template) files.set(html.userOptions.filename, path.resolve(ROOT, html.userOptions.template));
    const copy = plugin as { patterns?: { from: string; to: string }[] };
    for (const p of copy.patterns ?? []) {
      const dir = path.dirname(p.from);
      const glob = new RegExp(`^${path.basename(p.from).replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
      for (const f of fs.readdirSync(path.join(ROOT, dir)).filter((n) => glob.test(n))) {
        const ext = path.extname(f);
        files.set(p.to.replace('[name]', path.basename(f, ext)).replace('[ext]', ext), path.join(ROOT, dir, f));
      }
    }
  }
  return { files };
}

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('manifest.xml', () => {
  test('is well-formed XML for a task pane add-in in Excel', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(one('Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one('Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    for (const name of ['ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'DefaultSettings', 'SourceLocation']) one(name);
    expect(one('Permissions').textContent).toBe('ReadWriteDocument');
    expect(all('Host').some((h) => h.getAttribute('Name') === 'Workbook')).toBe(true);
    // The order of OfficeApp's children is fixed by Office's schema.
    const order = Array.from(root.children).map((c) => c.localName);
    const expected = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    expect(order).toEqual(expected);
  });

  test('requires the ExcelApi version the code checks', () => {
    const set = all('Set').find((s) => s.getAttribute('Name') === 'ExcelApi');
    expect(set?.getAttribute('MinVersion')).toBe(EXCEL_API.version);
  });

  test('has a ribbon group with Recalculate (a function command) and Open Scorecard (the pane)', () => {
    const controls = all('Control');
    const actions = controls.map((c) => c.getElementsByTagName('Action')[0].getAttribute('xsi:type'));
    expect(actions.sort()).toEqual(['ExecuteFunction', 'ShowTaskpane']);
    expect(one('FunctionName').textContent).toBe('recalculate');
    const commands = fs.readFileSync(path.join(ROOT, 'src/commands/commands.ts'), 'utf8');
    expect(commands).toContain("Office.actions.associate('recalculate'");
    expect(one('FunctionFile').getAttribute('resid')).toBe('Commands.Url');
  });

  test('every resid is defined, once', () => {
    const defined = [...all('bt:Image'), ...all('bt:Url'), ...all('bt:String')].map((e) => e.getAttribute('id')).filter((id): id is string => id !== null);
    expect(new Set(defined).size).toBe(defined.length);
    const used = Array.from(doc.getElementsByTagName('*'))
      .map((e) => e.getAttribute('resid'))
      .filter((r): r is string => r !== null);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) expect([r, defined.includes(r)]).toEqual([r, true]);
  });

  test('every URL is a file the build produces, and every icon exists at its size', async () => {
    const { files } = await buildOutputs();
    const urls = Array.from(doc.getElementsByTagName('*'))
      .map((e) => e.getAttribute('DefaultValue'))
      .filter((v): v is string => v !== null && v.startsWith('https://'));
    expect(urls.length).toBeGreaterThan(6);
    for (const url of urls) {
      expect(url.startsWith(DEV)).toBe(true);
      const output = url.slice(DEV.length);
      expect([output, files.has(output)]).toEqual([output, true]);
      expect(fs.existsSync(files.get(output) as string)).toBe(true);
    }
    for (const image of all('bt:Image').filter((e) => e.getAttribute('DefaultValue'))) {
      const size = Number(/icon-(\d+)\.png$/.exec(image.getAttribute('DefaultValue') as string)?.[1]);
      expect(pngSize(files.get(`assets/icon-${size}.png`) as string)).toEqual([size, size]);
    }
    for (const size of [16, 32, 64, 80]) expect(files.has(`assets/icon-${size}.png`)).toBe(true);
    expect(files.has('manifest.xml')).toBe(true);
  });
});
