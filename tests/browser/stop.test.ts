/**
 * Stop ends a runaway run at once: the verdict is `stopped` long before the time budget would have
 * ended it, the button is enabled only while a run is in flight, nothing is recorded as an attempt,
 * and the next Submit is judged by the fresh worker.
 */
import { expect, it } from 'vitest';
import { RUN_BUDGET_MS } from '../../src/shared/protocol';
import { Harness, readProblemFile } from './harness';

const PROBLEM = 'attention/scaled-dot-product';

it('Stop ends an infinite loop at once, and the next Submit is judged', async () => {
  const harness = await Harness.start();
  try {
    const app = await harness.newPage();
    await app.openProblem(PROBLEM, 'wasm');
    const stop = app.page.getByTestId('stop');
    expect(await stop.isDisabled()).toBe(true);
    await app.setCode("export function scaledDotProductAttention(q, k, v, mask) {\n  while (true) {}\n}\n");
    const verdict = await app.judge(async () => {
      await app.page.getByTestId('submit').click();
      await app.page.waitForFunction(() => !(document.querySelector('[data-testid="stop"]') as HTMLButtonElement).disabled);
      // Let the loop really start in the worker.
      await app.page.waitForTimeout(1_000);
      await stop.click();
    });
    expect(verdict.status).toBe('stopped');
    expect(verdict.ms).toBeLessThan(RUN_BUDGET_MS);
    expect(await app.page.getByTestId('verdict').innerText()).toMatch(/Stopped/);
    expect(await stop.isDisabled()).toBe(true);
    await app.page.screenshot({ path: '/tmp/tensordojo-stopped.png' });

    await app.setCode(readProblemFile(PROBLEM, 'reference.ts'));
    const next = await app.submit();
    expect(next.status, next.text).toBe('accepted');
    app.assertHealthy();
  } finally {
    await harness.close();
  }
}, 300_000);
