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

check('housing-regression', {
  // The model returns [n] instead; the loss is left as it was.
  'broadcast-loss': { edits: [{ cell: '04-model', find: 'return tf.tidy(() => xn.matMul(w).add(b));', replace: 'return tf.tidy(() => xn.matMul(w).add(b).reshape([-1]));' }] },
  // Reset after the update instead of before it.
  'grads-never-reset': {
    edits: [{ cell: '05-train', find: '  tf.tidy(() => params.forEach((p, i) => p.assign(p.sub(gradSum![i].mul(LR)))));', replace: '  tf.tidy(() => params.forEach((p, i) => p.assign(p.sub(gradSum![i].mul(LR)))));\n  zeroGrads();' }],
  },
  // Mean and standard deviation of the training split, computed by hand and captured in a closure.
  'batch-statistics': {
    edits: [{
      cell: '03-normalize',
      find: '    const { mean, variance } = tf.moments(x, 0);\n    return x.sub(mean).div(variance.sqrt());',
      replace: '    const mean = trainX.mean(0);\n    const std = trainX.sub(mean).square().mean(0).sqrt();\n    return x.sub(mean).div(std);',
    }],
  },
});
