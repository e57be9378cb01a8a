/**
 * Every notebook grades itself, in Node on the cpu backend: the broken original misses the target
 * and fails every probe; the reference fix (all patches) meets the target and passes every probe;
 * each single-bug fix flips exactly its own probe. Plus the kernel's contract: shared scope across
 * cells, top-level await, streamed plots, errors located by cell and line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_OUTPUTS_PER_RUN, NotebookKernel } from '../../workers/NotebookKernel';
import { notebooks } from '../../src/notebook/catalog';
import { applyFixes, parseDirectives, type Notebook, type NotebookCell } from '../../src/notebook/format';
import type { GradeReport, KernelEvent } from '../../src/shared/notebookProtocol';
import { gradeInProcess } from './notebookGrading';
import { tf, useBackend } from './tfSetup';

let kernel: NotebookKernel;

beforeAll(async () => {
  await useBackend('cpu');
  kernel = new NotebookKernel(tf);
});

async function grade(notebook: Notebook, cells: NotebookCell[]): Promise<GradeReport> {
  return gradeInProcess(kernel, { runId: 1, notebookId: notebook.id, cells });
}

function summary(report: GradeReport): string {
  return JSON.stringify(
    { status: report.status, target: report.targetDetail, cellError: report.cellError, probes: report.probes.map((p) => `${p.id}: ${p.passed} — ${p.detail}`) },
    null,
    2,
  );
}

it('finds the notebooks', () => {
  expect(notebooks.length).toBeGreaterThanOrEqual(1);
});

describe.each(notebooks.map((n) => [n.id, n] as const))('notebook %s', (_id, notebook) => {
  const bugIds = Object.keys(notebook.fixes).sort();

  it('has 2–4 planted bugs, one fix and one probe each, and a skipped demo cell only', async () => {
    const { loadGrader } = await import('../../src/notebook/graders');
    const grader = await loadGrader(notebook.id);
    expect(grader.probes.map((p) => p.id).sort()).toEqual(bugIds);
    expect(bugIds.length).toBeGreaterThanOrEqual(2);
    expect(bugIds.length).toBeLessThanOrEqual(4);
    expect(notebook.cells.some((c) => c.kind === 'markdown')).toBe(true);
    expect(notebook.dataset.licence).toBeTruthy();
  });

  it('the original misses the target and fails every probe', async () => {
    const report = await grade(notebook, notebook.cells);
    console.info(`[notebooks] ${notebook.id} original: ${report.targetDetail}`);
    expect(report.status, summary(report)).toBe('graded');
    expect(report.targetMet, summary(report)).toBe(false);
    expect(report.probes.filter((p) => p.passed).map((p) => p.id), summary(report)).toEqual([]);
  });

  it('the reference fix meets the target and passes every probe', async () => {
    const report = await grade(notebook, applyFixes(notebook.cells, Object.values(notebook.fixes)));
    console.info(`[notebooks] ${notebook.id} fixed: ${report.targetDetail}`);
    expect(report.status, summary(report)).toBe('graded');
    expect(report.targetMet, summary(report)).toBe(true);
    expect(report.probes.filter((p) => !p.passed).map((p) => p.id), summary(report)).toEqual([]);
  });

  it.each(bugIds)('fixing only %s flips exactly its probe', async (bugId) => {
    const report = await grade(notebook, applyFixes(notebook.cells, [notebook.fixes[bugId]]));
    expect(report.status, summary(report)).toBe('graded');
    expect(report.probes.filter((p) => p.passed).map((p) => p.id), summary(report)).toEqual([bugId]);
  });

  // How long the run takes is a benchmark figure (npm run bench), never a test: this only checks it completes.
  it('the fixed notebook runs top to bottom on cpu and leaks no variables', async () => {
    const fixed = applyFixes(notebook.cells, Object.values(notebook.fixes));
    const local = new NotebookKernel(tf);
    const variablesBefore = Object.keys(tf.engine().registeredVariables).length;
    for (const [cellIndex, cell] of fixed.entries()) {
      if (cell.kind !== 'code') continue;
      const result = await local.runCell({ runId: 1, cellIndex, source: cell.source });
      expect(result.status, JSON.stringify(result.error)).toBe('ok');
    }
    // The demo cell trains: it must declare a budget above the default.
    expect(fixed.some((c) => c.kind === 'code' && parseDirectives(c.source).skipInGrading)).toBe(true);
    expect(Object.keys(tf.engine().registeredVariables).length - variablesBefore).toBeLessThan(50);
  });
});

describe('kernel', () => {
  it('bounds what one run prints: a print in a loop of 100,000 sends at most the limit and one summary line', async () => {
    const local = new NotebookKernel(tf);
    const events: KernelEvent[] = [];
    const result = await local.runCell({ runId: 1, cellIndex: 0, source: 'for (let i = 0; i < 100000; i++) print("line", i);' }, (e) => events.push(e));
    expect(result.status).toBe('ok');
    const outputs = events.filter((e) => e.type === 'output');
    expect(outputs.length).toBe(MAX_OUTPUTS_PER_RUN + 1);
    expect(JSON.stringify(outputs.at(-1))).toMatch(/99800 more output lines not shown/);
    // The next run starts with a fresh allowance.
    events.length = 0;
    await local.runCell({ runId: 2, cellIndex: 1, source: 'print("again")' }, (e) => events.push(e));
    expect(events).toContainEqual({ type: 'output', cellIndex: 1, output: { type: 'text', stream: 'stdout', text: 'again' } });
  });

  it('shares top-level names across cells, supports top-level await and shows the last value', async () => {
    const local = new NotebookKernel(tf);
    const events: KernelEvent[] = [];
    const emit = (e: KernelEvent) => events.push(e);
    expect((await local.runCell({ runId: 1, cellIndex: 0, source: 'const a: number = 2;\nfunction twice(x: number) { return x * b; }' }, emit)).status).toBe('ok');
    expect((await local.runCell({ runId: 2, cellIndex: 1, source: 'let b = await Promise.resolve(2);\ntwice(a) + 1' }, emit)).status).toBe('ok');
    expect(events).toContainEqual({ type: 'output', cellIndex: 1, output: { type: 'value', text: '5' } });
    // Re-running a cell with `const` redefines the name instead of failing.
    expect((await local.runCell({ runId: 3, cellIndex: 0, source: 'const a = 10;' }, emit)).status).toBe('ok');
    events.length = 0;
    await local.runCell({ runId: 4, cellIndex: 2, source: 'print("a is", a);\nprint("t", tf.tensor([1, 2, 3]));\nplot("loss", 1, 0.5);\nprogress(1, 2)' }, emit);
    expect(events).toContainEqual({ type: 'output', cellIndex: 2, output: { type: 'text', stream: 'stdout', text: 'a is 10' } });
    expect(events).toContainEqual({ type: 'output', cellIndex: 2, output: { type: 'tensor', shape: [3], dtype: 'float32', size: 3, values: [1, 2, 3], label: 't' } });
    expect(events).toContainEqual({ type: 'plot', cellIndex: 2, points: [{ name: 'loss', step: 1, value: 0.5 }] });
    expect(events).toContainEqual({ type: 'progress', cellIndex: 2, done: 1, total: 2 });
  });

  it('reports the cell and line of an error, also from a function defined in an earlier cell', async () => {
    const local = new NotebookKernel(tf);
    await local.runCell({ runId: 1, cellIndex: 3, source: '// helpers\n\nfunction boom() {\n  throw new Error("bad shape");\n}' });
    const direct = await local.runCell({ runId: 2, cellIndex: 4, source: 'const x = 1;\nnull.foo;' });
    expect(direct.status).toBe('error');
    expect(direct.errorCellIndex).toBe(4);
    expect(direct.error?.location?.line).toBe(2);
    const indirect = await local.runCell({ runId: 3, cellIndex: 5, source: '\nboom();' });
    expect(indirect.errorCellIndex).toBe(3);
    expect(indirect.error?.location?.line).toBe(4);
    expect(indirect.error?.message).toMatch(/bad shape/);
    const syntax = await local.runCell({ runId: 4, cellIndex: 6, source: 'const ok = 1;\nconst = 2;' });
    expect(syntax.status).toBe('error');
    expect(syntax.error?.location?.line).toBe(2);
  });

  it('refuses imports other than tfjs', async () => {
    const local = new NotebookKernel(tf);
    const result = await local.runCell({ runId: 1, cellIndex: 0, source: "import fs from 'node:fs';" });
    expect(result.status).toBe('error');
    expect(result.error?.message).toMatch(/only '@tensorflow\/tfjs'/);
  });

  it('parses cell directives', () => {
    expect(parseDirectives('// @budget 60s\n// @grade skip\ntrain()')).toEqual({ budgetMs: 60_000, skipInGrading: true });
    expect(parseDirectives('train()\n// @budget 60s')).toEqual({ budgetMs: 10_000, skipInGrading: false });
  });
});

// Last in the file: switches the shared tf to wasm. Graders must not depend on the backend.
describe('on wasm', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it.each(notebooks.map((n) => [n.id, n] as const))('%s: the reference fix meets the target and passes every probe', async (_id, notebook) => {
    const report = await gradeInProcess(new NotebookKernel(tf), { runId: 1, notebookId: notebook.id, cells: applyFixes(notebook.cells, Object.values(notebook.fixes)) });
    expect(report.backend).toBe('wasm');
    expect(report.targetMet, summary(report)).toBe(true);
    expect(report.probes.filter((p) => !p.passed).map((p) => p.id), summary(report)).toEqual([]);
  });
});
