/**
 * The page's half of grading a notebook: each check's `judge` applied to what the kernel observed.
 * It runs in the page's realm, which the notebook's code never reaches, so a cell that patches
 * Math, prototypes or tf's engine in the kernel cannot change how its results are compared. What
 * crossed from the kernel is treated as untrusted data: a judge that cannot read it fails its check.
 */
import type { GradeReport, ObservedCheck, ObservedGrade } from '../shared/notebookProtocol';
import type { CheckDefinition, CheckOutcome, NotebookDefinition } from './defineNotebook';

const NOT_CHECKED_CELL = 'not checked: a cell failed';

export function judgeGrade(definition: NotebookDefinition, observed: ObservedGrade): GradeReport {
  const target = observed.target ? judgeOne(definition.target, observed.target) : undefined;
  const cellFailed = observed.status === 'cell-error' && observed.cellError;
  return {
    runId: observed.runId,
    notebookId: observed.notebookId,
    status: observed.status === 'cell-error' ? 'cell-error' : 'graded',
    targetMet: target?.passed ?? false,
    targetDescription: definition.target.description,
    targetDetail:
      target?.detail ??
      (cellFailed ? `Cell ${observed.cellError!.cellIndex + 1} failed while the grader ran all cells: ${observed.cellError!.error.message}` : 'not checked'),
    probes: definition.probes.map((probe, i) => {
      const seen = observed.probes[i];
      const outcome = seen ? judgeOne(probe, seen) : { passed: false, detail: cellFailed ? NOT_CHECKED_CELL : 'not checked' };
      return { id: probe.id, title: probe.title, explanation: probe.explanation, ...outcome };
    }),
    ...(observed.cellError ? { cellError: observed.cellError } : {}),
    backend: String(observed.backend),
    elapsedMs: Number(observed.elapsedMs),
  };
}

function judgeOne(check: CheckDefinition, seen: ObservedCheck): CheckOutcome {
  if ('failure' in seen) return { passed: false, detail: String(seen.failure) };
  try {
    const outcome = check.judge(seen.observation);
    return { passed: outcome.passed === true, detail: String(outcome.detail) };
  } catch (error) {
    return { passed: false, detail: `The grader could not read what the notebook's functions returned (${(error as Error)?.message ?? String(error)}).` };
  }
}
