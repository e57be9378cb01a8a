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

check('char-bigram-lm', {
  // Build (input, target) pairs from one padded row instead of slicing twice.
  'targets-not-shifted': {
    edits: [{ cell: '03-batch', find: 'const targets = rows.map((r) => padTo(r.slice(0, -1), T));', replace: 'const targets = rows.map((r) => padTo(r, T + 1).slice(1));' }],
  },
  // tfjs's weighted reduction: sum of weighted losses over the number of non-zero weights.
  'padding-in-loss': { edits: [{ cell: '05-loss', find: '    return nll.mean() as tf.Scalar;', replace: '    return tf.losses.computeWeightedLoss(nll, mask.reshape([-1])) as tf.Scalar;' }] },
  // The library log-softmax.
  'softmax-batch-axis': { edits: [{ cell: '05-loss', find: 'logits.sub(tf.logSumExp(logits, 0, true))', replace: 'tf.logSoftmax(logits)' }] },
});
