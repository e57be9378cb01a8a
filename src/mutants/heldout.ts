/**
 * Measures how often the judge names the mistake behind realistic wrong answers it has never seen:
 * tests/heldout/<problem-id>/*.ts are wrong solutions written from the statement alone by people
 * who had not read the problem's known mistakes, each opening with `// Held-out wrong variant: …`.
 * Each is submitted on cpu; the report lists its verdict, the names given, and its description,
 * so a reviewer can check that no name is wrong.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { Runner } from '../../workers/Runner';
import { problemIds } from '../judge/registry';

export interface HeldoutResult {
  problemId: string;
  variant: string;
  description: string;
  status: string;
  names: string[];
  /** The numeric relation stated when no known mistake matched. */
  relation?: string;
}

export async function measureHeldout(root: string, filter: string[] = [], prefix = ''): Promise<HeldoutResult[]> {
  const runner = new Runner(tf);
  await runner.init('cpu');
  const results: HeldoutResult[] = [];
  let runId = 1;
  for (const problemId of problemIds.filter((id) => !filter.length || filter.some((f) => id === f || id.startsWith(`${f}/`)))) {
    const dir = join(root, 'tests/heldout', problemId);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f.startsWith(prefix)).sort()) {
      const source = readFileSync(join(dir, file), 'utf8');
      const description = /Held-out wrong variant:\s*(.*)/.exec(source)?.[1] ?? '(no description)';
      const verdict = await runner.judge({ runId: runId++, problemId, source, mode: 'submit' });
      const failing = verdict.cases.find((c) => !c.passed)?.diagnostic;
      const names = failing?.likelyMistake ? [failing.likelyMistake, ...(failing.alsoLikely ?? [])].map((m) => m.title) : [];
      results.push({ problemId, variant: file.replace(/\.ts$/, ''), description, status: verdict.status, names, relation: failing?.relation });
    }
  }
  return results;
}
