/**
 * The command-line judge: JSON on stdout, exit 0 accepted / 1 not accepted / 2 bad usage; the judge
 * runs in the parent and user code in a sandboxed child process with a time and a memory budget,
 * which answers the judge's requests with plain data.
 * Budgets here are short (--time-limit-ms, --memory-limit-mb) so the tests are quick; the bounds
 * on how long anything takes are generous, because the machine may be busy.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { budgetFor, main, parseArgs, UsageError } from '../../src/cli/judgeCli';
import { SandboxProcess, type SandboxOptions } from '../../src/cli/supervisor';
import type { CallOutcome } from '../../src/judge/realm';
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

/** Judge in this process (the user's code still runs in a child) and return status, verdict and output. */
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
  /** Correct shapes, all zeros, after `patch` (at module scope or at each call): accepted only if the grading can be fooled. */
  const zeros = (patch: string, where: 'module' | 'call') => `import * as tf from '@tensorflow/tfjs';
${where === 'module' ? patch : ''}
export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor): tf.Tensor {
  ${where === 'call' ? patch : ''}
  return tf.tidy(() => tf.zerosLike(tf.matMul(tf.matMul(q, k, false, true), v)));
}
`;

  /** Spawns `npm run judge`'s script, as a user would, and returns its exit status, verdict and stderr. */
  async function judgeProcess(argv: string[]): Promise<{ code: number | null; verdict: Verdict; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['scripts/judge.mjs', ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, verdict: JSON.parse(stdout) as Verdict, stdout, stderr };
  }

  // Both were accepted while the judge shared the user's realm (the comparison's Math.abs, the
  // verdict's `results.every`); `every` is patched at call time, after the judge made its cases.
  it.each([
    ['Math.abs, Object.is and Number.isFinite', 'Math.abs = () => 0;\nObject.is = () => true;\nNumber.isFinite = () => true;', 'module', 'submit'],
    ['Array.prototype.every', 'Array.prototype.every = () => true;', 'call', 'run'],
  ] as const)('does not accept zeros from code that patches %s: the judge runs outside its realm', async (what, patch, where, mode) => {
    const file = join(work, `patches-${what.split(/\W/)[0]}.ts`);
    writeFileSync(file, zeros(patch, where));
    const { code, verdict } = await judgeProcess([PROBLEM, file, '--mode', mode]);
    expect(verdict.status).toBe('wrong-answer');
    expect(code).toBe(1);
    expect(verdict.cases.length).toBeGreaterThan(0);
    expect(verdict.cases.every((c) => !c.passed)).toBe(true);
    expect(verdict.cases[0].diagnostic!.message).toMatch(/Values differ/);
  }, PROCESS_TEST_MS);

  it("never evaluates the user's code in the judging process", async () => {
    const marker = '__tensordojoUserCodeRanHere';
    const file = userFile('marker', `(globalThis as any).${marker} = true;`);
    const { code, verdict } = await judge([PROBLEM, file, '--mode', 'run']);
    expect(verdict.status).toBe('accepted');
    expect(code).toBe(0);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  }, PROCESS_TEST_MS);

  it('reports an error thrown by a callback the user armed during a call as a runtime error', async () => {
    const file = userFile('crash-in-timer', '', (source) =>
      source
        .replace('export function', 'export async function')
        .replace(
          '): tf.Tensor {\n  return tf.tidy(',
          "): Promise<tf.Tensor> {\n  setTimeout(() => { throw new Error('thrown later'); }, 0);\n  await new Promise((resolve) => setTimeout(resolve, 50));\n  return tf.tidy(",
        ),
    );
    expect(readFileSync(file, 'utf8')).toContain('thrown later');
    const { code, verdict } = await judge([PROBLEM, file, '--mode', 'run']);
    expect(code).toBe(1);
    expect(verdict.status).toBe('runtime-error');
    expect(verdict.error!.message).toBe('thrown later');
  }, PROCESS_TEST_MS);

  it('does not accept a forged verdict printed before process.exit(0); stdout holds only the real verdict', async () => {
    const forged = JSON.stringify({ status: 'accepted', problemId: PROBLEM, cases: [], checkedBy: ['forged'] });
    const file = userFile('forged', `console.log(${JSON.stringify(forged)});\nprocess.exit(0);`);
    const { code, verdict, stdout, stderr } = await judgeProcess([PROBLEM, file, '--mode', 'run']);
    expect(code).toBe(1);
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

  it('refuses the network on every route: connections, listeners, datagrams and DNS', async () => {
    const server = createServer((socket) => socket.destroy());
    let connections = 0;
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const routes = `
      const builtin = (name: string) => (process as any).getBuiltinModule(name);
      const attempts: string[] = [];
      const attempt = (route: string, open: () => unknown) => {
        try { open(); attempts.push(route + ': allowed'); } catch (error) { attempts.push(route + ': ' + (error as Error).message); }
      };
      attempt('net.connect', () => builtin('net').connect(${port}, '127.0.0.1'));
      attempt('http.get', () => builtin('http').get('http://127.0.0.1:${port}/'));
      attempt('socket class of stdin', () => new ((process.stdin as any).constructor)().connect(${port}, '127.0.0.1'));
      attempt('net.createServer', () => builtin('net').createServer().listen(0));
      attempt('dgram', () => builtin('dgram').createSocket('udp4').send('x', ${port}, '127.0.0.1'));
      attempt('dns.lookup', () => builtin('dns').lookup('localhost', () => {}));
      throw new Error(attempts.join(' | '));`;
    try {
      const { code, verdict } = await judge([PROBLEM, userFile('network', routes), '--mode', 'run']);
      expect(code).toBe(1);
      expect(verdict.status).toBe('runtime-error');
      const attempts = verdict.error!.message.split(' | ');
      expect(attempts).toHaveLength(6);
      for (const line of attempts) expect(line).toMatch(/: .* \(the network\) is not available/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  }, PROCESS_TEST_MS);

  it('stops an infinite loop in a floating async continuation with a time-limit verdict', async () => {
    const file = userFile('floating-loop', '', (source) =>
      source
        .replace('export function', 'let calls = 0;\nexport function')
        .replace('return tf.tidy(', 'if (++calls >= 2) void (async () => { for (let i = 0; i < 2000; i++) await null; while (true) {} })();\n  return tf.tidy('),
    );
    const { code, verdict } = await judge([PROBLEM, file, '--mode', 'run', '--time-limit-ms', '2000']);
    expect(code).toBe(1);
    expect(verdict.status).toBe('time-limit');
    expect(verdict.error!.message).toBe('Stopped after 2 s: the code did not finish within the time budget.');
  }, PROCESS_TEST_MS);

  it.each(['getHeapSnapshot', 'queryObjects'])('refuses v8.%s, which would show the message token', async (name) => {
    const file = userFile(`v8-${name}`, `(process as any).getBuiltinModule('v8').${name}(Object);`);
    const { code, verdict } = await judge([PROBLEM, file, '--mode', 'run']);
    expect(code).toBe(1);
    expect(verdict.status).toBe('runtime-error');
    expect(verdict.error!.message).toMatch(new RegExp(`v8\\.${name} is not available`));
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

/** The sandbox process against stand-in children (plain `node -e` scripts: fast, no tfjs). */
describe('judge CLI sandbox process', () => {
  const options = (script: string): SandboxOptions => ({
    command: process.execPath,
    args: ['-e', script],
    cwd: process.cwd(),
    backend: 'cpu',
    budgetMs: 1_000,
    initBudgetMs: 30_000,
    hardCapMs: 60_000,
    memoryLimitText: 'test',
    output: () => undefined,
  });
  /**
   * Speaks the child's side of the protocol as judgeChild.ts does: reads the init line, says
   * 'ready' with its token; `next()` is the next request, `answer(id, value)` answers one.
   */
  const READY = `
    const fs = require('fs');
    const v8 = require('v8');
    let buffered = '';
    const lines = [];
    const waiting = [];
    process.stdin.on('data', (chunk) => {
      buffered += chunk;
      for (let i; (i = buffered.indexOf('\\n')) >= 0; ) {
        const line = buffered.slice(0, i);
        buffered = buffered.slice(i + 1);
        waiting.length ? waiting.shift()(line) : lines.push(line);
      }
    });
    const nextLine = () => new Promise((resolve) => (lines.length ? resolve(lines.shift()) : waiting.push(resolve)));
    const next = async () => v8.deserialize(Buffer.from(await nextLine(), 'base64'));
    let nonce;
    const send = (m) => fs.writeSync(3, '\\n' + JSON.stringify({ ...m, nonce }) + '\\n');
    const answer = (id, value) => send({ type: 'answer', id, payload: v8.serialize(value).toString('base64') });
    (async () => {
      nonce = JSON.parse(await nextLine()).nonce;
      send({ type: 'ready' });
      BODY
    })();
  `;
  const standIn = (body: string) => options(READY.replace('BODY', body));
  const FORGED = `{"type":"answer","id":1,"nonce":"guess","payload":"${Buffer.from('x').toString('base64')}"}`;
  const OUTPUT = { value: { kind: 'number', value: 1 }, leaked: 0 };

  async function withSandbox<T>(script: string, use: (sandbox: SandboxProcess) => Promise<T>): Promise<T> {
    const sandbox = new SandboxProcess(standIn(script));
    try {
      return await use(sandbox);
    } finally {
      await sandbox.close();
    }
  }

  it('answers a request with a runtime error when the child exits before answering, whatever it printed', async () => {
    await withSandbox(
      `const request = await next();
      console.log(JSON.stringify({ ok: true }));
      fs.writeSync(3, '\\n' + ${JSON.stringify(FORGED)} + '\\n');
      process.exit(0);`,
      async (sandbox) => {
        const realm = await sandbox.take('cpu');
        const loaded = await realm.load('', 'f');
        expect(loaded).toMatchObject({ ok: false, status: 'runtime-error', error: { name: 'SandboxExited', message: expect.stringMatching(/exited before answering the judge \(exit code 0\)/) } });
        // Every later request gets the same answer at once; nothing stops the run as a whole.
        expect(await realm.call([], { argNames: [] })).toMatchObject({ error: { name: 'SandboxExited' }, forbidden: false });
        expect(sandbox.stopped).toBeUndefined();
      },
    );
  });

  it('takes only answers carrying the run token, and checks that they are plain data', async () => {
    await withSandbox(
      `const load = await next();
      fs.writeSync(3, '\\n' + ${JSON.stringify(FORGED)} + '\\n');
      answer(load.id, { ok: true });
      const first = await next();
      answer(first.id, ${JSON.stringify(OUTPUT)});
      const second = await next();
      answer(second.id, { value: { kind: 'tensor', shape: [2], dtype: 'float32', data: new Float32Array(3) }, leaked: 0 });`,
      async (sandbox) => {
        const realm = await sandbox.take('cpu');
        expect(await realm.load('', 'f')).toEqual({ ok: true });
        expect(await realm.call([], { argNames: [] })).toEqual(OUTPUT);
        const malformed = (await realm.call([], { argNames: [] })) as Extract<CallOutcome, { error: unknown }>;
        expect(malformed.error.message).toMatch(/not plain data/);
      },
    );
  });

  it('charges only user time: a busy child between requests is not stopped, busy user code is', async () => {
    const stop = await withSandbox(
      `const until = Date.now() + 1500; while (Date.now() < until) {}
      send({ type: 'phase', phase: 'user' });
      while (true) {}`,
      async (sandbox) => {
        await sandbox.take('cpu');
        return sandbox.whenStopped;
      },
    );
    expect(stop.status).toBe('time-limit');
    expect(stop.error.message).toMatch(/Stopped after 1 s/);
  });

  it('stops on time while a request is outstanding', async () => {
    const stop = await withSandbox(`await next(); while (true) {}`, async (sandbox) => {
      const realm = await sandbox.take('cpu');
      const loaded = realm.load('', 'f');
      const stopped = await sandbox.whenStopped;
      // The pending request is answered too, so the judge never hangs.
      expect(await loaded).toMatchObject({ ok: false, status: 'runtime-error' });
      return stopped;
    });
    expect(stop.status).toBe('time-limit');
  });

  it('calls a crash before the child was ready an internal error', async () => {
    const sandbox = new SandboxProcess(options(`process.stderr.write('tfjs failed to load'); process.exit(3);`));
    try {
      await expect(sandbox.take('cpu')).rejects.toThrow(/failed before running it \(exit code 3\)\.\ntfjs failed to load/);
      expect(sandbox.stopped!.status).toBe('internal-error');
    } finally {
      await sandbox.close();
    }
  });
});
