// No module imports itself through others. A cycle works in ES modules only while every use waits for a
// call; the day a module reads an import at load time (a constant, a prepared statement, a class), the
// other side sees `undefined`, and which side loses depends on which file was loaded first. Type-only
// imports are erased and cannot cycle at run time, so they are left out.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const IMPORT = /^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((e) => {
    const file = path.join(e.parentPath, e.name);
    return e.isFile() && /\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name) && !file.includes('node_modules') ? [file] : [];
  });
}

function graph(dir: string): Map<string, string[]> {
  const files = new Set(sources(dir));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const targets: string[] = [];
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const base = path.resolve(path.dirname(file), spec);
      const hit = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find((c) => files.has(c));
      if (hit) targets.push(hit);
    }
    edges.set(file, targets);
  }
  return edges;
}

/** Each cycle as the list of files on it (Tarjan's strongly connected components of more than one file). */
function cycles(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(path.relative(ROOT, w));
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('import cycles', () => {
  it.each(['electron', 'renderer/src'])('%s has none', (dir) => {
    const edges = graph(path.join(ROOT, dir));
    expect(edges.size).toBeGreaterThan(50);
    expect(cycles(edges)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const a = path.join(ROOT, 'a.ts');
    const b = path.join(ROOT, 'b.ts');
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([['a.ts', 'b.ts']]);
  });
});
