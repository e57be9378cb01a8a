/**
 * Names the classic mistake behind a wrong answer. Each known mistake (a complete wrong solution in
 * `mistakes/<id>.ts`) is run on the user's failing cases and compared with the user's output field
 * by field: a bug that also disturbs a second output, or shows only on some cases, still names
 * itself. Evidence is weighed over every failing case, and a mistake is named only when no case
 * contradicts it — a wrong name is worse than none. Mistakes that give the same output are named
 * together.
 */
import type { CaseResult, Diagnostic, Tolerance } from '../shared/protocol';
import { compareCase, valuesMatch, type Plain } from './compare';
import { runCandidate, type CandidateOutcome } from './execute';
import type { TF } from './inputs';
import type { CaseSpec, ProblemDefinition } from './problem';
import { loadUserModule } from './userModule';
import { describeRelation } from './relation';

export type NamedMistake = NonNullable<Diagnostic['likelyMistake']>;

/** Mistake outputs per case, kept between submissions (cases are seeded, so they never change). */
export type MistakeOutcomes = WeakMap<CaseSpec, Map<string, CandidateOutcome>>;

/** A failing case the classifier may weigh: its spec, the user's output and its result entry. */
export interface Failure {
  spec: CaseSpec;
  expected: Plain;
  got: Plain;
  result: CaseResult;
}

/** A case the user's code passed, with its expected answer. */
export interface Passed {
  spec: CaseSpec;
  expected: Plain;
}

/** Diagnostic kinds that come from comparing values, so a mistake's output can explain them. */
const COMPARABLE = new Set(['mismatch', 'shape', 'non-finite', 'dtype', 'not-a-tensor', 'property']);

export class MistakeClassifier {
  private compiled = new Map<string, ((...args: unknown[]) => unknown) | null>();

  constructor(
    private readonly tf: TF,
    private readonly problem: ProblemDefinition,
    private readonly mistakeSources: Record<string, string>,
    private readonly userTf: Record<string, unknown>,
    private readonly outcomes: MistakeOutcomes,
  ) {}

  /**
   * Decide which known mistakes explain the failures and write the names into their diagnostics.
   * Only value mismatches are weighed; a size-limit failure is matched by the mistakes that also
   * build an over-limit tensor.
   */
  async nameMistakes(failures: Failure[], tolerance: Tolerance, passes: Passed[] = []): Promise<void> {
    const overLimit = failures.find((f) => f.result.diagnostic?.kind === 'resource-limit');
    if (overLimit && this.problem.maxTensorElements) {
      const named = await this.matchOverLimit(overLimit.spec, this.problem.maxTensorElements(overLimit.spec));
      if (named) attach(overLimit.result, [named]);
    }
    const comparable = failures.filter((f) => COMPARABLE.has(f.result.diagnostic?.kind ?? ''));
    if (!comparable.length) return;
    const candidates = this.problem.mistakes.filter((m) => m.diagnostic !== 'runtime-error' && m.diagnostic !== 'forbidden-api' && m.diagnostic !== 'resource-limit');
    const evidence = new Map(candidates.map((m) => [m.id, { agree: 0, partial: 0, disagree: 0, unexplained: 0 }]));
    // Every failing case is weighed (no time budget: the same answer always gets the same name,
    // however loaded the machine). A mistake already contradicted is not run again.
    for (const failure of comparable) {
      for (const mistake of candidates) {
        const seen = evidence.get(mistake.id)!;
        if (seen.disagree || seen.unexplained || seen.partial) continue;
        const fn = this.load(mistake.id);
        if (!fn) continue;
        const outcome = await this.outcome(mistake.id, fn, failure.spec);
        if (!('value' in outcome)) continue;
        const verdict = weigh(failure.expected, failure.got, outcome.value, tolerance);
        evidence.get(mistake.id)![verdict]++;
      }
    }
    // Named: explains every failure it was weighed on, whole. A failing case the mistake gets right
    // means the user's bug is something else (or more); so does a field the user got wrong and the
    // mistake right (a bug in dW1 and db1 is "ReLU mask missing", never "db1 unmasked", and a
    // single bug that moves two fields must not be named after one that moves only one of them).
    // A wrong name is worse than none.
    const consistent = candidates
      .map((m, order) => ({ m, order, e: evidence.get(m.id)! }))
      .filter(({ e }) => e.agree > 0 && e.partial === 0 && e.disagree === 0 && e.unexplained === 0);
    // A mistake that is wrong on a case the user got right is a broader bug than the user's: it
    // would name "wrong in both modes" for code that is wrong in one.
    const named: NamedMistake[] = [];
    for (const { m } of consistent.sort((a, b) => b.e.agree - a.e.agree || a.order - b.order)) {
      if (await this.wrongWhereUserIsRight(m.id, passes, tolerance)) continue;
      named.push({ id: m.id, title: m.title, explanation: m.explanation });
    }
    if (named.length) {
      for (const failure of comparable) attach(failure.result, named);
      return;
    }
    // No known mistake explains it: say what the numbers show, when one simple relation holds on every failing case.
    const relation = describeRelation(
      comparable.map((f) => ({ expected: f.expected, got: f.got, args: f.spec.args })),
      tolerance,
    );
    if (relation) {
      for (const failure of comparable) {
        const diagnostic = failure.result.diagnostic!;
        failure.result.diagnostic = { ...diagnostic, relation, message: `${diagnostic.message} ${relation}` };
      }
    }
  }

  /** True when the mistake fails (or throws on) one of the cases the user's code passed. */
  private async wrongWhereUserIsRight(mistakeId: string, passes: Passed[], tolerance: Tolerance): Promise<boolean> {
    const fn = this.load(mistakeId);
    if (!fn) return true;
    for (const pass of passes) {
      const outcome = await this.outcome(mistakeId, fn, pass.spec);
      if (!('value' in outcome)) return true;
      if (compareCase(this.problem, pass.spec, pass.expected, outcome.value, tolerance)) return true;
    }
    return false;
  }

  /** The first known mistake that, like the user's code, builds a tensor over the size limit. */
  private async matchOverLimit(spec: CaseSpec, maxElements: number): Promise<NamedMistake | undefined> {
    for (const mistake of this.problem.mistakes.filter((m) => m.diagnostic === 'resource-limit')) {
      const fn = this.load(mistake.id);
      if (!fn) continue;
      const outcome = await this.outcome(mistake.id, fn, spec, maxElements);
      if ('overLimit' in outcome && outcome.overLimit) return { id: mistake.id, title: mistake.title, explanation: mistake.explanation };
    }
    return undefined;
  }

  /** A mistake's outcome on a case, computed once per case. */
  private async outcome(mistakeId: string, fn: (...args: unknown[]) => unknown, spec: CaseSpec, maxElements?: number) {
    let byMistake = this.outcomes.get(spec);
    if (!byMistake) this.outcomes.set(spec, (byMistake = new Map()));
    const key = maxElements === undefined ? mistakeId : `${mistakeId}@${maxElements}`;
    let outcome = byMistake.get(key);
    if (!outcome) {
      outcome = await runCandidate(this.tf, fn, spec.args, maxElements);
      byMistake.set(key, outcome);
    }
    return outcome;
  }

  private load(id: string) {
    if (!this.compiled.has(id)) {
      const source = this.mistakeSources[id];
      let fn: ((...args: unknown[]) => unknown) | null = null;
      try {
        const exports = source ? loadUserModule(source, this.userTf) : {};
        const candidate = exports[this.problem.entry];
        if (typeof candidate === 'function') fn = candidate as (...args: unknown[]) => unknown;
      } catch {
        fn = null;
      }
      this.compiled.set(id, fn);
    }
    return this.compiled.get(id);
  }
}

/** Put the names on a failing case: the first is the likely mistake, the rest give the same output. */
function attach(result: CaseResult, named: NamedMistake[]): void {
  const diagnostic = result.diagnostic;
  if (!diagnostic || diagnostic.likelyMistake) return;
  const [first, ...others] = named;
  const titles = named.map((m) => m.title);
  const sentence =
    titles.length === 1 ? `This matches a classic mistake: ${first.title}.` : `This matches classic mistakes that give the same output: ${titles.join('; or ')}.`;
  result.diagnostic = {
    ...diagnostic,
    likelyMistake: first,
    ...(others.length ? { alsoLikely: others } : {}),
    message: `${diagnostic.message} ${sentence}`,
  };
}

/**
 * What one failing case says about one mistake. The outputs are split into fields (object keys,
 * array items); F = fields the user got wrong, M = fields the mistake gets wrong.
 * - agree: M = F, and on every field the user's value is the mistake's;
 * - partial: M is a part of F, with the user's values there (the user has this bug and another);
 * - disagree: they share a field where the values differ, or the user is right where the mistake is wrong;
 * - unexplained: the mistake is right on this case, so the user's failure here has another cause.
 */
export function weigh(expected: Plain, got: Plain, mistake: Plain, tolerance: Tolerance): 'agree' | 'partial' | 'disagree' | 'unexplained' {
  const expectedFields = fields(expected);
  const gotFields = fields(got);
  const mistakeFields = fields(mistake);
  const sameLayout = (other: Map<string, Plain>) => other.size === expectedFields.size && [...expectedFields.keys()].every((k) => other.has(k));
  if (!sameLayout(gotFields) || !sameLayout(mistakeFields)) {
    // Different structure (a missing key, a wrong length): only a whole-value match tells.
    if (!differs(mistake, got, tolerance)) return 'agree';
    return differs(expected, mistake, tolerance) ? 'disagree' : 'unexplained';
  }
  let shared = 0;
  let userOnly = 0;
  for (const [path, want] of expectedFields) {
    const userWrong = differs(want, gotFields.get(path)!, tolerance);
    const mistakeWrong = differs(want, mistakeFields.get(path)!, tolerance);
    if (mistakeWrong && !userWrong) return 'disagree';
    if (mistakeWrong && userWrong) {
      if (differs(mistakeFields.get(path)!, gotFields.get(path)!, tolerance)) return 'disagree';
      shared++;
    } else if (userWrong) {
      userOnly++;
    }
  }
  if (shared === 0) return 'unexplained';
  return userOnly ? 'partial' : 'agree';
}

/**
 * Two outputs are different answers: values apart, non-finite in other places, or another dtype.
 * Where both are non-finite they count as the same: an overflow gives NaN in one formulation and
 * ±Infinity in another (float32 tensors vs float64 loops), and it is the same bug.
 */
function differs(a: Plain, b: Plain, tolerance: Tolerance): boolean {
  if (a.kind === 'tensor' && b.kind === 'tensor') {
    if (a.dtype !== b.dtype) return true;
    if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) return true;
    for (let i = 0; i < a.data.length; i++) {
      const x = Number(a.data[i]);
      const y = Number(b.data[i]);
      const xFinite = Number.isFinite(x);
      if (xFinite !== Number.isFinite(y)) return true;
      if (xFinite && !(Math.abs(x - y) <= tolerance.atol + tolerance.rtol * Math.abs(x))) return true;
    }
    return false;
  }
  if (a.kind === 'number' && b.kind === 'number') {
    if (!Number.isFinite(a.value) || !Number.isFinite(b.value)) return Number.isFinite(a.value) !== Number.isFinite(b.value);
  }
  return !valuesMatch(a, b, tolerance);
}

/** The leaves of a value by path; a list of plain numbers is one leaf (a schedule, a list of ids). */
function fields(value: Plain, path = '', into = new Map<string, Plain>()): Map<string, Plain> {
  if (value.kind === 'object') {
    for (const [key, item] of Object.entries(value.entries)) fields(item, `${path}.${key}`, into);
  } else if (value.kind === 'array' && value.items.some((item) => item.kind !== 'number')) {
    value.items.forEach((item, i) => fields(item, `${path}[${i}]`, into));
  } else {
    into.set(path, value);
  }
  return into;
}
