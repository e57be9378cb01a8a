/**
 * A request is never dropped: Submit clicked the very instant the button is enabled, in a fresh
 * profile (nothing cached, the editor possibly not mounted yet), still ends in a verdict. The click
 * is made by an observer inside the page, so no CDP round trip gives the app time to catch up.
 */
import { expect, it } from 'vitest';
import { FINAL_STATUSES, Harness, VERDICT_TIMEOUT_MS } from './harness';

const PROBLEM = 'attention/scaled-dot-product';
/** Start-up of a fresh profile (tfjs, wasm, the second engine) comes on top of the verdict's own time. */
const STARTUP_MS = 90_000;

it.each([1, 2, 3])('fresh profile %i: Submit clicked the instant it is enabled ends in a verdict', async () => {
  const harness = await Harness.start();
  try {
    const app = await harness.newPage('wasm');
    await app.page.addInitScript(() => {
      const state = window as unknown as { __tdEarlyClick?: { editorMounted: boolean } };
      const clickWhenEnabled = () => {
        const button = document.querySelector('[data-testid="submit"]') as HTMLButtonElement | null;
        if (!button || button.disabled || state.__tdEarlyClick) return;
        state.__tdEarlyClick = { editorMounted: document.querySelector('[data-testid="editor"] textarea') !== null };
        button.click();
      };
      new MutationObserver(clickWhenEnabled).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await app.goto(`/problems/${PROBLEM}`);
    await app.page.waitForFunction(() => (window as unknown as { __tdEarlyClick?: unknown }).__tdEarlyClick !== undefined, undefined, { timeout: STARTUP_MS });
    const status = await app.page.waitForFunction(
      (finals) => {
        const value = document.querySelector('[data-testid="verdict"]')?.getAttribute('data-status');
        return value && finals.includes(value) ? value : false;
      },
      FINAL_STATUSES as string[],
      { timeout: STARTUP_MS + VERDICT_TIMEOUT_MS },
    );
    // The starter is judged (a fresh profile has no draft): any final verdict shows the request was kept.
    expect(FINAL_STATUSES).toContain(await status.jsonValue());
    app.assertHealthy();
  } finally {
    await harness.close();
  }
}, 300_000);
