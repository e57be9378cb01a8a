import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Content-Security-Policy for every page and worker the app serves. No third-party origin is
 * allowed anywhere; `connect-src 'self'` keeps even a compromised worker from reaching the network.
 * 'unsafe-eval' is needed by the runner worker to instantiate the user's module, and
 * 'wasm-unsafe-eval' by the tfjs and onnxruntime wasm backends.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
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

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
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
