// The one way the Node scripts (judge, mutants, held-out, bench) load the project's TypeScript:
// a Vite server in middleware mode, so problem discovery (import.meta.glob over problems/) works
// exactly as in the browser bundle. No HMR socket (parallel runs would clash on its port).
import { createServer } from 'vite';

export function createModuleServer(root) {
  return createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
}
