/**
 * The grader contract of a notebook: `notebooks/<id>/grader.ts` default-exports
 * `defineNotebook({ target, probes })`. Graders never match source text: they run the notebook's
 * cells in a fresh, seeded scope and then call the functions the notebook's markdown promises
 * (`model`, `lossFn`, `train`, `evaluate`, …), measuring what they do. See notebooks/README.md.
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

export interface ProbeDefinition {
  /** Matches `fixes/<id>.patch.json`. */
  id: string;
  /** The bug in a few words, shown only once its probe passes or after grading. */
  title: string;
  /** Why it stops the notebook from learning and what a fix looks like. */
  explanation: string;
  check(context: GradeContext): Promise<CheckOutcome> | CheckOutcome;
}

export interface NotebookDefinition {
  target: {
    /** E.g. "test accuracy ≥ 0.9 after initParams(0) and train(300)". */
    description: string;
    check(context: GradeContext): Promise<CheckOutcome> | CheckOutcome;
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
