#!/usr/bin/env node
// Loads the command-line judge through a Vite dev server in middleware mode, so problem discovery
// (import.meta.glob over problems/, loaded lazily) works exactly as in the browser bundle.
import { createServer } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// tfjs greets Node users with a banner on stdout; keep stdout pure JSON.
const log = console.log;
console.log = (...args) => process.stderr.write(`${args.join(' ')}\n`);
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
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
