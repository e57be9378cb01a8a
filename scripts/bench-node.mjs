#!/usr/bin/env node
// `npm run bench` (second part): the Node figures of src/bench/nodeFigures.ts — median CPU ms of
// each fixed notebook's full run and of each reference's warm Submit on tfjs's cpu backend.
//   node scripts/bench-node.mjs [--runs=3] [--problems=a/b,c/d] [--out=bench-node-results.json]
import { createModuleServer } from './viteNode.mjs';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const log = console.log;
console.log = (...a) => process.stderr.write(`${a.join(' ')}\n`);
const server = await createModuleServer(root);
try {
  const { measureNodeFigures } = await server.ssrLoadModule('/src/bench/nodeFigures.ts');
  const figures = await measureNodeFigures(Number(args.runs ?? 3), args.problems ? args.problems.split(',') : []);
  for (const f of figures) log(`${String(Math.round(f.medianCpuMs)).padStart(7)} ms  ${f.what}`);
  writeFileSync(args.out ?? 'bench-node-results.json', JSON.stringify(figures, null, 2));
} finally {
  console.log = log;
  await server.close();
}
