import type { BackendChoice, BackendName } from '../src/shared/protocol';

/** Software renderers: they run WebGPU/WebGL on the CPU, slower than wasm (see README, "Backends"). */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|software|microsoft basic render/i;

/**
 * What `auto` means on this device, decided by capability: a hardware GPU adapter → webgpu;
 * otherwise a hardware WebGL renderer → webgl; otherwise wasm, which measured fastest on
 * GPU-less machines (about 23 GFLOP/s for a 512² matmul against 2 for webgl and 0.5 for webgpu
 * on SwiftShader).
 */
export async function pickAutoBackend(): Promise<{ backend: BackendName; reason: string; adapter?: string }> {
  const gpu = await probeGpuAdapter();
  const adapterText = gpu?.description;
  if (gpu?.hardware) return { backend: 'webgpu', reason: `hardware GPU adapter (${adapterText})`, adapter: adapterText };
  const renderer = webglRenderer();
  if (renderer && !SOFTWARE_RENDERERS.test(renderer)) {
    return { backend: 'webgl', reason: `hardware WebGL renderer (${renderer}), no WebGPU adapter`, adapter: adapterText };
  }
  return {
    backend: 'wasm',
    reason: adapterText ? `only a software GPU here (${adapterText}): wasm is faster` : 'no GPU available: wasm is fastest',
    adapter: adapterText,
  };
}

/** The WebGPU adapter this worker would get, and whether it is real hardware; undefined when none. */
export async function probeGpuAdapter(): Promise<{ hardware: boolean; description: string } | undefined> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return undefined;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return undefined;
    const info = adapter.info ?? {};
    const description = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown adapter';
    const hardware = !adapter.isFallbackAdapter && !info.isFallbackAdapter && !SOFTWARE_RENDERERS.test(description);
    return { hardware, description };
  } catch {
    return undefined;
  }
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
}

function webglRenderer(): string | undefined {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return undefined;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } catch {
    return undefined;
  }
}

/**
 * Start tfjs on the chosen backend (`auto` asks `pickAuto`), shared by the runner and the notebook
 * kernel. Throws when the backend cannot start on this device.
 */
export async function startBackend(
  tf: { setBackend(name: string): Promise<boolean>; ready(): Promise<void>; getBackend(): string },
  choice: BackendChoice,
  pickAuto: () => Promise<{ backend: BackendName; reason: string; adapter?: string }>,
): Promise<{ backend: BackendName; reason: string; adapter?: string; softwareGpu?: boolean }> {
  const picked = choice === 'auto' ? await pickAuto() : { backend: choice, reason: 'chosen by the user' };
  const ok = await tf.setBackend(picked.backend);
  await tf.ready();
  if (!ok || tf.getBackend() !== picked.backend) {
    throw new Error(`The ${picked.backend} backend could not start on this device.`);
  }
  return { ...picked, ...((await onSoftwareGpu(picked.backend)) ? { softwareGpu: true } : {}) };
}

/**
 * True when a GPU backend runs on a software renderer (SwiftShader, llvmpipe): every op compiles a
 * shader on the CPU, so correct code runs many times slower than on wasm and the client widens the
 * time budget accordingly.
 */
async function onSoftwareGpu(backend: BackendName): Promise<boolean> {
  if (typeof navigator === 'undefined') return false;
  if (backend === 'webgpu') return (await probeGpuAdapter())?.hardware === false;
  if (backend === 'webgl') {
    const renderer = webglRenderer();
    return renderer !== undefined && SOFTWARE_RENDERERS.test(renderer);
  }
  return false;
}
