/**
 * Progress that is never lost: type into Monaco with real keyboard events at a steady rate, kill
 * the renderer mid-typing (CDP `Page.crash`: no pagehide, no visibilitychange, no beforeunload),
 * reopen the problem and check that at most the last second of typing is missing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Harness, type AppPage } from './harness';

const PROBLEM = 'attention/scaled-dot-product';
/** The contract: a crash loses at most this much of the most recent typing. */
const MAX_LOSS_MS = 1_000;
/** One key every ~60 ms (~200 characters a minute, a fast typist) for about 4 s. */
const KEY_INTERVAL_MS = 60;
const TYPED = 'persistence check typed steadily into the editor ';

let harness: Harness;

beforeAll(async () => {
  harness = await Harness.start();
});

afterAll(async () => {
  await harness?.close();
});

it('a crash mid-typing loses at most the last second of typing', async () => {
  const app: AppPage = await harness.newPage();
  await app.openProblem(PROBLEM);
  const before = await app.getCode();

  // A new comment line at the end: no auto-closing or suggestions interfere with letters there.
  await app.page.locator('[data-testid="editor"] .view-lines').click();
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('// ');

  const typedAt: number[] = [];
  const start = Date.now();
  for (let i = 0; i < TYPED.length; i++) {
    await app.page.keyboard.type(TYPED[i]);
    typedAt.push(Date.now());
    const next = start + (i + 1) * KEY_INTERVAL_MS;
    if (next > Date.now()) await new Promise((r) => setTimeout(r, next - Date.now()));
  }

  // Kill the renderer right after the last keystroke (no round trip in between, so the last
  // autosave is likely still pending): nothing in the page gets a chance to flush.
  const session = await app.page.context().newCDPSession(app.page);
  const crashedAt = Date.now();
  // Page.crash never answers (the renderer is gone): do not wait for it.
  void session.send('Page.crash').catch(() => undefined);
  await app.page.waitForEvent('crash', { timeout: 10_000 });
  await app.page.close().catch(() => undefined);

  const reopened = await harness.newPage();
  await reopened.openProblem(PROBLEM);
  const restored = await reopened.getCode();
  const marker = restored.lastIndexOf('// ');
  const saved = marker >= 0 && restored.slice(0, marker).trimEnd() === before.trimEnd() ? restored.slice(marker + 3) : '';
  expect(TYPED.startsWith(saved), `restored text is a prefix of what was typed: ${JSON.stringify(saved)}`).toBe(true);

  const lostChars = TYPED.length - saved.length;
  // Typing time lost: from the last keystroke that survived (or the first, if none did) to the crash.
  const lastSavedAt = saved.length > 0 ? typedAt[saved.length - 1] : start;
  const lostMs = lostChars === 0 ? 0 : crashedAt - lastSavedAt;
  console.info(`[persistence] typed ${TYPED.length} chars over ${crashedAt - start} ms; lost ${lostChars} chars = ${lostMs} ms of typing`);
  expect(lostMs).toBeLessThanOrEqual(MAX_LOSS_MS);
  reopened.assertHealthy();
  await reopened.close();
});

it('a full disk (IndexedDB quota exceeded) shows a persistent notice with an export offer, and the typing survives a reload', async () => {
  const app: AppPage = await harness.newPage();
  // Every IndexedDB write fails as a full disk does, in this page and after its reload.
  await app.page.addInitScript(() => {
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = fail;
    IDBObjectStore.prototype.add = fail;
  });
  await app.openProblem(PROBLEM);
  await app.page.locator('[data-testid="editor"] .view-lines').click();
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('// kept while the disk is full');
  const notice = app.page.getByTestId('storage-notice');
  await notice.waitFor({ timeout: 10_000 });
  expect(await notice.getAttribute('data-kind')).toBe('quota');
  expect(await app.page.getByTestId('storage-export').count()).toBe(1);
  // Reload: the text comes back from the backup although IndexedDB never stored it.
  await app.page.waitForTimeout(1_000);
  await app.page.reload({ waitUntil: 'domcontentloaded' });
  await app.page.waitForSelector('[data-testid="editor"] .view-lines', { timeout: 60_000 });
  await expect.poll(() => app.getCode(), { timeout: 30_000 }).toContain('// kept while the disk is full');
  await app.close();
});

it('blocked IndexedDB shows a persistent notice at once, and the editor still works', async () => {
  const app: AppPage = await harness.newPage();
  await app.page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await app.openProblem(PROBLEM);
  const notice = app.page.getByTestId('storage-notice');
  await notice.waitFor({ timeout: 30_000 });
  expect(await notice.getAttribute('data-kind')).toBe('unavailable');
  expect(await notice.textContent()).toMatch(/nothing else will survive a reload/);
  await app.page.locator('[data-testid="editor"] .view-lines').click();
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.type('\n// still typing');
  await expect.poll(() => app.getCode()).toContain('// still typing');
  await app.close();
});
