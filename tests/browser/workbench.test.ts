/**
 * The problem page as a workbench: Ctrl/⌘+S saves the draft at once and says so (no browser
 * "Save page" dialog), and tensors left allocated are reported once per run, not once per case.
 */
import { expect, it } from 'vitest';
import { Harness, readProblemFile } from './harness';

const PROBLEM = 'attention/scaled-dot-product';

it('Ctrl+S saves the draft and shows "saved"; a leak is warned about once per run', async () => {
  const harness = await Harness.start();
  try {
    const app = await harness.newPage();
    await app.openProblem(PROBLEM, 'wasm');
    const dialogs: string[] = [];
    app.page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    const reference = readProblemFile(PROBLEM, 'reference.ts');
    // A leak in every case: a tensor made outside tf.tidy and never disposed.
    const leaky = reference.replace(/(export function scaledDotProductAttention\([^)]*\)[^{]*\{)/, '$1\n  tf.zeros([2]);');
    expect(leaky).not.toBe(reference);
    await app.setCode(leaky);
    await app.page.locator('[data-testid="editor"] textarea').focus();
    await app.page.keyboard.press('Control+s');
    await app.page.getByTestId('saved').waitFor({ timeout: 10_000 });
    expect(dialogs).toEqual([]);
    // Saved now, not at the next autosave: a reload straight away brings the code back.
    await app.page.reload();
    await app.waitForEditor();
    expect(await app.page.evaluate(() => window.__tensordojo!.getCode())).toBe(leaky);

    const verdict = await app.submit();
    expect(verdict.status, verdict.text).toBe('accepted');
    expect(await app.page.getByTestId('leak-warning').count()).toBe(1);
    expect(await app.page.getByTestId('leak-warning').innerText()).toMatch(/Every case left tensors allocated \(up to 1 per call\)/);
    expect(await app.page.getByTestId('case-leak').count()).toBe(verdict.cases.length);
    app.assertHealthy();
  } finally {
    await harness.close();
  }
}, 300_000);
