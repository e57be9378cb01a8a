/**
 * The catalog scales: the production build's main chunk (the one index.html loads) holds only the
 * problem and notebook index, never their text. A line of every problem's statement, hints and
 * editorial, and of every notebook's cells, must be in some other chunk of dist/ and not in the
 * main one — so adding problems grows the main chunk by their index entries only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { listProblemIds, ROOT } from './harness';

const dist = join(ROOT, 'dist');

/** A line of plain words (no character a bundler might escape differently), long enough to be unique. */
function plainLine(text: string): string | undefined {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[A-Za-z0-9 ,.;:()'-]{40,}$/.test(line))
    .sort((a, b) => b.length - a.length)[0];
}

it('the main chunk holds the index only; each problem and notebook text is in a chunk of its own', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(entry, 'index.html loads a module').toBeTruthy();
  const main = readFileSync(join(dist, entry!), 'utf8');
  const others = readdirSync(join(dist, 'assets'))
    .filter((file) => file.endsWith('.js') && `assets/${file}` !== entry)
    .map((file) => readFileSync(join(dist, 'assets', file), 'utf8'))
    .join('\n');

  const samples: { what: string; line: string }[] = [];
  for (const id of listProblemIds()) {
    for (const file of ['statement.md', 'hints.md', 'solution.md']) {
      const path = join(ROOT, 'problems', id, file);
      const line = existsSync(path) ? plainLine(readFileSync(path, 'utf8')) : undefined;
      if (line) samples.push({ what: `${id}/${file}`, line });
    }
  }
  for (const notebook of readdirSync(join(ROOT, 'notebooks'), { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const cells = join(ROOT, 'notebooks', notebook.name, 'cells');
    const text = readdirSync(cells)
      .map((file) => readFileSync(join(cells, file), 'utf8'))
      .join('\n');
    const line = plainLine(text);
    if (line) samples.push({ what: `notebooks/${notebook.name}`, line });
  }
  expect(samples.length).toBeGreaterThan(100);
  expect(samples.filter((s) => main.includes(s.line)).map((s) => s.what), 'text found in the main chunk').toEqual([]);
  expect(samples.filter((s) => !others.includes(s.line)).map((s) => s.what), 'text missing from every lazy chunk').toEqual([]);
  // The index itself is in the main chunk: every problem's title.
  for (const id of listProblemIds()) {
    const title = JSON.parse(readFileSync(join(ROOT, 'problems', id, 'meta.json'), 'utf8')).title as string;
    expect(main.includes(JSON.stringify(title).slice(1, -1)) || main.includes(title), `${id}'s title in the index`).toBe(true);
  }
});
