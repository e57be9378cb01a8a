import type { BackendName, CaseResult, Diagnostic, JudgeRequest, RunPhase, Tolerance, Verdict, VerdictStatus } from '../shared/protocol';
import { compareCase, compareValues, type Plain } from './compare';
import { guardedTf } from './guardedTf';
import { describeArgs, type TF } from './inputs';
import type { CaseSpec, ProblemDefinition } from './problem';
import { MistakeClassifier, type Failure, type MistakeOutcomes, type Passed } from './classify';
import { runReference } from './execute';
import { InProcessRealm, type CallConsole, type CallOutcome, type UserRealm } from './realm';
import { MAX_CONSOLE_LINES } from './consoleCapture';

export { toPlain } from './execute';
import { Rng } from './rng';
import { DEFAULT_TOLERANCE, toleranceFor } from './tolerance';
import { onnxExpected, type CrossCheck } from '../onnx/crossCheck';

/** Everything the judge needs besides the request; the worker and the command line both build one. */
export interface JudgeContext {
  tf: TF;
  backend: BackendName;
  problem: ProblemDefinition;
  /** Source of each known mistake, by id: outputs that match one are named in the diagnostic. */
  mistakeSources: Record<string, string>;
  /** A second, independent reference (onnxruntime), consulted on Submit when the problem has one. */
  crossCheck?: CrossCheck;
  /** Told when user code starts and stops running (the watchdog's budget counts user time only). */
  onPhase?: (phase: RunPhase) => void;
  /** Reference and known-mistake outputs kept between submissions (a Runner keeps one per problem). */
  cache?: JudgeCache;
  /**
   * A fresh realm for the user's code, one per judged request (the browser gives a new sandbox
   * worker). Without one, user code runs in-process (Node tests, mutation runs).
   */
  openRealm?: () => Promise<UserRealm>;
}

/**
 * Cases are seeded, so the references' answers never change for a given problem and backend:
 * compute them once. Keyed by the case objects themselves, which the cache also holds.
 */
export class JudgeCache {
  private cases?: CaseSpec[];
  readonly expected = new WeakMap<CaseSpec, Plain>();
  readonly second = new WeakMap<CaseSpec, { value: Plain; provider: string }>();
  readonly mistakes: MistakeOutcomes = new WeakMap();

  casesFor(problem: ProblemDefinition, mode: JudgeRequest['mode']): CaseSpec[] {
    this.cases ??= casesFor(problem, 'submit');
    return mode === 'run' ? this.cases.filter((c) => c.public) : this.cases;
  }
}

/** What a synchronous read (dataSync, arraySync) of a GPU tensor throws on WebGPU devices without one. */
const SYNC_READ_FAILURE = /mapAsync|external Instance reference/;
const SYNC_READ_HINT =
  ' — reading a GPU tensor synchronously (dataSync/arraySync) is not available on this WebGPU device: make the function async and use `await t.data()`.';

/** The seed of a problem's cases: fixed per problem, so hidden cases are the same on every run. */
export function seedFor(problemId: string): number {
  let hash = 2166136261;
  for (let i = 0; i < problemId.length; i++) hash = Math.imul(hash ^ problemId.charCodeAt(i), 16777619);
  return hash >>> 0;
}

export function casesFor(problem: ProblemDefinition, mode: JudgeRequest['mode']): CaseSpec[] {
  const all = problem.cases(new Rng(seedFor(problem.id)));
  return mode === 'run' ? all.filter((c) => c.public) : all;
}

/** What `referencesFor` needs: the references, and the cache that keeps their answers. */
type ReferenceContext = Pick<JudgeContext, 'tf' | 'problem' | 'crossCheck'> & { cache: JudgeCache };

/**
 * A case's expected answer, and the second engine's when it is connected: from the cache, or
 * worked out once and kept there (cases are seeded, so they never change).
 */
async function referencesFor(context: ReferenceContext, spec: CaseSpec): Promise<{ expected: Plain; second?: { value: Plain; provider: string } }> {
  const { tf, problem, crossCheck, cache } = context;
  let expected = cache.expected.get(spec);
  if (!expected) {
    expected = await runReference(tf, problem, spec.args);
    cache.expected.set(spec, expected);
  }
  if (!crossCheck) return { expected };
  let second = cache.second.get(spec);
  if (!second) {
    second = await onnxExpected(crossCheck, spec.args);
    cache.second.set(spec, second);
  }
  return { expected, second };
}

/**
 * Work out one case's references ahead of the first Run or Submit, while the user reads and
 * types: the verdict then only runs the user's code. False when a reference failed: the judging
 * run reports it.
 */
export async function prepareReference(context: ReferenceContext, spec: CaseSpec): Promise<boolean> {
  try {
    await referencesFor(context, spec);
    return true;
  } catch {
    return false;
  }
}

/** Judge one source file against a problem: compile, run every case, compare, explain. */
export async function judgeSource(context: JudgeContext, request: JudgeRequest): Promise<Verdict> {
  const started = now();
  const { tf, problem, backend } = context;
  const checkedBy = new Set([`tfjs/${backend}`]);
  const base = { problemId: problem.id, mode: request.mode, backend, runId: request.runId };
  const finish = (status: VerdictStatus, cases: CaseResult[], extra: Partial<Verdict> = {}): Verdict => ({
    ...base,
    checkedBy: [...checkedBy],
    status,
    cases,
    elapsedMs: now() - started,
    ...extra,
  });
  const crossCheck = request.mode === 'submit' ? context.crossCheck : undefined;

  const userTf = guardedTf(tf, problem.forbiddenApis);
  const phase = context.onPhase ?? (() => {});
  const realm = context.openRealm ? await context.openRealm() : new InProcessRealm(tf);
  try {
    phase('user');
    // The module's top level and the entry lookup (an exported getter) are user time too.
    const loaded = await realm.load(request.source, problem.entry, problem.forbiddenApis);
    phase('judge');
    if (!loaded.ok) return finish(loaded.status, [], { error: loaded.error });
    return await judgeCases(realm);
  } finally {
    phase('judge');
    realm.dispose();
  }

  async function judgeCases(realm: UserRealm): Promise<Verdict> {
    const tolerance = toleranceFor(problem, backend);
    const cache = context.cache ?? new JudgeCache();
    const mistakes = new MistakeClassifier(tf, problem, context.mistakeSources, userTf, cache.mistakes);
    const results: CaseResult[] = [];
    const failures: Failure[] = [];
    const passes: Passed[] = [];
    /** A wrong answer: name the known mistakes behind its failing cases first (judge time, not the user's). */
    const wrongAnswer = async () => {
      await mistakes.nameMistakes(failures, tolerance, passes);
      return finish('wrong-answer', results);
    };
    const specs = cache.casesFor(problem, request.mode);
    const callOptions = (spec: CaseSpec) => ({ maxElements: problem.maxTensorElements?.(spec), argNames: problem.argNames });
    // Where the realm can take every case at once (a sandbox worker), the user's code runs first,
    // case after case, and the judge then compares: two messages per run instead of two per case.
    let batch: CallOutcome[] | undefined;
    if (realm.callAll) {
      phase('user');
      batch = await realm.callAll(specs.map((spec) => ({ args: spec.args, options: callOptions(spec) })));
      phase('judge');
    }
    for (const [index, spec] of specs.entries()) {
      // A batched case's own call time, measured in the realm, counts as part of it.
      const batchedMs = batch?.[index]?.callMs;
      const caseStarted = now() - (typeof batchedMs === 'number' && Number.isFinite(batchedMs) ? Math.max(0, batchedMs) : 0);
      const inputSummary = describeCase(problem, spec);
      /** The result of a case that ends the judging: no output to compare, nothing leaked to count. */
      const stopped = (diagnostic: Diagnostic): CaseResult => ({
        name: spec.name,
        public: spec.public,
        passed: false,
        inputSummary,
        leakedTensors: 0,
        elapsedMs: now() - caseStarted,
        diagnostic,
      });
      const { expected, second } = await referencesFor({ tf, problem, crossCheck, cache }, spec);
      if (second) {
        const engine = `onnxruntime/${second.provider}`;
        checkedBy.add(engine);
        const disagreement = compareValues(expected, second.value, engineTolerance(tolerance, second.provider));
        if (disagreement) {
          // The references contradict each other: a bug in TensorDojo, never the user's fault.
          const message = `The two reference engines disagree on "${spec.name}": tfjs/${backend} and ${engine} differ (${disagreement.message.replace(/^Values differ: /, '')}). This is a bug in TensorDojo's reference, not in your code; your submission was not judged.`;
          results.push(stopped({ ...disagreement, kind: 'engine-disagreement', message }));
          return finish('internal-error', results, { error: { name: 'EngineDisagreement', message } });
        }
      }
      let outcome: CallOutcome;
      if (batch) {
        // The batch stops after the first case that throws, and so does this loop.
        outcome = batch[index] ?? { error: { name: 'Error', message: 'The sandbox returned no result for this case.' }, forbidden: false };
      } else {
        phase('user');
        outcome = await realm.call(spec.args, callOptions(spec));
        phase('judge');
      }
      const logged = consoleOf(outcome);
      if ('error' in outcome) {
        const { forbidden, error } = outcome;
        if (backend === 'webgpu' && SYNC_READ_FAILURE.test(error.message)) error.message += SYNC_READ_HINT;
        // The first failure decides the verdict: a crash after a wrong answer is still a wrong answer.
        const earlierFailure = results.some((r) => !r.passed);
        results.push({ ...stopped({ kind: forbidden ? 'forbidden-api' : 'runtime-error', message: error.message, error }), ...logged });
        // Later cases would most likely throw the same way: stop here.
        return earlierFailure ? wrongAnswer() : finish('runtime-error', results, { error });
      }
      let diagnostic =
        outcome.mutation ??
        outcome.overLimit ??
        compareCase(problem, spec, expected, outcome.value, tolerance);
      if (!diagnostic && second && !problem.compare) {
        const against = compareValues(second.value, outcome.value, tolerance);
        if (against) diagnostic = { ...against, message: `${against.message} (against the onnxruntime reference)` };
      }
      results.push({
        name: spec.name,
        public: spec.public,
        passed: !diagnostic,
        inputSummary,
        diagnostic,
        leakedTensors: outcome.leaked,
        elapsedMs: now() - caseStarted,
        ...logged,
      });
      if (diagnostic && diagnostic.kind !== 'mutated-input') failures.push({ spec, expected, got: outcome.value, result: results[results.length - 1] });
      if (!diagnostic) passes.push({ spec, expected });
    }
    return results.every((r) => r.passed) ? finish('accepted', results) : wrongAnswer();
  }
}

/**
 * The console lines a realm sent back, checked as data: a realm is the user's, so anything but
 * a list of short strings is dropped rather than shown.
 */
function consoleOf(outcome: CallConsole): CallConsole {
  const lines = Array.isArray(outcome.console)
    ? outcome.console
        .slice(0, MAX_CONSOLE_LINES)
        .filter((line) => line && typeof line.text === 'string' && ['log', 'info', 'warn', 'error'].includes(line.stream))
        .map((line) => ({ stream: line.stream, text: line.text.slice(0, 4_000) }))
    : [];
  const dropped = typeof outcome.consoleDropped === 'number' && Number.isFinite(outcome.consoleDropped) ? outcome.consoleDropped : 0;
  return { ...(lines.length ? { console: lines } : {}), ...(dropped > 0 ? { consoleDropped: dropped } : {}) };
}

/** Two references may each be off by their own rounding: allow the looser of the two engines' bounds. */
export function engineTolerance(tolerance: Tolerance, provider: string): Tolerance {
  const other = provider === 'webgpu' ? DEFAULT_TOLERANCE.webgpu : DEFAULT_TOLERANCE.wasm;
  return { atol: Math.max(tolerance.atol, other.atol), rtol: Math.max(tolerance.rtol, other.rtol) };
}

function describeCase(problem: ProblemDefinition, spec: CaseSpec): string {
  return describeArgs(spec.args, problem.argNames);
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

