#!/usr/bin/env node
// `npm run heldout [-- <problem-id|track> ...] [--prefix r2-] [--json FILE]`: the named-mistake rate on the
// held-out wrong variants in tests/heldout/ (see src/mutants/heldout.ts). Prints each variant's
// verdict, the mistake names given and the variant's own description, then the totals.
import { createModuleServer } from './viteNode.mjs';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
const prefixAt = args.indexOf('--prefix');
const prefix = prefixAt >= 0 ? args.splice(prefixAt, 2)[1] : '';
const log = console.log;
console.log = (...a) => process.stderr.write(`${a.join(' ')}\n`);
const server = await createModuleServer(root);
try {
  const { measureHeldout } = await server.ssrLoadModule('/src/mutants/heldout.ts');
  const results = await measureHeldout(root, args, prefix);
  for (const r of results) {
    const named = r.names.length ? `named: ${r.names.join(' | ')}` : r.relation ? `described: ${r.relation}` : 'not named';
    log(`${r.status === 'accepted' ? 'ACCEPTED' : r.status.padEnd(13)} ${r.problemId}/${r.variant}\n    bug:   ${r.description}\n    ${named}`);
  }
  const rejected = results.filter((r) => r.status !== 'accepted');
  const named = rejected.filter((r) => r.names.length);
  const described = rejected.filter((r) => !r.names.length && r.relation);
  const pct = (n) => (rejected.length ? ((100 * n) / rejected.length).toFixed(1) : '0');
  log(
    `\n${results.length} held-out wrong variants: ${rejected.length} rejected, ${results.length - rejected.length} accepted; ` +
      `${named.length} of ${rejected.length} rejected ones named by a known mistake (${pct(named.length)} %), ` +
      `${described.length} more described by a numeric relation (${pct(named.length + described.length)} % explained)`,
  );
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify(results, null, 2));
} finally {
  console.log = log;
  await server.close();
}
