/**
 * Which Excel API members the add-in's code uses, and the requirement set each needs, read by the TypeScript
 * compiler: every property access in the code is resolved to its declaration in @types/office-js, whose doc
 * comment says "[Api set: ExcelApi 1.x]". Text passed to load('…') names properties without an access, so it
 * is not seen here; the members it names are read, not called, and are as old as the objects that have them.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');
export const OFFICE_TYPES = path.join(ROOT, 'node_modules', '@types', 'office-js', 'index.d.ts');

export interface ApiUse {
  /** Class.member, as office-js names it ("Range.getMergedAreasOrNullObject"). */
  member: string;
  /** The lowest ExcelApi version that has it ("1.13"). */
  version: string;
  /** Where it is used: file (from the repository's root) and line. */
  at: string;
}

export interface Guard {
  /** The identifier given to isSetSupported (MERGED_AREAS_API in `isSetSupported(MERGED_AREAS_API.set, …)`). */
  name: string;
  at: string;
}

/** "1.13" > "1.9": versions compared part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function sourceFiles(folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(full);
    }
  };
  for (const f of folders) walk(path.join(ROOT, f));
  return out;
}

/**
 * The ExcelApi version a declaration's doc comment names. Where it names several ("1.1 for get, 1.8 for
 * set"), the first, which is when the member arrived.
 */
function declaredVersion(decl: ts.Declaration): string | undefined {
  const sf = decl.getSourceFile();
  const comment = sf.text.slice(decl.getFullStart(), decl.getStart(sf));
  return /\[Api set: ExcelApi (\d+(?:\.\d+)*)/.exec(comment)?.[1];
}

/** The class, interface or enum a member is declared in, by name. */
function ownerName(decl: ts.Declaration): string {
  const parent = decl.parent;
  if (ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isEnumDeclaration(parent) || ts.isModuleDeclaration(parent)) {
    return parent.name?.getText() ?? '?';
  }
  return '?';
}

const realPaths = new Map<string, string>();
function realPath(file: string): string {
  let real = realPaths.get(file);
  if (real === undefined) realPaths.set(file, (real = fs.realpathSync(file)));
  return real;
}

/** Every office-js member with an ExcelApi version that the code in `folders` touches, and every isSetSupported guard. */
export function excelApiUses(folders: readonly string[]): { uses: ApiUse[]; guards: Guard[] } {
  const parsed = ts.parseJsonConfigFileContent(JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')), ts.sys, ROOT);
  const files = sourceFiles(folders);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true, sourceMap: false });
  const checker = program.getTypeChecker();
  // Compared by real path: node_modules may be a link, and the compiler names files by where they really are.
  const office = fs.realpathSync(OFFICE_TYPES);
  const uses: ApiUse[] = [];
  const guards: Guard[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`the compiler did not read ${file}`);
    const at = (node: ts.Node): string => `${path.relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const decl of symbol?.declarations ?? []) {
          if (realPath(decl.getSourceFile().fileName) !== office) continue;
          const version = declaredVersion(decl);
          if (version) uses.push({ member: `${ownerName(decl)}.${node.name.text}`, version, at: at(node) });
        }
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'isSetSupported') {
        for (const arg of node.arguments) {
          if (ts.isPropertyAccessExpression(arg) && ts.isIdentifier(arg.expression)) guards.push({ name: arg.expression.text, at: at(node) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { uses, guards };
}
