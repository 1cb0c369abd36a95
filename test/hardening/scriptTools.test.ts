/**
 * Every program an npm script runs comes from the project's own dependencies, so `npm ci` on a fresh
 * machine is enough for `npm run X`; the one exception (a tool whose native dependency does not compile on
 * a plain machine) is fetched by npx at an exact version, never "the latest".
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The programs each declared package puts on the path, by program name. */
function declaredPrograms(): Map<string, string> {
  const programs = new Map<string, string>();
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
    if (typeof manifest.bin === 'string') programs.set(name.replace(/^@[^/]+\//, ''), name);
    else for (const program of Object.keys(manifest.bin ?? {})) programs.set(program, name);
  }
  return programs;
}

/** Each command of a script line ("a && b; c") as its words. */
function commands(line: string): string[][] {
  return line
    .split(/&&|\|\||;/)
    .map((c) => c.trim().split(/\s+/))
    .filter((words) => words[0]);
}

const programs = declaredPrograms();

test.each(Object.entries(pkg.scripts))('npm run %s calls only pinned tools', (_name, line) => {
  for (const words of commands(line)) {
    const [program, ...args] = words;
    if (program === 'node') {
      // A script under dist/ is compiled by the command before it.
      if (!args[0].startsWith('dist/')) expect(fs.existsSync(path.join(ROOT, args[0]))).toBe(true);
    } else if (program === 'npx') {
      const spec = args.find((a) => !a.startsWith('-')) ?? '';
      // name@1.2.3 exactly: a range would fetch whatever is newest on the day.
      expect(spec).toMatch(/^(@[^/]+\/)?[^@]+@\d+\.\d+\.\d+$/);
    } else {
      expect({ program, from: programs.get(program) ?? 'no declared dependency' }).toEqual({ program, from: expect.not.stringMatching(/^no declared/) });
    }
  }
});
