/**
 * Catalog browsing and progress in the real app: hints and the editorial are recorded, the list
 * filters by track, status and title, the tracks and progress pages count the solve, export gives
 * a versioned file, a foreign file is refused without changing anything, a valid one merges, and
 * "practise again" starts from the starter while the old code goes to the history.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Harness, readProblemFile, type AppPage } from './harness';

const PROBLEM = 'attention/scaled-dot-product';
const TITLE = 'Scaled dot-product attention';

let harness: Harness;
let app: AppPage;

beforeAll(async () => {
  harness = await Harness.start();
  app = await harness.newPage('wasm');
  app.page.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
  await harness?.close();
});

async function listedIds(): Promise<string[]> {
  return app.page.evaluate(() => [...document.querySelectorAll('[data-testid="problem-link"]')].map((a) => a.getAttribute('data-problem-id')!));
}

async function exportFile(): Promise<{ app: string; version: number; exportedAt: string; data: Record<string, unknown> }> {
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('export').click()]);
  expect(download.suggestedFilename()).toMatch(/^tensordojo-progress-\d{4}-\d\d-\d\d\.json$/);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

it('records hints, the solution and an accepted submit; the list filters by them', async () => {
  await app.openProblem(PROBLEM, 'wasm');
  await app.page.getByTestId('show-hint').click();
  await app.page.getByTestId('show-solution').click();
  await app.page.locator('.solution h2').first().waitFor();
  await app.setCode(readProblemFile(PROBLEM, 'reference.ts'));
  expect((await app.submit()).status).toBe('accepted');
  // The verdict lands in the problem's history, shown under the statement.
  await app.page.locator('[data-testid="submission-history"] [data-testid="submission"][data-status="accepted"][data-mode="submit"]').waitFor();

  await app.goto('/');
  await app.page.waitForSelector(`[data-problem-id="${PROBLEM}"][data-progress="solved"]`);
  const all = await listedIds();
  expect(all.length).toBeGreaterThan(5);

  await app.page.getByTestId('status-filter').selectOption('solved');
  expect(await listedIds()).toEqual([PROBLEM]);
  await app.page.getByTestId('status-filter').selectOption('solution-viewed');
  expect(await listedIds()).toEqual([PROBLEM]);
  await app.page.getByTestId('status-filter').selectOption('new');
  expect(await listedIds()).not.toContain(PROBLEM);
  await app.page.getByTestId('status-filter').selectOption('all');

  await app.page.getByTestId('track-filter').selectOption('attention');
  const attention = await listedIds();
  expect(attention).toContain(PROBLEM);
  expect(attention.every((id) => id.startsWith('attention/'))).toBe(true);
  await app.page.getByTestId('track-filter').selectOption('all');

  await app.page.getByTestId('search').fill('dot-product');
  expect(await listedIds()).toEqual([PROBLEM]);
  await app.page.screenshot({ path: 'test-results/progress-list.png' }).catch(() => undefined);
});

it('the tracks page and the progress page count the solve', async () => {
  await app.goto('/tracks');
  const track = app.page.locator('[data-testid="tracks-page"][data-loaded="true"] [data-testid="track-progress"][data-track="attention"]');
  await expect.poll(() => track.getAttribute('data-solved')).toBe('1');
  expect(Number(await track.getAttribute('data-total'))).toBeGreaterThan(1);

  await app.goto('/progress');
  await app.page.locator('[data-testid="progress-page"][data-loaded="true"]').waitFor();
  expect(await app.page.getByTestId('streak').getAttribute('data-days')).toBe('1');
  // Solved only after the editorial was revealed: it comes back for another go.
  const entry = app.page.locator(`[data-testid="practise-again"][data-problem-id="${PROBLEM}"]`);
  expect(await entry.getAttribute('data-reason')).toBe('solved-after-solution');
  await app.page.screenshot({ path: 'test-results/progress-page.png', fullPage: true }).catch(() => undefined);
});

it('exports everything, refuses a foreign file unchanged, merges a valid one', async () => {
  const exported = await exportFile();
  expect(exported).toMatchObject({ app: 'tensordojo', version: 1 });
  expect(exported.data[`progress:${PROBLEM}`]).toMatchObject({ solved: true, hintsUsed: 1 });
  expect(exported.data[`submissions:${PROBLEM}`]).toEqual([expect.objectContaining({ mode: 'submit', status: 'accepted', backend: 'wasm' })]);
  expect(exported.data[`draft:${PROBLEM}`]).toMatchObject({ code: readProblemFile(PROBLEM, 'reference.ts') });

  const input = app.page.getByTestId('import');
  await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await expect.poll(() => app.page.getByTestId('import-error').innerText()).toMatch(/not a TensorDojo export/);
  const damaged = { ...exported, data: { ...exported.data, 'draft:attention/rope': { code: 1 } } };
  await input.setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
  await expect.poll(() => app.page.getByTestId('import-error').innerText()).toMatch(/"draft:attention\/rope" has no code text/);
  expect((await exportFile()).data, 'a refused file changes nothing').toEqual(exported.data);

  const incoming = { ...exported, data: { 'draft:attention/rope': { code: '// from another machine', savedAt: Date.now() } } };
  await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(incoming)) });
  await expect.poll(() => app.page.getByTestId('import-result').innerText()).toMatch(/1 new/);
  expect(await app.page.getByTestId('import-error').count()).toBe(0);
  expect((await exportFile()).data['draft:attention/rope']).toMatchObject({ code: '// from another machine' });
});

it('"practise again" opens the starter and keeps the old code in the history', async () => {
  await app.page.locator(`[data-testid="practise-again"][data-problem-id="${PROBLEM}"]`).click();
  await app.page.waitForURL(new RegExp(`#/problems/${PROBLEM}$`));
  await app.waitForEditor();
  expect(await app.getCode()).toBe(readProblemFile(PROBLEM, 'starter.ts'));
  // The old code is not in the editor but can be looked up under "Your attempts".
  await app.page.getByRole('button', { name: /Show the attempt saved/ }).click();
  expect(await app.page.locator('.archived-draft').innerText()).toBe(readProblemFile(PROBLEM, 'reference.ts'));
  await app.goto('/progress');
  await app.page.locator('[data-testid="progress-page"][data-loaded="true"]').waitFor();
  const history = (await exportFile()).data[`draft-history:${PROBLEM}`] as { code: string }[];
  expect(history.map((h) => h.code)).toEqual([readProblemFile(PROBLEM, 'reference.ts')]);
  app.assertHealthy();
});
