/**
 * Mock rounds in the real app: start a round with a short test-only time box (`?duration=` in
 * seconds), solve part 1 with the reference and watch part 2 unlock, skip part 2, reload mid-round
 * and see the countdown resume from the stored start time, let the clock run out and see the
 * editor lock, then read the report and find the attempt among past rounds.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Harness, readProblemFile, type AppPage } from './harness';

const ROUND_ID = 'attention-progressive';
const FIRST_PROBLEM = 'attention/scaled-dot-product';
/** Long enough for a cold backend start and one Submit on a slow machine, short enough to wait out. */
const ROUND_SECONDS = 60;
/**
 * Slack between reading the countdown in the page and the clock it is computed from, with margin
 * for a loaded machine; a countdown that restarted on reload would be off by tens of seconds.
 */
const CLOCK_SLACK_MS = 5_000;

let harness: Harness;
let app: AppPage;

beforeAll(async () => {
  harness = await Harness.start();
  app = await harness.newPage('wasm');
  // Skip and End ask for confirmation.
  app.page.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
  await harness?.close();
});

/** Screenshots for a person to look at, only when ROUNDS_SCREENSHOTS is set to a folder. */
async function shoot(name: string): Promise<void> {
  const dir = process.env.ROUNDS_SCREENSHOTS;
  if (dir) await app.page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

type PartState = 'locked' | 'open' | 'accepted' | 'skipped';

function partStates(): Promise<PartState[]> {
  return app.page.$$eval('[data-testid="round-part"]', (els) => els.map((el) => el.getAttribute('data-state') as PartState));
}

/** The countdown and the page's clock read in the same tick. */
function readTimer(): Promise<{ remainingMs: number; at: number }> {
  return app.page.evaluate(() => ({
    remainingMs: Number(document.querySelector('[data-testid="round-timer"]')!.getAttribute('data-remaining-ms')),
    at: Date.now(),
  }));
}

it('lists the shipped rounds', async () => {
  await app.goto('/rounds');
  await app.page.getByTestId('round-card').first().waitFor();
  expect(await app.page.getByTestId('round-card').count()).toBeGreaterThanOrEqual(6);
  await app.page.getByTestId('nav-rounds').waitFor();
});

it('runs a round: unlock on accept, skip, resume after reload, lock at zero, report', { timeout: 240_000 }, async () => {
  const { page } = app;
  await app.goto(`/rounds/${ROUND_ID}?duration=${ROUND_SECONDS}`);
  await page.getByTestId('start-round').click();
  await page.waitForURL(/#\/rounds\/attempt\//);
  await app.waitForEditor();
  const attemptUrl = page.url();

  const first = await readTimer();
  expect(first.remainingMs).toBeLessThanOrEqual(ROUND_SECONDS * 1000);
  expect(first.remainingMs).toBeGreaterThan(ROUND_SECONDS * 1000 - 20_000);
  expect(await partStates()).toEqual(['open', 'locked', 'locked', 'locked']);
  expect(await page.getByTestId('show-solution').count(), 'no solution button during a round').toBe(0);

  await app.useBackend('wasm');
  await app.setCode(readProblemFile(FIRST_PROBLEM, 'reference.ts'));
  const verdict = await app.submit();
  expect(verdict.status, verdict.text).toBe('accepted');
  await page.waitForFunction(() => document.querySelector('[data-testid="round-part"][data-part-index="1"]')?.getAttribute('data-state') === 'open');
  expect(await partStates()).toEqual(['accepted', 'open', 'locked', 'locked']);
  await page.getByTestId('next-part').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="round-part"][data-part-index="1"]')?.getAttribute('aria-current') === 'page');

  await page.getByTestId('skip-part').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="round-part"][data-part-index="2"]')?.getAttribute('data-state') === 'open');
  expect(await partStates()).toEqual(['accepted', 'skipped', 'open', 'locked']);

  // Reload mid-round: the countdown continues from the stored start, it does not restart.
  const before = await readTimer();
  expect(before.remainingMs, 'the round must still be running before the reload').toBeGreaterThan(5_000);
  await page.reload({ waitUntil: 'domcontentloaded' });
  expect(page.url()).toBe(attemptUrl);
  await page.getByTestId('round-timer').waitFor();
  await app.waitForEditor();
  const after = await readTimer();
  const expected = before.remainingMs - (after.at - before.at);
  expect(Math.abs(after.remainingMs - expected), `remaining ${after.remainingMs} ms, expected ≈ ${expected} ms`).toBeLessThan(CLOCK_SLACK_MS);
  expect(await partStates()).toEqual(['accepted', 'skipped', 'open', 'locked']);
  await shoot('round-running');

  // Let the clock run out: the round ends and the editor locks.
  await page.waitForFunction(() => document.querySelector('[data-testid="round-page"]')?.getAttribute('data-ended') === 'true', undefined, {
    timeout: after.remainingMs + 10_000,
  });
  expect((await readTimer()).remainingMs).toBe(0);
  expect(await page.getByTestId('editor').getAttribute('data-readonly')).toBe('true');
  expect(await page.getByTestId('submit').isDisabled()).toBe(true);
  await shoot('round-time-up');

  await page.getByTestId('view-report').click();
  await page.getByTestId('round-report').waitFor();
  const parts = await page.$$eval('[data-testid="report-part"]', (els) =>
    els.map((el) => ({
      state: el.getAttribute('data-state'),
      submits: Number(el.querySelector('[data-testid="report-submissions"]')?.getAttribute('data-submits')),
      timeMs: Number(el.querySelector('[data-testid="report-time"]')?.getAttribute('data-ms')),
      verdicts: [...el.querySelectorAll('[data-testid="report-verdicts"] [data-status]')].map((v) => v.getAttribute('data-status')),
      code: el.querySelector('[data-testid="report-code"]')?.textContent ?? '',
    })),
  );
  expect(parts.map((p) => p.state)).toEqual(['accepted', 'skipped', 'open', 'locked']);
  expect(parts[0]).toMatchObject({ submits: 1, verdicts: ['accepted'] });
  expect(parts[0].code).toContain('export function');
  expect(parts[0].timeMs).toBeGreaterThan(0);
  expect(parts[2].timeMs).toBeGreaterThan(0);
  expect(parts[3].timeMs).toBe(0);
  const score = page.getByTestId('round-score');
  expect(await score.getAttribute('data-earned')).toBe('20');
  expect(await score.getAttribute('data-possible')).toBe('100');
  await shoot('round-report');

  // The attempt is listed among past rounds, with its report.
  await app.goto('/rounds');
  await page.getByTestId('past-attempt').first().waitFor();
  const attemptId = attemptUrl.replace(/^.*\/attempt\//, '');
  expect(await page.locator(`[data-testid="past-attempt"][data-attempt-id="${attemptId}"]`).getAttribute('data-ended')).toBe('true');
  app.assertHealthy();
});

it('a hint costs points, the header leads back to a running round, and End round opens the report', { timeout: 120_000 }, async () => {
  const { page } = app;
  await app.goto(`/rounds/${ROUND_ID}?duration=600`);
  await page.getByTestId('start-round').click();
  await page.waitForURL(/#\/rounds\/attempt\//);
  await app.waitForEditor();
  const attemptUrl = page.url();
  expect(await page.getByTestId('show-hint').innerText()).toMatch(/costs 4 points/);
  await page.getByTestId('show-hint').click();
  await page.getByText('Hint 1').waitFor();
  await app.setCode('// started\n');

  // Elsewhere in the app the header shows the running round and leads back to it.
  await app.goto('/');
  await page.getByTestId('running-round').waitFor();
  expect(await page.getByTestId('running-round').innerText()).toMatch(/Round running · \d+:\d\d left/);
  await page.getByTestId('running-round').click();
  await page.waitForURL(attemptUrl);
  await app.waitForEditor();
  expect(await app.getCode()).toBe('// started\n');

  await page.getByTestId('end-round').click();
  await page.getByTestId('round-report').waitFor();
  const first = page.locator('[data-testid="report-part"][data-part-index="0"]');
  expect(await first.getAttribute('data-state')).toBe('open');
  expect(await first.getByTestId('report-hints').getAttribute('data-hints')).toBe('1');
  expect(await first.getByTestId('report-code').innerText()).toContain('// started');
  expect(await page.getByTestId('round-score').getAttribute('data-earned')).toBe('0');
  app.assertHealthy();
});
