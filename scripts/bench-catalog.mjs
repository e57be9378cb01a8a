#!/usr/bin/env node
/**
 * `npm run bench` (catalog part, after `vite build`): the main chunk's size, raw and gzip, and the
 * total the service worker precaches for offline use, read from dist/. Then the same build of a
 * temporary copy of the project with N generated dummy problems added (default 100), to show that
 * the main chunk grows only by the catalog index, not by each problem's text.
 *   node scripts/bench-catalog.mjs [--dummy-problems=100] [--out=bench-catalog-results.json]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const dummies = Number(args['dummy-problems'] ?? 100);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The entry chunk index.html loads, and everything the service worker precaches. */
function measure(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`no module script in ${dist}/index.html`);
  const main = readFileSync(join(dist, entry));
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
  const precacheBytes = urls.reduce((sum, url) => sum + statSync(join(dist, url)).size, 0);
  return { mainChunk: entry, mainRawBytes: main.length, mainGzipBytes: gzipSync(main).length, precacheFiles: urls.length, precacheBytes };
}

function build(dir) {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build failed in ${dir}:\n${run.stderr}`);
}

/** N copies of a real problem under a `dummy` track: realistic text sizes, distinct ids. */
function addDummyProblems(dir, count) {
  const template = join(dir, 'problems/attention/scaled-dot-product');
  mkdirSync(join(dir, 'problems/dummy'));
  writeFileSync(join(dir, 'problems/dummy/track.json'), JSON.stringify({ title: 'Dummy', order: 99 }));
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `problems/dummy/problem-${i}`);
    cpSync(template, folder, { recursive: true });
    const meta = JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8'));
    writeFileSync(join(folder, 'meta.json'), JSON.stringify({ ...meta, title: `Dummy problem ${i}`, order: i }));
    // Text that differs per copy, so no bundler can share it between chunks.
    writeFileSync(join(folder, 'statement.md'), `${readFileSync(join(folder, 'statement.md'), 'utf8')}\n\nVariant ${i}.\n`);
  }
}

const real = measure(join(root, 'dist'));
const result = { real };
console.log('\nCatalog and bundle sizes (dist/):');
console.log(`  main chunk ${real.mainChunk}: ${kb(real.mainRawBytes)} raw, ${kb(real.mainGzipBytes)} gzip`);
console.log(`  precache: ${real.precacheFiles} files, ${(real.precacheBytes / 1024 / 1024).toFixed(1)} MB`);

if (dummies > 0) {
  const copy = mkdtempSync(join(tmpdir(), 'tensordojo-catalog-'));
  try {
    for (const entry of readdirSync(root)) {
      if (['node_modules', 'dist', '.git'].includes(entry) || entry.startsWith('bench-')) continue;
      cpSync(join(root, entry), join(copy, entry), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    addDummyProblems(copy, dummies);
    build(copy);
    const grown = measure(join(copy, 'dist'));
    const change = (grown.mainGzipBytes - real.mainGzipBytes) / real.mainGzipBytes;
    result.withDummies = { count: dummies, ...grown, mainGzipChange: change };
    console.log(`  with ${dummies} dummy problems added: main chunk ${kb(grown.mainRawBytes)} raw, ${kb(grown.mainGzipBytes)} gzip ` +
      `(${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)} % gzip), precache ${grown.precacheFiles} files`);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
writeFileSync(args.out ?? 'bench-catalog-results.json', JSON.stringify(result, null, 2));
