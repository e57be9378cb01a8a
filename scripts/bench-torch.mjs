#!/usr/bin/env node
/**
 * `npm run bench` (third part): the tool a candidate would otherwise use. The same Submit cases of
 * attention/scaled-dot-product are exported with their expected answers and checked by a local
 * `python3` + PyTorch script (scripts/bench_torch_check.py); the medians are printed beside
 * TensorDojo's warm Submit of the same cases (from bench-results.json, written by scripts/bench.mjs
 * in the same `npm run bench`) as a ratio. Skipped with a message where no python3 has torch.
 *   node scripts/bench-torch.mjs [--runs=7] [--out=bench-torch-results.json]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createModuleServer } from './viteNode.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const runs = Number(args.runs ?? 7);
const PROBLEM = 'attention/scaled-dot-product';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The first python3 that can import torch (Debian's python3-torch lives under /usr/bin/python3). */
function pythonWithTorch() {
  for (const candidate of ['python3', '/usr/bin/python3', 'python']) {
    const probe = spawnSync(candidate, ['-c', 'import torch'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

const python = pythonWithTorch();
if (!python) {
  console.log('PyTorch side-by-side skipped: no python3 here can `import torch` (install Debian\'s python3-torch to include it).');
  process.exit(0);
}

const log = console.log;
console.log = (...a) => process.stderr.write(`${a.join(' ')}\n`);
const server = await createModuleServer(root);
const dir = mkdtempSync(join(tmpdir(), 'tensordojo-torch-'));
try {
  const { exportCases } = await server.ssrLoadModule('/src/bench/exportCases.ts');
  const exported = await exportCases(PROBLEM);
  const file = join(dir, 'cases.json');
  writeFileSync(file, JSON.stringify(exported));
  const wall = [];
  let last;
  // Each launch is what a candidate runs to check their file: python start, `import torch`, the check.
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const run = spawnSync(python, [join(root, 'scripts/bench_torch_check.py'), file, String(runs)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the PyTorch check failed:\n${run.stderr}`);
    last = JSON.parse(run.stdout.trim().split('\n').pop());
    // The launch minus the repeated checks after the first: one start-up plus one check.
    wall.push(performance.now() - started - last.check_ms.slice(1).reduce((a, b) => a + b, 0));
  }
  if (last.passed !== last.cases) throw new Error(`the PyTorch check passed ${last.passed}/${last.cases} cases; the export or the script is wrong`);
  const checkMs = median(last.check_ms);
  const launchMs = median(wall);
  const browser = existsSync(join(root, 'bench-results.json')) ? JSON.parse(readFileSync(join(root, 'bench-results.json'), 'utf8')) : undefined;
  const warm = browser?.runs.find((r) => r.problem === PROBLEM && r.backend === 'wasm' && r.engines === 'tfjs+onnx' && !r.error)?.warm.domMs;
  const result = { problem: PROBLEM, cases: last.cases, torch: last.torch, threads: last.threads, importMs: last.import_ms, checkMs, launchMs, tensordojoWarmSubmitMs: warm };
  log(`\nPyTorch side-by-side, ${PROBLEM} (${last.cases} Submit cases, torch ${last.torch}, ${last.threads} threads), medians:`);
  log(`  python3 + import torch + check (what a candidate runs): ${launchMs.toFixed(0)} ms (import torch ${last.import_ms.toFixed(0)} ms)`);
  log(`  the check alone, torch already imported:               ${checkMs.toFixed(1)} ms`);
  if (warm !== undefined) {
    log(`  TensorDojo warm Submit (wasm, both engines, click → verdict): ${warm.toFixed(0)} ms`);
    log(`  ratio: PyTorch launch / TensorDojo warm Submit = ${(launchMs / warm).toFixed(1)}×; check alone / warm Submit = ${(checkMs / warm).toFixed(2)}×`);
  } else {
    log('  (no wasm tfjs+onnx row in bench-results.json: run scripts/bench.mjs first for the ratio)');
  }
  writeFileSync(args.out ?? 'bench-torch-results.json', JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
  console.log = log;
  await server.close();
}
