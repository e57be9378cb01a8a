/**
 * A backend switched while the runner is still starting never leaves a dead judge: the start that
 * is superseded must not tear down the worker that replaced it. The page switches backends in the
 * middle of start-up (twice, each as soon as the menu allows), then judges the reference — and
 * judges again after the replaced start-up's own budget would have run out.
 */
import { expect, it } from 'vitest';
import { INIT_BUDGET_MS } from '../../src/shared/protocol';
import { Harness, readProblemFile } from './harness';

const PROBLEM = 'attention/scaled-dot-product';

it('switching backends during start-up, then Submit, gets a verdict from the live worker', async () => {
  const harness = await Harness.start();
  try {
    const app = await harness.newPage();
    await app.goto(`/problems/${PROBLEM}`);
    const select = app.page.getByTestId('backend-select');
    // As soon as the menu can be used — while the indicator still says "starting" where it can.
    const switches: string[] = [];
    for (const backend of ['cpu', 'wasm'] as const) {
      await app.page.waitForFunction(() => !(document.querySelector('[data-testid="backend-select"]') as HTMLSelectElement | null)?.disabled);
      switches.push(`${backend} while "${await app.backendText()}"`);
      await select.selectOption(backend);
    }
    console.info(`[backend switch] ${switches.join('; ')}`);
    await app.waitForEditor();
    await app.waitForBackend('wasm');
    await app.setCode(readProblemFile(PROBLEM, 'reference.ts'));
    const first = await app.submit();
    expect(first.status, first.text).toBe('accepted');
    expect(first.text).not.toMatch(/Internal error/);
    // After a replaced start-up would have hit its own budget (the bug: 60 s later the judge was
    // dead while the indicator stayed green), the judge is still alive.
    await app.page.waitForTimeout(INIT_BUDGET_MS + 2_000);
    const second = await app.run();
    expect(second.status, second.text).toBe('accepted');
    expect(await app.backendText()).toMatch(/wasm/);
    app.assertHealthy();
  } finally {
    await harness.close();
  }
}, 300_000 + INIT_BUDGET_MS);
