/**
 * The command-line judge: JSON on stdout, exit 0 accepted / 1 not accepted / 2 bad usage; user code
 * runs in a sandboxed judging process with a time and a memory budget.
 * Budgets here are short (--time-limit-ms, --memory-limit-mb) so the tests are quick; the bounds
 * on how long anything takes are generous, because the machine may be busy.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { budgetFor, main, parseArgs, UsageError } from '../../src/cli/judgeCli';
import { supervise, type SuperviseOptions } from '../../src/cli/supervisor';
import type { Verdict } from '../../src/shared/protocol';

const PROBLEM = 'attention/scaled-dot-product';
const DIR = `problems/${PROBLEM}`;
const REFERENCE = readFileSync(`${DIR}/reference.ts`, 'utf8');
const work = mkdtempSync(join(tmpdir(), 'judge-cli-'));
/** Slow machines: a judging process takes seconds to start (tfjs, wasm) before the budget starts. */
const PROCESS_TEST_MS = 180_000;

afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(work, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out, err };
}

/** A user file: the correct reference with `extra` appended (or its body changed by `edit`). */
function userFile(name: string, extra: string, edit: (source: string) => string = (source) => source): string {
  const path = join(work, `${name}.ts`);
  writeFileSync(path, `${edit(REFERENCE)}\n${extra}\n`);
  return path;
}

/** Judge in this process (the judging itself still runs in a child) and return status, verdict and output. */
async function judge(argv: string[]): Promise<{ code: number; verdict: Verdict; stderr: string }> {
  const { out, err } = capture();
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, verdict: JSON.parse(out.join('')) as Verdict, stderr: err.join('') };
}

describe('judge CLI', () => {
  it.each([
    [[], /expected a problem id and a file/],
    [['attention/nope', 'x.ts'], /unknown problem "attention\/nope"/],
    [['attention/scaled-dot-product', 'x.ts', '--backend', 'webgpu'], /--backend must be one of cpu, wasm/],
    [['attention/scaled-dot-product', 'x.ts', '--frobnicate'], /unknown option --frobnicate/],
    [['attention/scaled-dot-product', 'x.ts', '--time-limit-ms', 'soon'], /--time-limit-ms must be a positive number/],
  ])('rejects bad usage %j', (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseArgs(argv as string[])).toThrow(message);
  });

  it('gives each problem the browser budget: 10 s, or its meta.json timeLimitSeconds', async () => {
    expect(await budgetFor(PROBLEM)).toBe(10_000);
    expect(await budgetFor('training/mlp-training-loop')).toBe(60_000);
  });

  it('exits 2 with usage on stderr for a missing file', async () => {
    const { out, err } = capture();
    expect(await main(['attention/scaled-dot-product', 'does-not-exist.ts'])).toBe(2);
    expect(out.join('')).toBe('');
    expect(err.join('')).toMatch(/cannot read does-not-exist\.ts: ENOENT[\s\S]*usage: npm run judge/);
  });

  it('exits 0 and prints an accepted verdict for the reference, cross-checked by onnxruntime', async () => {
    const { code, verdict } = await judge([PROBLEM, `${DIR}/reference.ts`, '--backend', 'wasm']);
    expect(verdict.status).toBe('accepted');
    expect(verdict.checkedBy).toEqual(['tfjs/wasm', 'onnxruntime/wasm']);
    expect(code).toBe(0);
  }, PROCESS_TEST_MS);

  it('exits 1 and names the mistake for a known wrong solution', async () => {
    const { code, verdict } = await judge([PROBLEM, `${DIR}/mistakes/mask-inverted.ts`, '--mode', 'run']);
    expect(code).toBe(1);
    expect(verdict.status).toBe('wrong-answer');
    expect(verdict.cases.find((c) => !c.passed)!.diagnostic!.likelyMistake!.id).toBe('mask-inverted');
  }, PROCESS_TEST_MS);
});

describe('judge CLI sandbox', () => {
  it('does not accept a forged verdict printed before process.exit(0); stdout holds only the real verdict', async () => {
    const forged = JSON.stringify({ status: 'accepted', problemId: PROBLEM, cases: [], checkedBy: ['forged'] });
    const file = userFile('forged', `console.log(${JSON.stringify(forged)});\nprocess.exit(0);`);
    const child = spawn(process.execPath, ['scripts/judge.mjs', PROBLEM, file, '--mode', 'run'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    const verdict = JSON.parse(stdout) as Verdict;
    expect(verdict.status).toBe('runtime-error');
    expect(verdict.error!.message).toMatch(/process\.exit is not available/);
    // The user's print went to stderr, never into the JSON on stdout.
    expect(stdout).not.toContain('forged');
    expect(stderr).toContain(forged);
  }, PROCESS_TEST_MS);

  it('refuses file writes through process.getBuiltinModule', async () => {
    const target = join(work, 'written-by-user-code.txt');
    const file = userFile('fs-write', `(process as any).getBuiltinModule('fs').writeFileSync(${JSON.stringify(target)}, 'x');`);
    const { code, verdict } = await judge([PROBLEM, file, '--mode', 'run']);
    expect(existsSync(target)).toBe(false);
    expect(code).toBe(1);
    expect(verdict.status).toBe('runtime-error');
    expect(verdict.error!.message).toMatch(/Access to this API has been restricted \(the command-line judge runs your code without file/);
  }, PROCESS_TEST_MS);

  it('refuses to start processes', async () => {
    const target = join(work, 'touched-by-a-child.txt');
    const file = userFile('spawn', `(process as any).getBuiltinModule('child_process').execFileSync('touch', [${JSON.stringify(target)}]);`);
    const { code, verdict } = await judge([PROBLEM, file, '--mode', 'run']);
    expect(existsSync(target)).toBe(false);
    expect(code).toBe(1);
    expect(verdict.status).toBe('runtime-error');
  }, PROCESS_TEST_MS);

  it.each([
    ['at module scope', (name: string) => userFile(name, 'while (true) {}')],
    ['inside the entry function', (name: string) => userFile(name, '', (source) => source.replace('return tf.tidy(', 'while (true) {}\n  return tf.tidy('))],
    ['in a setTimeout armed by the module', (name: string) => userFile(name, 'setTimeout(() => { while (true) {} }, 0);')],
  ])('stops an infinite loop %s with a time-limit verdict', async (where, make) => {
    const file = make(`loop-${where.replace(/\W+/g, '-')}`);
    const { code, verdict } = await judge([PROBLEM, file, '--mode', 'run', '--time-limit-ms', '2000']);
    expect(code).toBe(1);
    expect(verdict.status).toBe('time-limit');
    // Stopped by the 2 s budget, not by the judge's two-minute hard cap.
    expect(verdict.error!.message).toBe('Stopped after 2 s: the code did not finish within the time budget.');
  }, PROCESS_TEST_MS);

  it.each([
    ['JavaScript arrays', 'const hoard: number[][] = []; while (true) hoard.push(new Array(1e6).fill(1));'],
    ["typed arrays (outside V8's heap: resident memory is watched on Linux)", 'const hoard: Float64Array[] = []; while (true) hoard.push(new Float64Array(1e7).fill(1));'],
  ])('ends a memory bomb of %s in a memory-limit verdict, not a crash', async (what, bomb) => {
    if (what.startsWith('typed') && !existsSync('/proc/self/status')) return;
    const file = userFile(`bomb-${what.split(' ')[0]}`, bomb);
    const { code, verdict } = await judge([PROBLEM, file, '--mode', 'run', '--memory-limit-mb', '512', '--time-limit-ms', '120000']);
    expect(code).toBe(1);
    expect(verdict.status).toBe('runtime-error');
    expect(verdict.error).toMatchObject({ name: 'MemoryLimitExceeded', message: expect.stringMatching(/memory limit \(512 MB/) });
  }, PROCESS_TEST_MS);
});

/** The supervisor against stand-in judging processes (plain `node -e` scripts: fast, no tfjs). */
describe('judge CLI supervisor', () => {
  const request = { runId: 1, problemId: PROBLEM, source: '', mode: 'run' as const };
  const options = (script: string): SuperviseOptions => ({
    command: process.execPath,
    args: ['-e', script],
    cwd: process.cwd(),
    init: { backend: 'cpu', request },
    budgetMs: 1_000,
    initBudgetMs: 30_000,
    hardCapMs: 60_000,
    memoryLimitText: 'test',
    output: () => undefined,
  });
  /** Reads the init message and says 'ready' with its token, as the real child does. */
  const READY = `
    const fs = require('fs');
    const init = JSON.parse(fs.readFileSync(0, 'utf8'));
    const send = (m) => fs.writeSync(3, '\\n' + JSON.stringify({ ...m, nonce: init.nonce }) + '\\n');
    send({ type: 'ready' });
  `;
  const FORGED = `{"type":"verdict","nonce":"guess","verdict":{"status":"accepted","problemId":"${PROBLEM}","cases":[]}}`;

  it('reports a runtime error when the judging process exits without a verdict, whatever it printed', async () => {
    const verdict = await supervise(options(`${READY}
      console.log(JSON.stringify({ status: 'accepted' }));
      fs.writeSync(3, '\\n' + ${JSON.stringify(FORGED)} + '\\n');
      process.exit(0);`));
    expect(verdict.status).toBe('runtime-error');
    expect(verdict.error).toMatchObject({ name: 'JudgeProcessExited', message: expect.stringMatching(/exited before sending a verdict \(exit code 0\)/) });
  });

  it('accepts only a verdict carrying the run token', async () => {
    const verdict = await supervise(options(`${READY}
      send({ type: 'verdict', verdict: { status: 'wrong-answer', problemId: '${PROBLEM}', cases: [], checkedBy: [] } });`));
    expect(verdict.status).toBe('wrong-answer');
  });

  it('charges only user time: a busy judge is not stopped, busy user code is', async () => {
    const verdict = await supervise(options(`${READY}
      const until = Date.now() + 1500; while (Date.now() < until) {}
      send({ type: 'phase', phase: 'user' });
      while (true) {}`));
    expect(verdict.status).toBe('time-limit');
    expect(verdict.error!.message).toMatch(/Stopped after 1 s/);
  });

  it('calls a crash before any user code ran an internal error', async () => {
    const verdict = await supervise(options(`process.stderr.write('tfjs failed to load'); process.exit(3);`));
    expect(verdict.status).toBe('internal-error');
    expect(verdict.error!.message).toMatch(/failed before running your code \(exit code 3\)\.\ntfjs failed to load/);
  });
});
