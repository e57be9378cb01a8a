import { beforeAll, expect, it } from 'vitest';
import { NotebookKernel } from '../../workers/NotebookKernel';
import { findNotebook } from '../../src/notebook/catalog';
import { applyFixes, type FixPatch } from '../../src/notebook/format';
import { gradeInProcess } from '../../tests/unit/notebookGrading';
import { tf, useBackend } from '../../tests/unit/tfSetup';

beforeAll(async () => {
  await useBackend('cpu');
});

/** Grades the notebook with every reference fix, except `bugId`'s, which `alternative` replaces. */
async function gradeWith(notebookId: string, bugId: string, alternative: FixPatch) {
  const notebook = findNotebook(notebookId)!;
  const patches = Object.entries(notebook.fixes).map(([id, patch]) => (id === bugId ? alternative : patch));
  return gradeInProcess(new NotebookKernel(tf), { runId: 1, notebookId, cells: applyFixes(notebook.cells, patches) });
}

function check(notebookId: string, alternatives: Record<string, FixPatch>) {
  it.each(Object.keys(alternatives))(`${notebookId}: a different correct fix of %s passes`, async (bugId) => {
    const report = await gradeWith(notebookId, bugId, alternatives[bugId]);
    const detail = JSON.stringify({ target: report.targetDetail, cellError: report.cellError, probes: report.probes.map((p) => `${p.id}: ${p.passed} — ${p.detail}`) }, null, 2);
    expect(report.status, detail).toBe('graded');
    expect(report.targetMet, detail).toBe(true);
    expect(report.probes.filter((p) => !p.passed).map((p) => p.id), detail).toEqual([]);
  });
}

check('spirals-training-loop', {
  // Cosine decay over the whole run instead of linear.
  'lr-schedule': {
    edits: [{ cell: '04-loop', find: '  const progress = step / stepsPerEpoch;\n  return LR * Math.max(0, 1 - progress);', replace: '  void stepsPerEpoch;\n  return 0.5 * LR * (1 + Math.cos(Math.PI * step / totalSteps));' }],
  },
  // Evaluate in eval mode and restore the mode the caller had.
  'dropout-at-eval': {
    edits: [{ cell: '04-loop', find: 'function evaluate(): number {\n  return tf.tidy(() => {', replace: 'function evaluate(): number {\n  const wasTraining = trainingMode;\n  evalMode();\n  try {\n    return evaluateNow();\n  } finally {\n    trainingMode = wasTraining;\n  }\n}\n\nfunction evaluateNow(): number {\n  return tf.tidy(() => {' }],
  },
});
