/**
 * The contract every problem folder's `problem.ts` fulfils. Problem folders import only this file
 * (and tfjs); the judge, the worker and the command line import problems through it.
 */
import type { BackendName, Diagnostic, DiagnosticKind, Tolerance } from '../shared/protocol';
import type { Plain } from './compare';
import type { TensorSpec } from './inputs';
import type { OutputContract } from './contract';

/** A value a case passes to the user's function: tensors are described, never shared. */
export type ArgSpec =
  | TensorSpec
  | number
  | boolean
  | string
  | null
  | undefined
  | ArgSpec[]
  | { [key: string]: ArgSpec };

/** One judged call of the user's function. */
export interface CaseSpec {
  /** Shown to the user: "example 1", "hidden: fully masked row". */
  name: string;
  /** Public cases run on Run and are shown in full; hidden ones only on Submit. */
  public: boolean;
  args: ArgSpec[];
}

/** A wrong solution kept in `mistakes/<id>.ts`, and the diagnostic the judge must give it. */
export interface KnownMistake {
  /** File name under `mistakes/`, without `.ts`. */
  id: string;
  /** Short name of the classic bug: "softmax over the query axis". */
  title: string;
  /** One or two sentences telling the user what this bug does and how to fix it. */
  explanation: string;
  /** The diagnostic kind the first failing case must carry. */
  diagnostic: DiagnosticKind;
}

/** A tf API the user may not call in this problem, enforced at run time. */
export interface ForbiddenApi {
  /** Name on the `tf` namespace, e.g. "grad" or "train". */
  name: string;
  /** Why, shown when the user calls it. */
  reason: string;
}

export interface ProblemDefinition {
  /** `<track>/<id>`, matching the folder under problems/. */
  id: string;
  /** Name of the function the user's module must export. */
  entry: string;
  /** Parameter names, used to describe each case's inputs ("q [2,3,4], k [2,5,4]"). */
  argNames: string[];
  /** The reference solution, called with the same materialized inputs as the user's. */
  reference: (...args: any[]) => unknown;
  /**
   * What the statement promises the function returns (structure, shapes from the inputs, dtypes).
   * The self-test checks the reference against it on every case. Helpers in `./contract`.
   */
  output?: OutputContract;
  /** Seeded case generator: public examples first, then hidden cases. */
  cases: (rng: import('./rng').Rng) => CaseSpec[];
  mistakes: KnownMistake[];
  /** Per-backend override of the default tolerance. */
  tolerance?: Partial<Record<BackendName, Tolerance>>;
  forbiddenApis?: ForbiddenApi[];
  /**
   * Largest tensor, in elements, any single op in the user's call may produce (checked with
   * tf.profile). For problems whose point is not materializing something, e.g. a full [tq, tk]
   * score matrix in tiled attention.
   */
  maxTensorElements?: (spec: CaseSpec) => number;
  /**
   * Replaces the elementwise comparison with the reference, for problems judged statistically or
   * by a property (a loss target, a distribution). Return undefined when the answer is acceptable.
   * `expected` is the reference's output on the same inputs.
   */
  compare?: (expected: Plain, got: Plain, tolerance: Tolerance, spec: CaseSpec) => Diagnostic | undefined;
}

export function defineProblem(definition: ProblemDefinition): ProblemDefinition {
  return definition;
}
