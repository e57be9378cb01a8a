import type { BackendName, CaseResult, Diagnostic, JudgeRequest, RunPhase, Tolerance, Verdict, VerdictStatus } from '../shared/protocol';
import { compareValues, valuesMatch, type Plain } from './compare';
import { guardedTf, ForbiddenApiError } from './guardedTf';
import { describeArgs, isTensorSpec, materialize, type TF } from './inputs';
import type { ArgSpec, CaseSpec, ProblemDefinition } from './problem';
import { Rng } from './rng';
import { DEFAULT_TOLERANCE, toleranceFor } from './tolerance';
import { onnxExpected, type CrossCheck } from '../onnx/crossCheck';
import { CompileError, loadUserModule, serializeError } from './userModule';

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
}

/**
 * Cases are seeded, so the references' answers never change for a given problem and backend:
 * compute them once. Keyed by the case objects themselves, which the cache also holds.
 */
export class JudgeCache {
  private cases?: CaseSpec[];
  readonly expected = new WeakMap<CaseSpec, Plain>();
  readonly second = new WeakMap<CaseSpec, { value: Plain; provider: string }>();
  readonly mistakes = new WeakMap<CaseSpec, Map<string, CandidateOutcome>>();

  casesFor(problem: ProblemDefinition, mode: JudgeRequest['mode']): CaseSpec[] {
    this.cases ??= casesFor(problem, 'submit');
    return mode === 'run' ? this.cases.filter((c) => c.public) : this.cases;
  }
}

/** What a synchronous read (dataSync, arraySync) of a GPU tensor throws on WebGPU devices without one. */
const SYNC_READ_FAILURE = /mapAsync|external Instance reference/;
const SYNC_READ_HINT =
  ' — reading a GPU tensor synchronously (dataSync/arraySync) is not available on this WebGPU device: make the function async and use `await t.data()`.';

/** How many failing cases get compared against the known mistakes; each costs one extra call per mistake. */
const CLASSIFIED_FAILURES = 3;

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
  let entry: (...args: unknown[]) => unknown;
  try {
    phase('user');
    const exports = loadUserModule(request.source, userTf);
    phase('judge');
    const candidate = exports[problem.entry];
    if (typeof candidate !== 'function') {
      throw new CompileError(
        `Your file must export a function named ${problem.entry}: \`export function ${problem.entry}(...) { ... }\`.` +
          (Object.keys(exports).length ? ` It exports: ${Object.keys(exports).join(', ')}.` : ''),
      );
    }
    entry = candidate as typeof entry;
  } catch (error) {
    phase('judge');
    const status = error instanceof CompileError || error instanceof SyntaxError ? 'compile-error' : 'runtime-error';
    return finish(status, [], { error: serializeError(error) });
  }

  const tolerance = toleranceFor(problem, backend);
  const cache = context.cache ?? new JudgeCache();
  const mistakes = new MistakeClassifier(context, userTf, cache);
  const results: CaseResult[] = [];
  let classified = 0;
  for (const spec of cache.casesFor(problem, request.mode)) {
    const caseStarted = now();
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
    let expected = cache.expected.get(spec);
    if (!expected) {
      expected = await runReference(tf, problem, spec.args);
      cache.expected.set(spec, expected);
    }
    let second: { value: Plain; provider: string } | undefined;
    if (crossCheck) {
      second = cache.second.get(spec);
      if (!second) {
        second = await onnxExpected(crossCheck, spec.args);
        cache.second.set(spec, second);
      }
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
    phase('user');
    const outcome = await runCandidate(tf, entry, spec.args, problem.maxTensorElements?.(spec), problem.argNames);
    phase('judge');
    if ('error' in outcome) {
      const forbidden = outcome.error instanceof ForbiddenApiError;
      const error = serializeError(outcome.error);
      if (backend === 'webgpu' && SYNC_READ_FAILURE.test(error.message)) error.message += SYNC_READ_HINT;
      // The first failure decides the verdict: a crash after a wrong answer is still a wrong answer.
      const earlierFailure = results.some((r) => !r.passed);
      results.push(stopped({ kind: forbidden ? 'forbidden-api' : 'runtime-error', message: error.message, error }));
      // Later cases would most likely throw the same way: stop here.
      return earlierFailure ? finish('wrong-answer', results) : finish('runtime-error', results, { error });
    }
    let diagnostic =
      outcome.mutation ??
      outcome.overLimit ??
      (problem.compare ? problem.compare(expected, outcome.value, tolerance, spec) : compareValues(expected, outcome.value, tolerance));
    if (!diagnostic && second && !problem.compare) {
      const against = compareValues(second.value, outcome.value, tolerance);
      if (against) diagnostic = { ...against, message: `${against.message} (against the onnxruntime reference)` };
    }
    if (diagnostic && diagnostic.kind !== 'mutated-input' && classified < CLASSIFIED_FAILURES) {
      classified++;
      const likely =
        diagnostic.kind === 'resource-limit'
          ? await mistakes.matchOverLimit(spec, problem.maxTensorElements!(spec))
          : await mistakes.match(spec, outcome.value, tolerance);
      if (likely) {
        diagnostic = { ...diagnostic, likelyMistake: likely, message: `${diagnostic.message} This matches a classic mistake: ${likely.title}.` };
      }
    }
    results.push({
      name: spec.name,
      public: spec.public,
      passed: !diagnostic,
      inputSummary,
      diagnostic,
      leakedTensors: outcome.leaked,
      elapsedMs: now() - caseStarted,
    });
  }
  return finish(results.every((r) => r.passed) ? 'accepted' : 'wrong-answer', results);
}

/** Two references may each be off by their own rounding: allow the looser of the two engines' bounds. */
export function engineTolerance(tolerance: Tolerance, provider: string): Tolerance {
  const other = provider === 'webgpu' ? DEFAULT_TOLERANCE.webgpu : DEFAULT_TOLERANCE.wasm;
  return { atol: Math.max(tolerance.atol, other.atol), rtol: Math.max(tolerance.rtol, other.rtol) };
}

function describeCase(problem: ProblemDefinition, spec: CaseSpec): string {
  return describeArgs(spec.args, problem.argNames);
}

async function runReference(tf: TF, problem: ProblemDefinition, args: ArgSpec[]): Promise<Plain> {
  const inputs = args.map((arg) => materialize(tf, arg));
  tf.engine().startScope();
  try {
    return await toPlain(tf, await problem.reference(...inputs));
  } finally {
    tf.engine().endScope();
    tf.dispose(collectTensors(tf, inputs));
  }
}

type CandidateOutcome = { error: unknown } | { value: Plain; leaked: number; mutation?: Diagnostic; overLimit?: Diagnostic };

/**
 * Call the user's function on fresh inputs; measure leaks and check the inputs survived. With
 * `maxElements`, the call runs under tf.profile and the largest tensor any op produced is checked.
 */
async function runCandidate(
  tf: TF,
  entry: (...args: unknown[]) => unknown,
  args: ArgSpec[],
  maxElements?: number,
  argNames?: string[],
): Promise<CandidateOutcome> {
  const inputs = args.map((arg) => materialize(tf, arg));
  // Tensors nested in object or array arguments (weights.wq) count as inputs too.
  const inputTensors = collectTensors(tf, inputs);
  tf.engine().startScope();
  try {
    const before = tf.memory().numTensors;
    let value: unknown;
    let overLimit: Diagnostic | undefined;
    try {
      if (maxElements === undefined) {
        value = await entry(...inputs);
      } else {
        const profile = await tf.profile(async () => (await entry(...inputs)) as never);
        value = profile.result;
        overLimit = checkTensorSizes(profile.kernels, maxElements);
      }
    } catch (error) {
      return { error };
    }
    const returned = collectTensors(tf, value).filter((t) => !inputTensors.includes(t));
    const leaked = Math.max(0, tf.memory().numTensors - before - new Set(returned).size);
    const plain = await toPlain(tf, value);
    const mutation = await checkInputs(tf, args, inputs, argNames);
    return { value: plain, leaked, mutation, overLimit };
  } finally {
    tf.engine().endScope();
    tf.dispose(inputTensors.filter((t) => !t.isDisposed));
  }
}

function checkTensorSizes(kernels: { name: string; outputShapes: number[][] }[], maxElements: number): Diagnostic | undefined {
  for (const kernel of kernels) {
    for (const shape of kernel.outputShapes) {
      const elements = shape.reduce((a, b) => a * b, 1);
      if (elements > maxElements) {
        return {
          kind: 'resource-limit',
          message: `${kernel.name} produced a tensor of shape [${shape.join(', ')}] (${elements} elements); this problem allows at most ${maxElements} per tensor, so the full matrix must never be built.`,
          gotShape: shape,
        };
      }
    }
  }
  return undefined;
}

/** Inputs are the caller's: disposing or writing into them is a bug, at any depth (`weights.wq`). */
async function checkInputs(tf: TF, specs: ArgSpec[], inputs: unknown[], names: string[] = []): Promise<Diagnostic | undefined> {
  for (let i = 0; i < specs.length; i++) {
    const problem = await checkInput(specs[i], inputs[i], names[i] ?? `argument ${i + 1}`);
    if (problem) return problem;
  }
  return undefined;
}

async function checkInput(spec: ArgSpec, input: unknown, name: string): Promise<Diagnostic | undefined> {
  if (isTensorSpec(spec)) {
    const tensor = input as import('@tensorflow/tfjs').Tensor;
    if (tensor.isDisposed) {
      return { kind: 'mutated-input', message: `Your function disposed the input ${name}; inputs belong to the caller.` };
    }
    const data = await tensor.data();
    for (let j = 0; j < spec.data.length; j++) {
      if (!Object.is(Number(data[j]), spec.data[j]) && Number(data[j]) !== spec.data[j]) {
        return { kind: 'mutated-input', message: `Your function changed the input ${name} in place; inputs must not be modified.` };
      }
    }
    return undefined;
  }
  if (Array.isArray(spec) && Array.isArray(input)) {
    for (let i = 0; i < spec.length; i++) {
      const problem = await checkInput(spec[i], input[i], `${name}[${i}]`);
      if (problem) return problem;
    }
  } else if (spec && typeof spec === 'object' && input && typeof input === 'object') {
    for (const [key, value] of Object.entries(spec)) {
      const problem = await checkInput(value, (input as Record<string, unknown>)[key], `${name}.${key}`);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Compiles each known mistake once and tells whether an output is the one it would give. */
class MistakeClassifier {
  private compiled = new Map<string, ((...args: unknown[]) => unknown) | null>();

  constructor(
    private readonly context: JudgeContext,
    private readonly userTf: Record<string, unknown>,
    private readonly cache: JudgeCache,
  ) {}

  /** A mistake's outcome on a case, computed once per case. */
  private async outcome(mistakeId: string, fn: (...args: unknown[]) => unknown, spec: CaseSpec, maxElements?: number) {
    let byMistake = this.cache.mistakes.get(spec);
    if (!byMistake) this.cache.mistakes.set(spec, (byMistake = new Map()));
    const key = maxElements === undefined ? mistakeId : `${mistakeId}@${maxElements}`;
    let outcome = byMistake.get(key);
    if (!outcome) {
      outcome = await runCandidate(this.context.tf, fn, spec.args, maxElements);
      byMistake.set(key, outcome);
    }
    return outcome;
  }

  async match(spec: CaseSpec, got: Plain, tolerance: Tolerance): Promise<Diagnostic['likelyMistake']> {
    const { problem } = this.context;
    for (const mistake of problem.mistakes) {
      const fn = this.load(mistake.id);
      if (!fn) continue;
      const outcome = await this.outcome(mistake.id, fn, spec);
      if ('value' in outcome && valuesMatch(outcome.value, got, tolerance)) {
        return { id: mistake.id, title: mistake.title, explanation: mistake.explanation };
      }
    }
    return undefined;
  }

  /** The first known mistake that, like the user's code, builds a tensor over the size limit. */
  async matchOverLimit(spec: CaseSpec, maxElements: number): Promise<Diagnostic['likelyMistake']> {
    const { problem } = this.context;
    for (const mistake of problem.mistakes.filter((m) => m.diagnostic === 'resource-limit')) {
      const fn = this.load(mistake.id);
      if (!fn) continue;
      const outcome = await this.outcome(mistake.id, fn, spec, maxElements);
      if ('overLimit' in outcome && outcome.overLimit) {
        return { id: mistake.id, title: mistake.title, explanation: mistake.explanation };
      }
    }
    return undefined;
  }

  private load(id: string) {
    if (!this.compiled.has(id)) {
      const source = this.context.mistakeSources[id];
      let fn: ((...args: unknown[]) => unknown) | null = null;
      try {
        const exports = source ? loadUserModule(source, this.userTf) : {};
        const candidate = exports[this.context.problem.entry];
        if (typeof candidate === 'function') fn = candidate as (...args: unknown[]) => unknown;
      } catch {
        fn = null;
      }
      this.compiled.set(id, fn);
    }
    return this.compiled.get(id);
  }
}

/** Every tensor inside a value (arrays and plain objects walked), without duplicates. */
function collectTensors(tf: TF, value: unknown, into: import('@tensorflow/tfjs').Tensor[] = []) {
  if (value instanceof tf.Tensor) {
    if (!into.includes(value)) into.push(value);
  } else if (Array.isArray(value)) {
    value.forEach((item) => collectTensors(tf, item, into));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach((item) => collectTensors(tf, item, into));
  }
  return into;
}

/** Read a returned value into plain data. Copies: on the cpu backend data() is the tensor's own storage. */
export async function toPlain(tf: TF, value: unknown): Promise<Plain> {
  if (value instanceof tf.Tensor) {
    if (value.isDisposed) return { kind: 'other', description: 'a disposed tensor' };
    const data = await value.data();
    const copy = data instanceof Float32Array ? data.slice() : data instanceof Int32Array ? data.slice() : Float32Array.from(data as ArrayLike<number>);
    return { kind: 'tensor', shape: [...value.shape], dtype: value.dtype, data: copy };
  }
  if (typeof value === 'number') return { kind: 'number', value };
  if (Array.isArray(value)) {
    // Plain number lists (indices, merges, schedules) can be long: convert them without a promise per element.
    if (value.every((item) => typeof item === 'number')) {
      return { kind: 'array', items: value.map((item: number) => ({ kind: 'number', value: item }) as Plain) };
    }
    const items: Plain[] = [];
    for (const item of value) items.push(await toPlain(tf, item));
    return { kind: 'array', items };
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries: Record<string, Plain> = {};
    for (const [key, item] of Object.entries(value)) entries[key] = await toPlain(tf, item);
    return { kind: 'object', entries };
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) {
    return { kind: 'other', description: JSON.stringify(value) };
  }
  return { kind: 'other', description: value === undefined ? 'undefined (did you forget to return?)' : `a ${typeof value}` };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

