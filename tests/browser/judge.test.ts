/**
 * The real app in real Chromium: every problem's reference is accepted on every browser backend,
 * and the worker contract holds end to end — wrong answers are explained, runaway code times out
 * and the next run works, a thrown error keeps the user's line, user code cannot reach storage or
 * the network, drafts survive a reload, shared links fill the editor without running, Ctrl+Enter
 * runs, and the page is served with its Content-Security-Policy.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeSharedCode, Harness, listProblemIds, readProblemFile, type AppPage, type Backend } from './harness';

/** TENSORDOJO_BROWSER_PROBLEMS=a/b,c (ids or track prefixes) narrows the references checked, for development. */
const ONLY = (process.env.TENSORDOJO_BROWSER_PROBLEMS ?? '').split(',').filter(Boolean);
const PROBLEM_IDS = listProblemIds().filter((id) => !ONLY.length || ONLY.some((only) => id === only || id.startsWith(`${only}/`)));
const ATTENTION = 'attention/scaled-dot-product';
/** RunnerClient's RUN_BUDGET_MS; restated here so a silent change to the budget fails this test. */
const RUN_BUDGET_MS = 10_000;
/** Slack for the verdict to reach the DOM after the watchdog fires, on a busy 2-core machine. */
const TIME_LIMIT_MARGIN_MS = 3_000;

/** Browser backends that must run every reference here: WebGPU through SwiftShader, WebGL, wasm. */
const BROWSER_BACKENDS: Backend[] = ['webgpu', 'webgl', 'wasm'];

/**
 * What each backend does with each reference. SwiftShader compiles a shader per op and shape, so
 * WebGL (the slowest here) Runs the public examples: the reference loads, compiles and is right
 * on that backend. WebGPU and wasm Submit every hidden case, wasm with the ONNX cross-check where
 * a problem has one (onnxruntime's provider is chosen by capability: wasm on this software GPU).
 * TENSORDOJO_BROWSER_FULL=1 Submits on WebGL too, and the slow problems on WebGPU.
 */
const FULL = process.env.TENSORDOJO_BROWSER_FULL === '1';
/**
 * Problems with their own, longer time budget (training loops, meta.json `timeLimitSeconds`): on
 * SwiftShader their full Submit can take minutes on a loaded machine, so WebGPU Runs their public
 * examples (the reference still loads, compiles and is right there) and Submits them only with
 * TENSORDOJO_BROWSER_FULL=1. Wasm Submits every case of every problem in CI.
 */
function isSlow(id: string): boolean {
  return JSON.parse(readProblemFile(id, 'meta.json')).timeLimitSeconds !== undefined;
}
function modeFor(backend: Backend, id: string): 'run' | 'submit' {
  if (FULL || id === ATTENTION) return 'submit';
  if (backend === 'webgpu' && isSlow(id)) return 'run';
  return backend === 'webgl' ? 'run' : 'submit';
}
/** The first Submit on a fresh tab also starts onnxruntime (the cross-check engine): allow for it. */
const REFERENCE_VERDICT_TIMEOUT_MS = 120_000;

let harness: Harness;
const openPages: AppPage[] = [];

beforeAll(async () => {
  harness = await Harness.start();
});

afterAll(async () => {
  await harness?.close();
});

afterEach(() => {
  // Any uncaught page error or CSP violation during a test fails that test.
  for (const page of openPages) {
    const errors = [...page.pageErrors];
    page.pageErrors.length = 0;
    const csp = page.consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text));
    page.consoleErrors.length = 0;
    expect(errors, 'uncaught page errors').toEqual([]);
    expect(csp, 'Content-Security-Policy violations').toEqual([]);
  }
});

async function newPage(backend?: Backend): Promise<AppPage> {
  const page = await harness.newPage(backend);
  openPages.push(page);
  return page;
}

async function closePage(page: AppPage): Promise<void> {
  const index = openPages.indexOf(page);
  if (index >= 0) openPages.splice(index, 1);
  try {
    page.assertHealthy();
  } finally {
    await page.close();
  }
}

function failures(cases: { name: string; passed: boolean; text: string }[]): string[] {
  return cases.filter((c) => !c.passed).map((c) => c.text);
}

it('finds the problems on disk', () => {
  expect(listProblemIds()).toContain(ATTENTION);
});

/**
 * One tab per backend, all three judging the same problem at once: SwiftShader and the wasm
 * backend are each mostly single-threaded, so on two cores this takes about half the time of
 * running the backends one after another.
 */
describe('every reference on webgpu, webgl and wasm', () => {
  const tabs = new Map<Backend, AppPage>();

  beforeAll(async () => {
    for (const backend of BROWSER_BACKENDS) tabs.set(backend, await newPage(backend));
  });

  afterAll(async () => {
    for (const tab of tabs.values()) await closePage(tab).catch(() => undefined);
  });

  /** Judge one reference on one backend; returns what went wrong, or nothing. */
  async function check(backend: Backend, id: string): Promise<string | undefined> {
    const mode = modeFor(backend, id);
    const app = tabs.get(backend)!;
    try {
      await app.openProblem(id, backend);
      await app.setCode(readProblemFile(id, 'reference.ts'));
      // A training loop on a software GPU may need its whole (scaled) budget before the verdict.
      const waitMs = isSlow(id) ? 2 * REFERENCE_VERDICT_TIMEOUT_MS : REFERENCE_VERDICT_TIMEOUT_MS;
      const verdict = mode === 'submit' ? await app.submit(waitMs) : await app.run(waitMs);
      console.info(`[browser] ${id} ${mode} on ${backend}: ${verdict.status} in ${Math.round(verdict.ms)} ms`);
      const problems: string[] = [];
      if (verdict.status !== 'accepted') problems.push(`verdict ${verdict.status}:\n${verdict.text}`);
      else if (failures(verdict.cases).length) problems.push(`failed cases:\n${failures(verdict.cases).join('\n')}`);
      if (verdict.cases.length < (mode === 'submit' ? 5 : 1)) problems.push(`only ${verdict.cases.length} cases`);
      // The backend that actually ran: the indicator and the verdict line both say so.
      const indicator = await app.backendText();
      if (!indicator.includes(backend)) problems.push(`backend indicator says "${indicator}"`);
      if ((await app.page.getByTestId('backend').getAttribute('data-backend')) !== backend) problems.push('indicator data-backend differs');
      if (!new RegExp(`ran on\\s+${backend}`).test(verdict.text)) problems.push(`verdict line does not say "ran on ${backend}"`);
      if (app.pageErrors.length) problems.push(`page errors: ${app.pageErrors.join('; ')}`);
      return problems.length ? `${backend} (${mode}): ${problems.join('\n')}` : undefined;
    } catch (error) {
      return `${backend} (${mode}): ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  it.each(PROBLEM_IDS)(
    '%s: the reference is accepted, and the indicator names the backend that ran',
    async (id) => {
      const problems = await Promise.all(BROWSER_BACKENDS.map((backend) => check(backend, id)));
      for (const [index, problem] of problems.entries()) {
        if (!problem) continue;
        // A failure may have broken that worker (a lost WebGPU device stays lost): give the next
        // problem a fresh tab so one failure cannot cascade into every problem after it.
        const backend = BROWSER_BACKENDS[index];
        const old = tabs.get(backend)!;
        old.pageErrors.length = 0;
        await closePage(old).catch(() => undefined);
        tabs.set(backend, await newPage(backend));
      }
      expect(problems.filter(Boolean)).toEqual([]);
    },
    3 * REFERENCE_VERDICT_TIMEOUT_MS,
  );
});

describe('worker contract and app behaviour (wasm)', () => {
  let app: AppPage;
  const reference = readProblemFile(ATTENTION, 'reference.ts');

  beforeAll(async () => {
    app = await newPage('wasm');
  });

  afterAll(async () => {
    if (app) await closePage(app);
  });

  it('serves the page and the runner worker with the Content-Security-Policy header', async () => {
    const workerResponses: Record<string, string>[] = [];
    app.page.on('response', (response) => {
      if (/runner\.worker[^/]*\.js/.test(response.url())) workerResponses.push(response.headers());
    });
    const response = await app.openProblem(ATTENTION, 'wasm');
    expect(response, 'a full document load').not.toBeNull();
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/worker-src 'self'(;|$)/);
    expect(response!.headers()['x-content-type-options']).toBe('nosniff');
    // A worker gets its CSP from its own script's response, not from the page.
    await expect.poll(() => workerResponses.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(workerResponses[0]['content-security-policy']).toContain("connect-src 'self'");
  });

  it('a known mistake gets wrong-answer with its diagnostic on a case', async () => {
    await app.openProblem(ATTENTION, 'wasm');
    await app.setCode(readProblemFile(ATTENTION, 'mistakes/softmax-over-query-axis.ts'));
    const verdict = await app.submit();
    console.info(`[browser] known mistake on wasm: ${verdict.status} in ${Math.round(verdict.ms)} ms`);
    expect(verdict.status, verdict.text).toBe('wrong-answer');
    const failed = verdict.cases.filter((c) => !c.passed);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.some((c) => c.text.includes('softmax taken over the query axis')), failed.map((c) => c.text).join('\n---\n')).toBe(
      true,
    );
    expect(await app.page.locator('[data-testid="likely-mistake"][data-mistake-id="softmax-over-query-axis"]').count()).toBeGreaterThan(0);
  });

  it('an infinite loop gets time-limit within the budget, and the next submission is accepted', async () => {
    await app.openProblem(ATTENTION, 'wasm');
    await app.setCode(
      [
        "import * as tf from '@tensorflow/tfjs';",
        '',
        'export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {',
        '  while (true) {}',
        '}',
        '',
      ].join('\n'),
    );
    const stuck = await app.submit(RUN_BUDGET_MS + 30_000);
    expect(stuck.status, stuck.text).toBe('time-limit');
    expect(stuck.ms).toBeGreaterThanOrEqual(RUN_BUDGET_MS - 500);
    expect(stuck.ms).toBeLessThan(RUN_BUDGET_MS + TIME_LIMIT_MARGIN_MS);
    // The watchdog replaced the worker; the very next submission runs on a fresh one.
    await app.setCode(reference);
    const next = await app.submit();
    expect(failures(next.cases), next.text).toEqual([]);
    expect(next.status, next.text).toBe('accepted');
    expect(await app.backendText()).toContain('wasm');
  });

  it('a thrown error gets runtime-error with the line of the throw in the user file', async () => {
    await app.openProblem(ATTENTION, 'wasm');
    const lines = [
      "import * as tf from '@tensorflow/tfjs';",
      '',
      '// q: [..., tq, d]',
      'export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {',
      '  const d: number = q.shape[q.shape.length - 1];',
      '  if (d > 0) {',
      "    throw new Error('boom');",
      '  }',
      '  return q;',
      '}',
      '',
    ];
    const throwLine = lines.findIndex((line) => line.includes("'boom'")) + 1;
    await app.setCode(lines.join('\n'));
    const verdict = await app.run();
    expect(verdict.status, verdict.text).toBe('runtime-error');
    expect(verdict.text).toContain('boom');
    const lineButtons = app.page.getByTestId('error-line');
    expect(await lineButtons.count(), verdict.text).toBeGreaterThan(0);
    expect(await lineButtons.first().getAttribute('data-line')).toBe(String(throwLine));
    expect(verdict.text).toContain(`line ${throwLine}`);
  });

  it('user code cannot reach indexedDB, caches, fetch or XMLHttpRequest', async () => {
    await app.openProblem(ATTENTION, 'wasm');
    await app.setCode(
      [
        "import * as tf from '@tensorflow/tfjs';",
        '',
        'export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {',
        '  const g = globalThis as any;',
        '  const proto = Object.getPrototypeOf(g);',
        '  const seen = [',
        '    `indexedDB=${typeof indexedDB}`,',
        "    `fetch=${typeof fetch}`,",
        "    `self.indexedDB=${typeof g.indexedDB}`,",
        "    `proto.fetch=${typeof (proto && proto.fetch)}`,",
        "    `caches=${typeof g.caches}`,",
        "    `XMLHttpRequest=${typeof g.XMLHttpRequest}`,",
        "    `importScripts=${typeof g.importScripts}`,",
        '  ];',
        "  throw new Error('probe ' + seen.join(' '));",
        '}',
        '',
      ].join('\n'),
    );
    const verdict = await app.run();
    expect(verdict.status, verdict.text).toBe('runtime-error');
    const probe = /probe ([^\n]*)/.exec(verdict.text)?.[1];
    expect(probe, verdict.text).toBeDefined();
    expect(probe).toContain('indexedDB=undefined');
    expect(probe).toContain('fetch=undefined');
    expect(probe).toContain('self.indexedDB=undefined');
    expect(probe).toContain('proto.fetch=undefined');
    expect(probe).toContain('caches=undefined');
    expect(probe).toContain('XMLHttpRequest=undefined');
    expect(probe).toContain('importScripts=undefined');
  });

  it('a reload keeps the code (autosave) and the backend choice', async () => {
    await app.openProblem(ATTENTION, 'wasm');
    const marked = `// reload marker ${Date.now()}\n${reference}`;
    await app.setCode(marked);
    // A person pauses before reloading; the autosave debounce is 250 ms.
    await app.page.waitForTimeout(1_000);
    await app.page.reload({ waitUntil: 'domcontentloaded' });
    await app.waitForEditor();
    expect(await app.getCode()).toBe(marked);
    expect(await app.page.getByTestId('backend-select').inputValue()).toBe('wasm');
    await app.waitForBackend('wasm');
  });

  it('Ctrl+Enter in the editor runs the examples', async () => {
    await app.openProblem(ATTENTION, 'wasm');
    await app.setCode(reference);
    await app.page.locator('[data-testid="editor"] textarea').focus();
    const verdict = await app.press('Control+Enter');
    expect(verdict.status, verdict.text).toBe('accepted');
    // Run judges the public examples only, never the hidden cases.
    expect(verdict.cases.length).toBeGreaterThan(0);
    expect(verdict.text).not.toContain('hidden');
    expect(verdict.text).toMatch(/\bRun\b/);
  });
});

describe('shared links', () => {
  let app: AppPage;

  beforeAll(async () => {
    app = await newPage('wasm');
  });

  afterAll(async () => {
    if (app) await closePage(app);
  });

  it('a deep link opens the problem with its code and does not run it', async () => {
    const shared = `// shared ✓ ünïcödé ${Date.now()}\n${readProblemFile(ATTENTION, 'mistakes/missing-sqrt-d.ts')}`;
    await app.goto(`/problems/${ATTENTION}?code=${encodeSharedCode(shared)}`);
    await app.waitForEditor();
    expect(await app.getCode()).toBe(shared);
    // Give a would-be auto-run time to start: the verdict must stay idle.
    await app.page.waitForTimeout(2_000);
    expect(await app.verdictStatus()).toBe('idle');
    expect(await app.page.getByTestId('case-result').count()).toBe(0);
  });

  it('a malformed deep link shows the error banner and keeps the saved code', async () => {
    // The previous test saved the shared code as the draft.
    await app.goto(`/problems/${ATTENTION}`);
    await app.waitForEditor();
    const before = await app.getCode();
    await app.goto(`/problems/${ATTENTION}?code=%%%not*base64!`);
    await app.page.getByTestId('error-banner').waitFor({ state: 'visible', timeout: 30_000 });
    await app.waitForEditor();
    expect(await app.getCode()).toBe(before);
    expect(await app.verdictStatus()).toBe('idle');
  });
});
