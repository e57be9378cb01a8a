#!/usr/bin/env node
// Loads the command-line judge through a Vite dev server in middleware mode, so problem discovery
// (import.meta.glob over problems/) works exactly as in the browser bundle. This process runs the
// judge (references, comparison, verdict) and never evaluates the user's code: that runs in a
// separate, sandboxed process holding only tfjs, with the time and memory budget, which answers
// the judge's requests with plain data (src/cli/supervisor.ts, src/cli/judgeChild.ts).
import { createModuleServer } from './viteNode.mjs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// stdout carries the verdict's JSON and nothing else: anything logged goes to stderr.
const log = console.log;
console.log = (...args) => process.stderr.write(`${args.join(' ')}\n`);
const server = await createModuleServer(root);
try {
  const cli = await server.ssrLoadModule('/src/cli/judgeCli.ts');
  process.exitCode = await cli.main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 2;
} finally {
  console.log = log;
  await server.close();
}
