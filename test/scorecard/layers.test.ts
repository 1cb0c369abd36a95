import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');

/** Every import specifier of every .ts file under a folder of src, with the file it is in. */
function importsUnder(folder: string): { file: string; from: string }[] {
  const out: { file: string; from: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, 'utf8');
        for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)) out.push({ file: path.relative(SRC, full), from: m[1] });
      }
    }
  };
  walk(path.join(SRC, folder));
  return out;
}

/** The src folder an import lands in, or the package name for a bare import. */
function target(file: string, from: string): string {
  if (!from.startsWith('.')) return `package ${from}`;
  return path.relative(SRC, path.resolve(SRC, path.dirname(file), from)).split(path.sep)[0];
}

describe('the layers: the engine and the scorecard core know nothing of Excel, Node or the pane', () => {
  it('the scan sees imports, type-only and re-exports included', () => {
    const found = importsUnder('scorecard').map(({ file, from }) => `${file} ${target(file, from)}`);
    expect(found).toEqual(expect.arrayContaining(['scorecard/rateWorkbook.ts engine', 'scorecard/manualFlags.ts workbook']));
  });

  it.each([
    ['engine', ['engine']],
    ['workbook', ['workbook']],
    ['scorecard', ['engine', 'scorecard', 'workbook']],
    // The package patcher runs in the browser too: no Node, no Excel, no pane; fflate is its compressor there.
    ['xlsx', ['engine', 'scorecard', 'workbook', 'xlsx', 'package fflate']],
  ])('src/%s imports only from %j', (folder, allowed) => {
    const imports = importsUnder(folder);
    const outside = imports.filter(({ file, from }) => !allowed.includes(target(file, from))).map(({ file, from }) => `${file} imports ${from}`);
    expect(outside).toEqual([]);
  });
});
