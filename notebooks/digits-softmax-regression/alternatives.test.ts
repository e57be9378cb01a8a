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

check('digits-softmax-regression', {
  // Keep the class-id column and make the loss build the one-hot rows itself.
  'labels-not-one-hot': { edits: [{ cell: '05-model', find: 'labels.mul(tf.logSoftmax(logits))', replace: 'tf.oneHot(labels.reshape([-1]).toInt(), CLASSES).toFloat().mul(tf.logSoftmax(logits))' }] },
  // Statistics from the training split computed by hand.
  'test-set-statistics': {
    edits: [{
      cell: '04-normalize',
      find: '  const { mean, variance } = tf.moments(testX, 0);\n  return { mean: tf.keep(mean), std: tf.keep(variance.sqrt()) };',
      replace: '  const mean = trainX.mean(0);\n  const std = trainX.sub(mean).square().mean(0).sqrt();\n  return { mean: tf.keep(mean), std: tf.keep(std) };',
    }],
  },
  // Score through a small helper on the test split.
  'eval-on-train': {
    edits: [{
      cell: '06-train',
      find: '    const predicted = model(normalize(trainX)).argMax(1).dataSync();\n    return predicted.filter((c, i) => c === trainClasses[i]).length / trainClasses.length;',
      replace: '    const accuracyOf = (x: tf.Tensor, classes: number[]) => {\n      const p = model(normalize(x)).argMax(1).dataSync();\n      return classes.filter((c, i) => p[i] === c).length / classes.length;\n    };\n    return accuracyOf(testX, testClasses);',
    }],
  },
});
