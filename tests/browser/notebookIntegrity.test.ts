/**
 * Notebooks hold up against what a cell can do to its kernel: a timer armed in one cell cannot hang
 * the next, printing in a loop cannot freeze the page, Restart clicked twice leaves a working
 * kernel, and patching Math, promises, prototypes or tfjs in a cell cannot make Grade call an
 * unfixed notebook solved: the grader's judges run in the page, on what the kernel observed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Harness, type AppPage } from './harness';

const NOTEBOOK = 'spirals-mlp';
/** The notebook's configuration cell (markdown cells count), rewritten by these tests. */
const CONFIG_CELL = 2;
const TIMEOUT_MS = 90_000;

let harness: Harness;
let app: AppPage;

beforeAll(async () => {
  harness = await Harness.start();
  app = await harness.newPage('wasm');
  await app.goto(`/notebooks/${NOTEBOOK}`);
  await waitForKernel();
});

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await harness?.close();
});

async function waitForKernel(): Promise<void> {
  await app.page.waitForSelector('[data-testid="kernel-status"][data-state="ready"]', { timeout: TIMEOUT_MS });
  await app.page.waitForFunction(
    () => {
      const code = document.querySelectorAll('[data-testid="notebook-cell"][data-kind="code"]');
      return code.length > 0 && [...code].every((cell) => cell.querySelector('.editor[data-ready="true"]'));
    },
    undefined,
    { timeout: TIMEOUT_MS },
  );
}

async function runCell(index: number, source: string, status: string, timeout = TIMEOUT_MS): Promise<string> {
  await app.page.evaluate(([i, src]) => window.__tdNotebook!.setCell(i as number, src as string), [index, source] as const);
  await app.page.click(`[data-testid="notebook-cell"][data-index="${index}"] [data-testid="run-cell"]`);
  await app.page.waitForSelector(`[data-testid="cell-output"][data-index="${index}"][data-status="${status}"]`, { timeout });
  return (await app.page.textContent(`[data-testid="cell-output"][data-index="${index}"]`)) ?? '';
}

it('a timer armed in one cell cannot hang the next one: it gets a time-limit and the kernel comes back', async () => {
  await runCell(CONFIG_CELL, 'setTimeout(() => { while (true) {} }, 50);\n1 + 1', 'ok');
  const started = Date.now();
  await runCell(CONFIG_CELL + 1, '// @budget 2s\nconst z = 3;\nz', 'time-limit', 30_000);
  expect(Date.now() - started).toBeLessThan(20_000);
  await app.page.waitForSelector('[data-testid="kernel-status"][data-state="ready"]', { timeout: TIMEOUT_MS });
  expect(await runCell(CONFIG_CELL, '21 * 2', 'ok')).toContain('42');
  app.assertHealthy();
});

it('printing a million lines neither freezes the page nor floods it', async () => {
  await app.page.evaluate(([i, src]) => window.__tdNotebook!.setCell(i as number, src as string), [CONFIG_CELL, '// @budget 60s\nfor (let i = 0; i < 1e6; i++) print("line", i);'] as const);
  await app.page.click(`[data-testid="notebook-cell"][data-index="${CONFIG_CELL}"] [data-testid="run-cell"]`);
  // The page answers while the kernel prints.
  for (let probe = 0; probe < 3; probe++) {
    const asked = Date.now();
    await app.page.evaluate(() => document.title);
    expect(Date.now() - asked).toBeLessThan(5_000);
  }
  await app.page.waitForSelector(`[data-testid="cell-output"][data-index="${CONFIG_CELL}"][data-status="ok"]`, { timeout: TIMEOUT_MS });
  const text = (await app.page.textContent(`[data-testid="cell-output"][data-index="${CONFIG_CELL}"]`)) ?? '';
  expect(text).toMatch(/999800 more output lines not shown/);
  app.assertHealthy();
});

it('Restart clicked twice quickly leaves a ready kernel that runs cells', async () => {
  await app.page.click('[data-testid="restart"]');
  await app.page.click('[data-testid="restart"]');
  await app.page.waitForSelector('[data-testid="kernel-status"][data-state="ready"]', { timeout: TIMEOUT_MS });
  expect(await runCell(CONFIG_CELL, '6 * 7', 'ok')).toContain('42');
  // Still ready well after the replaced start-up would have timed out on its own.
  expect(await app.page.getAttribute('[data-testid="kernel-status"]', 'data-state')).toBe('ready');
  app.assertHealthy();
});

it('patching Math and tfjs in a cell cannot make Grade pass the unfixed notebook', async () => {
  app.page.once('dialog', (dialog) => void dialog.accept());
  await app.page.click('[data-testid="reset-notebook"]');
  const original = await app.page.evaluate((i) => window.__tdNotebook!.getCell(i), CONFIG_CELL);
  const patch = [
    'Math.abs = () => 0;',
    'Math.max = () => 0;',
    'tf.Tensor.prototype.dataSync = function () { return new Float32Array(this.size); };',
    'Array.prototype.every = function () { return true; };',
  ].join('\n');
  await app.page.evaluate(([i, src]) => window.__tdNotebook!.setCell(i as number, src as string), [CONFIG_CELL, `${patch}\n${original}`] as const);
  await app.page.click('[data-testid="grade"]');
  await app.page.waitForSelector('[data-testid="bug-checklist"]', { timeout: TIMEOUT_MS * 2 });
  const checklist = (await app.page.textContent('[data-testid="bug-checklist"]')) ?? '';
  expect(checklist).not.toMatch(/Solved/);
  const probes = await app.page.$$eval('[data-testid="probe"]', (els) => els.map((el) => el.getAttribute('data-passed')));
  expect(probes.filter((p) => p === 'true').length).toBeLessThan(probes.length);
  app.page.once('dialog', (dialog) => void dialog.accept());
  await app.page.click('[data-testid="reset-notebook"]');
  app.assertHealthy();
});

it("rewriting promises, the object prototype or tf's engine in a cell cannot make Grade pass a probe of the unfixed notebook", async () => {
  app.page.once('dialog', (dialog) => void dialog.accept());
  await app.page.click('[data-testid="reset-notebook"]');
  const original = await app.page.evaluate((i) => window.__tdNotebook!.getCell(i), CONFIG_CELL);
  // Each attempt on its own: a refused patch (a read-only method) must not stop the others.
  const attempts = [
    // Rewrite whatever a check hands back on its way out of the kernel.
    `const then = Promise.prototype.then;
     Promise.prototype.then = function (onValue: any, onError: any) {
       return then.call(this, (value: any) => {
         if (value && typeof value === 'object') { (value as any).passed = true; (value as any).observation = { passed: true }; }
         return onValue ? onValue(value) : value;
       }, onError);
     };`,
    "Object.defineProperty(Object.prototype, 'passed', { get: () => true, set: () => {}, configurable: true });",
    // Every max a comparison makes in the kernel returns 0 ("no difference").
    `const engine = (tf as any).engine();
     const runKernel = engine.runKernel.bind(engine);
     engine.runKernel = (name: string, inputs: any, attrs: any) => (name === 'Max' ? tf.zeros([]) : runKernel(name, inputs, attrs));`,
    "self.postMessage = () => {};",
  ];
  const patch = attempts.map((code) => `try {\n${code}\n} catch {}`).join('\n');
  await app.page.evaluate(([i, src]) => window.__tdNotebook!.setCell(i as number, src as string), [CONFIG_CELL, `${patch}\n${original}`] as const);
  await app.page.click('[data-testid="grade"]');
  await app.page.waitForSelector('[data-testid="bug-checklist"]', { timeout: TIMEOUT_MS * 2 });
  const checklist = (await app.page.textContent('[data-testid="bug-checklist"]')) ?? '';
  expect(checklist).not.toMatch(/Solved/);
  const probes = await app.page.$$eval('[data-testid="probe"]', (els) => els.map((el) => [el.getAttribute('data-bug-id'), el.getAttribute('data-passed')]));
  expect(probes.length).toBeGreaterThan(0);
  expect(probes.filter(([, passed]) => passed === 'true'), checklist).toEqual([]);
  app.page.once('dialog', (dialog) => void dialog.accept());
  await app.page.click('[data-testid="reset-notebook"]');
  app.assertHealthy();
});

it('a notebook cell reaches neither workers, channels, storage nor string evaluation', async () => {
  const probe = [
    'const g = globalThis as any;',
    "['Worker', 'SharedWorker', 'BroadcastChannel', 'indexedDB', 'fetch', 'eval'].map((n) => `${n}=${typeof g[n]}`).join(' ') + ` storage=${typeof (navigator as any).storage}`",
  ].join('\n');
  const text = await runCell(CONFIG_CELL, probe, 'ok');
  for (const expected of ['Worker=undefined', 'SharedWorker=undefined', 'BroadcastChannel=undefined', 'indexedDB=undefined', 'fetch=undefined', 'eval=undefined', 'storage=undefined']) {
    expect(text).toContain(expected);
  }
  app.assertHealthy();
});
