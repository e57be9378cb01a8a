/**
 * The second engine in real Chromium: Submit cross-checks with onnxruntime-web on the WebGPU
 * execution provider (SwiftShader here) and on the wasm provider, and the results panel names both
 * engines. Run never uses onnxruntime. The page warms the engine up before the first Submit, with
 * the smallest build that serves the provider: the plain wasm build unless the WebGPU EP is used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, readProblemFile, type AppPage } from './harness';

const ATTENTION = 'attention/scaled-dot-product';
/** The first Submit starts onnxruntime (tens of MB of wasm, then shader compiles on SwiftShader). */
const FIRST_SUBMIT_TIMEOUT_MS = 180_000;

let harness: Harness;

beforeAll(async () => {
  harness = await Harness.start();
});

afterAll(async () => {
  await harness?.close();
});

async function pageWithOnnxProvider(provider: 'auto' | 'webgpu' | 'wasm', backend: 'webgpu' | 'wasm'): Promise<AppPage> {
  const app = await harness.newPage(backend);
  // Pages share one profile, so every test states its provider.
  await app.page.addInitScript((choice) => {
    try {
      localStorage.setItem('tensordojo.onnxProvider', choice);
    } catch {
      // Opaque origins (about:blank) have no storage; the app's own origin does.
    }
  }, provider);
  return app;
}

/** Which onnxruntime wasm binaries the page fetches: 'asyncify' (WebGPU EP) or 'plain'. */
function watchOnnxBuilds(app: AppPage): string[] {
  const builds: string[] = [];
  app.page.on('request', (request) => {
    const file = /\/(ort-wasm[^/?]*\.wasm)/.exec(request.url())?.[1];
    if (file) builds.push(file.includes('asyncify') ? 'asyncify' : 'plain');
  });
  return builds;
}

describe('ONNX cross-check in the browser', () => {
  it('uses the WebGPU execution provider when asked, and names both engines', async () => {
    const app = await pageWithOnnxProvider('webgpu', 'webgpu');
    try {
      const wasmBuilds = watchOnnxBuilds(app);
      await app.openProblem(ATTENTION, 'webgpu');
      await app.setCode(readProblemFile(ATTENTION, 'reference.ts'));
      const run = await app.run(FIRST_SUBMIT_TIMEOUT_MS);
      expect(run.status).toBe('accepted');
      expect(run.text).toContain('checked by tfjs/webgpu');
      expect(run.text).not.toContain('onnxruntime');

      const submit = await app.submit(FIRST_SUBMIT_TIMEOUT_MS);
      expect(submit.status, submit.text).toBe('accepted');
      expect(submit.text).toMatch(/checked by tfjs\/webgpu, onnxruntime\/webgpu/);
      expect(wasmBuilds).toEqual(['asyncify']);
      app.assertHealthy();
    } finally {
      await app.close();
    }
  });

  it('falls back to the wasm provider by default here (software GPU), and still judges mistakes', async () => {
    const app = await pageWithOnnxProvider('auto', 'wasm');
    try {
      const wasmBuilds = watchOnnxBuilds(app);
      await app.openProblem(ATTENTION, 'wasm');
      await app.setCode(readProblemFile(ATTENTION, 'reference.ts'));
      const submit = await app.submit(FIRST_SUBMIT_TIMEOUT_MS);
      expect(submit.status, submit.text).toBe('accepted');
      expect(submit.text).toMatch(/checked by tfjs\/wasm, onnxruntime\/wasm/);

      await app.setCode(readProblemFile(ATTENTION, 'mistakes/missing-sqrt-d.ts'));
      const wrong = await app.submit(FIRST_SUBMIT_TIMEOUT_MS);
      expect(wrong.status).toBe('wrong-answer');
      expect(wrong.text).toContain('scores not scaled by √d');
      // The plain build only: half the bytes of the WebGPU-capable one.
      expect(wasmBuilds).toEqual(['plain']);
      app.assertHealthy();
    } finally {
      await app.close();
    }
  });
});
