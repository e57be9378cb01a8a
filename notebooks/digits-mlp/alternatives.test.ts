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

check('digits-mlp', {
  // tfjs's own loss (labels first, as its signature wants) instead of swapping the arguments back.
  'loss-argument-order': { edits: [{ cell: '05-loss', find: 'lossFn(batch.y, model(batch.x, true))', replace: 'tf.losses.softmaxCrossEntropy(batch.y, model(batch.x, true))' }] },
  // Inference by default; training asks for dropout explicitly (trainingLoss already passes true).
  'dropout-at-eval': { edits: [{ cell: '04-model', find: 'function model(x: tf.Tensor, training = true)', replace: 'function model(x: tf.Tensor, training = false)' }] },
  // A hand-written Fisher–Yates shuffle with Math.random instead of tf.util.createShuffledIndices.
  'never-shuffled': {
    edits: [{
      cell: '06-train',
      find: '  const batches = [];\n  for (let start = 0; start < n; start += BATCH) {\n    const size = Math.min(BATCH, n - start);\n    batches.push({ x: trainX.slice(start, size), y: trainY.slice(start, size) });\n  }',
      replace: '  const order = [...Array(n).keys()];\n  for (let i = n - 1; i > 0; i--) {\n    const j = Math.floor(Math.random() * (i + 1));\n    [order[i], order[j]] = [order[j], order[i]];\n  }\n  const batches = [];\n  for (let start = 0; start < n; start += BATCH) {\n    const idx = tf.tensor1d(order.slice(start, start + BATCH), \'int32\');\n    batches.push({ x: tf.gather(trainX, idx), y: tf.gather(trainY, idx) });\n    idx.dispose();\n  }',
    }],
  },
});
