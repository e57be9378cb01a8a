import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentChunks } from './scripts/contentChunksPlugin';
import { tfjsCoreTypings } from './scripts/tfjsTypingsPlugin';

/**
 * Content-Security-Policy for every page and worker the app serves. No third-party origin is
 * allowed anywhere; `connect-src 'self'` keeps even a compromised worker from reaching the network.
 * 'unsafe-eval' is needed by the runner worker to instantiate the user's module, and
 * 'wasm-unsafe-eval' by the tfjs and onnxruntime wasm backends.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
  // No blob: workers: the app creates every worker from its own files (onnxruntime runs with one
  // thread, so it starts none), and a blob: worker is how code would escape a locked-down realm.
  "worker-src 'self'",
  "connect-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The dev server only: @vitejs/plugin-react injects one fixed inline script (the fast-refresh
 * preamble); allow exactly that script by its hash rather than 'unsafe-inline'.
 */
const REACT_REFRESH_PREAMBLE_HASH = "'sha256-Z2/iFzh9VMlVkEOar1f/oSHWwQk3ve1qk/C2WdsC4Xk='";
const devSecurityHeaders = {
  ...securityHeaders,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${REACT_REFRESH_PREAMBLE_HASH}`),
};

/** The onnxruntime asyncify wasm is ~27 MB; everything in dist/ must be precached to work offline. */
const PRECACHE_MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Offline and installable: Workbox precaches every file of dist/ (app, Monaco, tfjs and onnxruntime
 * wasm, problems) and serves it cache-first; the manifest makes the app installable. The service
 * worker exists only in production builds (vite-plugin-pwa does not generate one for the dev
 * server), is registered by an external `registerSW.js` (no inline script, so the CSP holds), and
 * is covered by `worker-src 'self'`.
 */
const pwa = VitePWA({
  injectRegister: 'script-defer',
  // 'prompt' (no skipWaiting): a new version waits until every tab of the old one is closed, so an
  // open page never loses the old hashed chunks it has yet to lazy-load (Monaco, the workers).
  registerType: 'prompt',
  includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
  manifest: {
    name: 'TensorDojo — ML coding interview practice',
    short_name: 'TensorDojo',
    description: 'Practise the ML coding rounds of research-engineer interviews in the browser, offline.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#161a21',
    background_color: '#0f1115',
    icons: [
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*'],
    globIgnores: ['**/*.map', 'sw.js', 'workbox-*.js'],
    maximumFileSizeToCacheInBytes: PRECACHE_MAX_FILE_BYTES,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // The first install takes control of the open page at once, so it works offline without a reload.
    clientsClaim: true,
  },
});

export default defineConfig({
  plugins: [contentChunks(), tfjsCoreTypings(), react(), pwa],
  worker: { format: 'es' },
  optimizeDeps: {
    exclude: ['onnxruntime-web'],
    // The workers' dependencies, pre-bundled at dev-server start: found later, they would make
    // Vite reload the page in the middle of a user's first Run.
    // Monaco's entry points too: unbundled, its ESM build is ~1,000 modules, one request each, and a
    // first visit to the dev server waited many seconds for the editor (scripts/bench-dev.mjs).
    include: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgpu',
      'sucrase',
      'onnx-proto',
      'comlink',
      'acorn',
      'monaco-editor/editor/editor.api',
      'monaco-editor/features/register.all',
      'monaco-editor/languages/definitions/typescript/register',
      'monaco-editor/languages/features/typescript/register',
      'react',
      'react-dom/client',
      'katex',
      'marked',
      'idb-keyval',
    ],
  },
  server: { headers: devSecurityHeaders },
  preview: { headers: securityHeaders },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'problems/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
