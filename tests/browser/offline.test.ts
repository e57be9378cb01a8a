/**
 * Offline and installable: after one visit the service worker has precached the whole build, so
 * with the network off — the browser context offline AND the preview server shut down — the app
 * reloads, opens a problem (Monaco, the runner worker, tfjs wasm) and accepts the reference, then
 * opens a problem and a notebook it had never opened online.
 * Also checks that the web manifest is linked, served and names installable icons.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppPage, CHROMIUM_ARGS, CHROMIUM_PATH, readProblemFile, startPreview } from './harness';

const PROBLEM = 'attention/scaled-dot-product';
/** Opened for the first time while offline. */
const OTHER_PROBLEM = 'classic-ml/k-means';
const NOTEBOOK = 'char-bigram-lm';
/** Installing the service worker downloads ~45 MB of precache (the onnxruntime wasm is 27 MB). */
const PRECACHE_TIMEOUT_MS = 90_000;

let server: PreviewServer | undefined;
let baseUrl: string;
let context: BrowserContext;
let profileDir: string;

beforeAll(async () => {
  ({ server, baseUrl } = await startPreview());
  profileDir = mkdtempSync(join(tmpdir(), 'tensordojo-offline-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

it('the manifest is linked and served, and the app works offline after the first visit', { timeout: 240_000 }, async () => {
  const app = new AppPage(await context.newPage(), baseUrl);
  await app.goto('/');

  // Installable: a linked manifest with a name, start_url, standalone display and PNG icons.
  const manifestHref = await app.page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifestHref).toBeTruthy();
  const manifestResponse = await app.page.request.get(new URL(manifestHref!, baseUrl).href);
  expect(manifestResponse.ok()).toBe(true);
  const manifest = await manifestResponse.json();
  expect(manifest).toMatchObject({ short_name: 'TensorDojo', start_url: '/', display: 'standalone' });
  const icons = manifest.icons as { src: string; sizes: string; type: string }[];
  expect(icons.some((icon) => icon.sizes === '512x512' && icon.type === 'image/png')).toBe(true);
  for (const icon of icons) {
    expect((await app.page.request.get(new URL(icon.src, baseUrl).href)).ok(), icon.src).toBe(true);
  }

  // First visit: the service worker installs (precaching everything) and takes control.
  const state = await app.page.evaluate(
    async (timeoutMs) => {
      // `ready` resolves with an active worker that may still be activating: wait for `activated`.
      const ready = navigator.serviceWorker.ready.then(
        (registration) =>
          new Promise<string | undefined>((resolve) => {
            const worker = registration.active!;
            if (worker.state === 'activated') return resolve(worker.state);
            worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(worker.state));
          }),
      );
      const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
      const activeState = await Promise.race([ready, timeout]);
      if (!navigator.serviceWorker.controller) {
        await Promise.race([new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })), timeout]);
      }
      const keys = await caches.keys();
      let entries = 0;
      for (const key of keys) entries += (await (await caches.open(key)).keys()).length;
      return { activeState, controlled: navigator.serviceWorker.controller !== null, entries };
    },
    PRECACHE_TIMEOUT_MS,
  );
  console.info(`[offline] service worker ${state.activeState}, controlled=${state.controlled}, ${state.entries} cached entries`);
  expect(state.activeState).toBe('activated');
  expect(state.controlled).toBe(true);
  expect(state.entries).toBeGreaterThan(100);

  // Network off: the browser is offline and the server is gone.
  await context.setOffline(true);
  await server!.close();
  server = undefined;
  const failed: string[] = [];
  app.page.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText})`));

  const reload = await app.page.reload({ waitUntil: 'domcontentloaded' });
  expect(reload?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
  await app.page.getByTestId('problem-link').first().waitFor();
  await app.openProblem(PROBLEM, 'wasm');
  await app.setCode(readProblemFile(PROBLEM, 'reference.ts'));
  const verdict = await app.submit();
  console.info(`[offline] ${PROBLEM} on wasm: ${verdict.status} in ${Math.round(verdict.ms)} ms`);
  expect(verdict.status, `${verdict.text}\nfailed requests: ${failed.join(', ')}`).toBe('accepted');
  // Pages never opened online: each problem's and notebook's text is a chunk of its own, and the
  // first visit precached all of them.
  await app.page.goto(`${baseUrl}/#/problems/${OTHER_PROBLEM}`);
  await app.page.getByRole('heading', { name: 'k-means' }).first().waitFor({ timeout: 30_000 });
  await app.waitForEditor();
  await app.page.goto(`${baseUrl}/#/notebooks/${NOTEBOOK}`);
  await app.page.getByTestId('run-all').waitFor({ timeout: 30_000 });
  expect(await app.page.locator('.notebook-page').innerText()).toMatch(/bugs/);
  expect(failed, 'no request failed while offline').toEqual([]);
  app.assertHealthy();
  await app.close();
});
