/**
 * Candidates are interviewed in PyTorch: every problem's editorial ends with its solution in
 * PyTorch (plain Python for the algorithm problems) — the last section of solution.md is headed
 * "PyTorch" and holds a python code block.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemIds } from '../../src/judge/registry';

const ROOT = join(__dirname, '../..');

/** The sections of a markdown file by heading, ignoring `#` lines inside code fences. */
function sections(markdown: string): { heading: string; body: string }[] {
  const found: { heading: string; body: string }[] = [{ heading: '', body: '' }];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^```/.test(line)) fenced = !fenced;
    if (!fenced && /^#{1,6} /.test(line)) found.push({ heading: line, body: '' });
    else found[found.length - 1].body += `${line}\n`;
  }
  return found;
}

describe.each(problemIds)('%s', (problemId) => {
  it('its editorial ends with a PyTorch version', () => {
    const folder = join(ROOT, 'problems', problemId);
    expect(readdirSync(folder)).toContain('solution.md');
    const last = sections(readFileSync(join(folder, 'solution.md'), 'utf8')).at(-1)!;
    expect(last.heading).toMatch(/PyTorch/);
    expect(last.body).toMatch(/^```python\n[\s\S]+?\n```/m);
  });
});
