/**
 * The grader contract of a notebook: `notebooks/<id>/grader.ts` default-exports
 * `defineNotebook({ target, probes })`. Graders never match source text: they run the notebook's
 * cells in a fresh, seeded scope and then call the functions the notebook's markdown promises
 * (`model`, `lossFn`, `train`, `evaluate`, …), measuring what they do. See notebooks/README.md.
 *
 * Every check has two halves in two realms. `observe` runs in the kernel, next to the user's code:
 * it calls the notebook's functions on the grader's inputs and returns what they gave as plain
 * data. `judge` runs in the page, a realm the notebook's code never reaches: it decides pass or fail
 * from that data alone, with plain arithmetic (no tf). So whatever a cell patches in the kernel
 * (Math, prototypes, tf's engine) can change what the notebook's functions return, which is the
 * user's own answer, but never how it is compared.
 */
import type { TF } from '../judge/inputs';

/** What a target check or probe gets: the notebook's scope after all gradeable cells ran. */
export interface GradeContext {
  tf: TF;
  /** Every top-level name the cells defined. */
  scope: Record<string, unknown>;
  /** A name the notebook must define; throws a ConventionError naming it when it is missing. */
  get<T = unknown>(name: string): T;
  /** Call a function the notebook must define (awaited, so it may be async). */
  call<T = unknown>(name: string, ...args: unknown[]): Promise<T>;
  /**
   * Replace a top-level name while `work` runs, then put it back. Functions defined in cells look
   * names up in the scope when they run, so a probe can spy on `model` while calling `evaluate`.
   */
  withReplaced<T>(name: string, value: unknown, work: () => Promise<T>): Promise<T>;
}

export interface CheckOutcome {
  passed: boolean;
  /** What was measured, in one sentence (shown in the checklist). */
  detail: string;
}

/** One check in its two halves (see the top of this file). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface CheckDefinition<Observation = any> {
  /** In the kernel: call the notebook's functions and return what they gave, as plain data. */
  observe(context: GradeContext): Promise<Observation> | Observation;
  /** In the page: pass or fail from the observation alone. Throwing counts as failing. */
  judge(observation: Observation): CheckOutcome;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ProbeDefinition<Observation = any> extends CheckDefinition<Observation> {
  /** Matches `fixes/<id>.patch.json`. */
  id: string;
  /** The bug in a few words, shown only once its probe passes or after grading. */
  title: string;
  /** Why it stops the notebook from learning and what a fix looks like. */
  explanation: string;
}

export interface NotebookDefinition {
  target: CheckDefinition & {
    /** E.g. "test accuracy ≥ 0.9 after initParams(0) and train(300)". */
    description: string;
  };
  probes: ProbeDefinition[];
}

/** A name the notebook promised is missing or is not what the convention says. */
export class ConventionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConventionError';
  }
}

export function defineNotebook(definition: NotebookDefinition): NotebookDefinition {
  return definition;
}
