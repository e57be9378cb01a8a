#!/usr/bin/env node
// `npm run mutants [-- <problem-id|track> ...] [--threads N] [--timeout-ms N] [--json FILE]`
// Mutation testing of the references: every plausible single edit of each reference.ts (see
// src/mutants/generate.ts) is judged on Submit's cases; a mutant the judge accepts "survived", i.e.
// a wrong answer no case rejects. Mutants listed in the problem's equivalent-mutants.json (key →
// reason) are reviewed equivalents. Prints per problem killed / survived / equivalent and each
// survivor's diff; exits 1 when a non-equivalent mutant survives or a listed equivalent is killed.
import { fork } from 'node:child_process';
import { readdirSync, existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const threads = Math.max(1, Number(option('--threads', 1)));
const timeoutMs = Number(option('--timeout-ms', 30000));
const jsonFile = option('--json', undefined);
const STARTUP_MS = Math.max(timeoutMs, 180000);
const onlyKeys = option('--keys', undefined)?.split('|');

const all = readdirSync(join(root, 'problems'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((track) =>
    readdirSync(join(root, 'problems', track.name), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(root, 'problems', track.name, d.name, 'problem.ts')))
      .map((d) => `${track.name}/${d.name}`),
  )
  .sort();
const selected = args.length ? all.filter((id) => args.some((a) => id === a || id.startsWith(`${a}/`))) : all;
if (!selected.length) {
  process.stderr.write(`no problem matches ${args.join(' ')}; known: ${all.join(', ')}\n`);
  process.exit(2);
}

const started = Date.now();
/** problemId → { referenceStatus, count, equivalents, results: Map<key, {status, mutant}> } */
const report = new Map(selected.map((id) => [id, { results: new Map(), mutants: new Map() }]));

function runThread(work) {
  return new Promise((resolve) => {
    const worker = fork(fileURLToPath(new URL('./mutants-worker.mjs', import.meta.url)), [], {
      execArgv: ['--max-old-space-size=3072'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    worker.stderr.on('data', () => {});
    worker.send({ root, work, only: onlyKeys });
    worker.terminate = () => worker.kill('SIGKILL');
    let current;
    let timer;
    /** Restart only after progress: a process that dies before judging anything would loop forever. */
    let progressed = false;
    const arm = (ms = timeoutMs) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // A mutant that never returns (an infinite loop) is killed by the judge's time limit.
        if (current) report.get(current.problemId).results.set(current.mutant.key, { status: 'time-limit', detail: `no verdict within ${timeoutMs} ms` });
        current = undefined;
        progressed = true;
        worker.terminate();
      }, ms);
    };
    worker.on('message', (message) => {
      if (message.type === 'problem') {
        Object.assign(report.get(message.problemId), message);
        arm(STARTUP_MS);
      } else if (message.type === 'start') {
        current = message;
        report.get(message.problemId).mutants.set(message.mutant.key, message.mutant);
        arm();
      } else if (message.type === 'result') {
        current = undefined;
        progressed = true;
        report.get(message.problemId).results.set(message.key, message);
        arm();
      } else if (message.type === 'done') {
        clearTimeout(timer);
        worker.terminate();
      }
    });
    worker.on('error', (error) => process.stderr.write(`mutation worker failed: ${error?.stack ?? error}\n`));
    worker.on('exit', () => {
      clearTimeout(timer);
      // A process that died mid-mutant (out of memory, a fatal allocation): the judge would report
      // a runtime error or memory limit, so the mutant is killed.
      if (current) {
        report.get(current.problemId).results.set(current.mutant.key, { status: 'runtime-error', detail: 'the judging process died (memory)' });
        progressed = true;
      }
      // Restart on what is left when a mutant hung (or the thread died).
      const left = work
        .map(({ problemId }) => {
          const entry = report.get(problemId);
          const done = [...entry.results.keys()];
          return { problemId, skip: done, finished: entry.count !== undefined && done.length >= (onlyKeys ? 0 : entry.count) };
        })
        .filter((w) => !w.finished);
      const retry = left.filter((w) => report.get(w.problemId).error === undefined);
      if (retry.length && progressed) {
        current = undefined;
        resolve(runThread(retry.map(({ problemId, skip }) => ({ problemId, skip }))));
      } else resolve();
    });
    // Starting Vite and computing a problem's reference answers take longer than one mutant.
    arm(STARTUP_MS);
  });
}

const shares = Array.from({ length: threads }, () => []);
selected.forEach((problemId, i) => shares[i % threads].push({ problemId, skip: [] }));
await Promise.all(shares.filter((s) => s.length).map(runThread));

let totals = { mutants: 0, killed: 0, survived: 0, equivalent: 0, wronglyEquivalent: 0 };
let failed = false;
const json = {};
for (const [problemId, entry] of report) {
  if (entry.error || entry.referenceStatus !== 'accepted') {
    failed = true;
    console.log(`${problemId}: cannot mutate — ${entry.error ?? `the reference itself is ${entry.referenceStatus}`}`);
    continue;
  }
  const equivalents = entry.equivalents ?? {};
  const survivors = [];
  const wronglyEquivalent = [];
  let killed = 0;
  let equivalent = 0;
  for (const [key, result] of entry.results) {
    const accepted = result.status === 'accepted';
    if (key in equivalents) {
      if (accepted) equivalent++;
      else wronglyEquivalent.push({ key, ...result });
    } else if (accepted) survivors.push(key);
    else killed++;
  }
  const stale = Object.keys(equivalents).filter((key) => !entry.results.has(key) && !onlyKeys);
  totals.mutants += entry.results.size;
  totals.killed += killed + wronglyEquivalent.length;
  totals.survived += survivors.length;
  totals.equivalent += equivalent;
  totals.wronglyEquivalent += wronglyEquivalent.length;
  if (survivors.length || wronglyEquivalent.length) failed = true;
  json[problemId] = { mutants: entry.results.size, killed, survived: survivors, equivalent, wronglyEquivalent: wronglyEquivalent.map((w) => w.key), stale };
  console.log(`${problemId}: ${entry.results.size} mutants, ${killed} killed, ${survivors.length} survived, ${equivalent} equivalent`);
  for (const key of survivors) {
    const m = entry.mutants.get(key);
    console.log(`  SURVIVED ${key}  [${m?.operator}]\n    - ${m?.before}\n    + ${m?.after}`);
  }
  for (const w of wronglyEquivalent) console.log(`  LISTED AS EQUIVALENT BUT KILLED ${w.key} (${w.status}: ${w.detail ?? ''})`);
  for (const key of stale) console.log(`  stale equivalent (no such mutant any more): ${key}`);
}
const nonEquivalent = totals.mutants - totals.equivalent;
const score = nonEquivalent ? ((100 * totals.killed) / nonEquivalent).toFixed(1) : '100.0';
console.log(
  `\n${selected.length} problems: ${totals.mutants} mutants, ${totals.killed} killed, ${totals.survived} survived, ${totals.equivalent} equivalent — ${score} % of non-equivalent mutants killed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ totals, score: Number(score), seconds: (Date.now() - started) / 1000, problems: json }, null, 2));
process.exitCode = failed ? 1 : 0;
