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

check('moons-logistic', {
  // Glorot-uniform first layer and a zero output layer: still breaks the symmetry once trained.
  'zero-init': { edits: [{ cell: '03-model', find: 'tf.variable(tf.zeros([2, HIDDEN])),', replace: 'tf.variable(tf.randomUniform([2, HIDDEN], -Math.sqrt(6 / (2 + HIDDEN)), Math.sqrt(6 / (2 + HIDDEN)), \'float32\', seed)),' }] },
  // A hand-written cross-entropy on log-softmax.
  'softmax-before-loss': {
    edits: [{ cell: '04-loss', find: '    const probs = tf.softmax(logits);\n    return tf.losses.softmaxCrossEntropy(labels, probs) as tf.Scalar;', replace: '    return tf.neg(tf.sum(labels.mul(tf.logSoftmax(logits)), 1).mean()) as tf.Scalar;' }],
  },
  // A different stable learning rate.
  'lr-too-high': { edits: [{ cell: '03-model', find: 'const LR = 10;', replace: 'const LR = 0.8;' }] },
});
