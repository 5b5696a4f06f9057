import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The emulator's folders are concepts (`transactions`, `cardBindings`, `hosted`, `callbacks`, …); the files
 * directly in `src/` are the composition root that wires them together. These tests read the source imports
 * and keep that shape: no cycle between folders, and a folder reaches into the root only for the
 * `EmulatorContext` type, and only where it has not yet been narrowed to what the functions read.
 */

const SRC = dirname(fileURLToPath(import.meta.url));
const ROOT = '(src)';

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative import and re-export of a file (`import type` and `export type` marked as such). */
function importsOf(file: string, text: string): Import[] {
  const found: Import[] = [];
  const pattern = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?['"](\.[^'"]+)['"]/g;
  for (const match of text.matchAll(pattern)) {
    const target = resolve(dirname(file), match[3]!).replace(/\.js$/, '.ts');
    found.push({ from: relative(SRC, file), to: relative(SRC, target), typeOnly: match[2] !== undefined });
  }
  return found;
}

/** `transactions/finishTransaction.ts` → `transactions`; `createEmulator.ts` → the root. */
function folderOf(path: string): string {
  const parts = path.split(sep);
  return parts.length > 1 ? parts[0]! : ROOT;
}

/** Each cycle once, as the folders along it (`['a', 'b', 'a']`), from a depth-first search. */
function findCycles(edges: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (node: string) => {
    if (done.has(node)) return;
    const at = stack.indexOf(node);
    if (at >= 0) {
      cycles.push([...stack.slice(at), node]);
      return;
    }
    stack.push(node);
    for (const next of [...(edges.get(node) ?? [])].sort()) visit(next);
    stack.pop();
    done.add(node);
  };
  for (const node of [...edges.keys()].sort()) visit(node);
  return cycles;
}

function folderGraph(imports: Import[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (a === b || a === ROOT || b === ROOT) continue;
    edges.set(a, (edges.get(a) ?? new Set()).add(b));
  }
  return edges;
}

const imports = sourceFiles(SRC).flatMap((file) => importsOf(file, readFileSync(file, 'utf8')));

describe('emulator architecture', () => {
  it('reads the imports it checks', () => {
    // A parser that found nothing would pass every rule below.
    expect(imports.length).toBeGreaterThan(200);
    expect(imports).toContainEqual({
      from: join('transactions', 'sbpPayoutRoutes.ts'),
      to: join('sbp', 'sandboxPhones.ts'),
      typeOnly: false,
    });
    expect(imports).toContainEqual({
      from: join('hosted', 'hostedRoutes.ts'),
      to: join('hosted', 'HostedOperation.ts'),
      typeOnly: true,
    });
  });

  it('finds a cycle between folders when there is one', () => {
    const graph = folderGraph([
      { from: join('a', 'x.ts'), to: join('b', 'y.ts'), typeOnly: true },
      { from: join('b', 'y.ts'), to: join('c', 'z.ts'), typeOnly: false },
      { from: join('c', 'z.ts'), to: join('a', 'w.ts'), typeOnly: false },
      { from: join('c', 'z.ts'), to: join('d', 'v.ts'), typeOnly: false },
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('has no import cycle between folders (a type-only import counts too)', () => {
    expect(findCycles(folderGraph(imports))).toEqual([]);
  });

  it('lets a folder import from the root files (src/*.ts) only the EmulatorContext type', () => {
    const upward = imports.filter(({ from, to }) => folderOf(from) !== ROOT && folderOf(to) === ROOT);
    expect(upward.filter((i) => !i.typeOnly)).toEqual([]);
    expect([...new Set(upward.map((i) => i.to))]).toEqual(['EmulatorContext.ts']);
  });

  it('passes the whole EmulatorContext only to the folders that still take it (others take what they use)', () => {
    const upward = imports.filter(({ from, to }) => folderOf(from) !== ROOT && folderOf(to) === ROOT);
    // Shrink this list when a folder's functions are narrowed to what they read; never grow it.
    expect([...new Set(upward.map((i) => folderOf(i.from)))].sort()).toEqual([
      'admin',
      'cardBindings',
      'hostedFields',
      'transactions',
    ]);
  });
});
