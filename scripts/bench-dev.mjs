#!/usr/bin/env node
/**
 * `npm run bench` (dev-server part): what a contributor waits on `npm start` — page load to an
 * interactive editor on the Vite dev server, first visit (fresh browser profile, nothing in the
 * HTTP cache) and a reload, medians over a few fresh profiles. The dev server is started once, as
 * `npm start` does, with its dependency pre-bundling done before the first visit.
 *   node scripts/bench-dev.mjs [--visits=3] [--problem=attention/scaled-dot-product]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer, runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const visits = Number(args.visits ?? 3);
const problem = args.problem ?? 'attention/scaled-dot-product';
// The browser tests' Chromium, flags and editor-interactive measurement.
const { module: h } = await runnerImport(resolve(root, 'tests/browser/harness.ts'));

const server = await createServer({ root, logLevel: 'error', server: { host: '127.0.0.1', port: 0, strictPort: false } });
await server.listen();
// What `npm start` has done before anyone opens the page: its dependency scan and pre-bundling.
await server.waitForRequestsIdle?.();
const address = server.httpServer.address();
const baseUrl = `http://127.0.0.1:${address.port}`;
const first = [];
const reload = [];
try {
  for (let i = 0; i < visits; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'tensordojo-dev-profile-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: h.CHROMIUM_PATH, headless: false, args: h.CHROMIUM_ARGS });
    try {
      const app = new h.AppPage(await context.newPage(), baseUrl);
      await app.page.goto(`${baseUrl}/#/problems/${problem}`, { waitUntil: 'commit' });
      first.push(await app.editorInteractiveMs());
      await app.page.reload({ waitUntil: 'commit' });
      reload.push(await app.editorInteractiveMs());
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}
console.log(`\nDev server (npm start), page load → interactive editor, medians over ${visits} fresh profiles:`);
console.log(`  first visit ${h.median(first).toFixed(0)} ms (${first.map((ms) => ms.toFixed(0)).join(', ')}), reload ${h.median(reload).toFixed(0)} ms`);
