/** Small synchronous preferences in localStorage. */
import type { BackendChoice, OnnxProviderChoice } from '../shared/protocol';

const BACKEND_KEY = 'tensordojo.backend';
const CHOICES: readonly BackendChoice[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

export function loadBackendChoice(): BackendChoice {
  try {
    const stored = localStorage.getItem(BACKEND_KEY);
    if (stored && (CHOICES as readonly string[]).includes(stored)) return stored as BackendChoice;
  } catch {
    // localStorage can be disabled; fall through to the default.
  }
  return 'auto';
}

export function saveBackendChoice(choice: BackendChoice): void {
  try {
    localStorage.setItem(BACKEND_KEY, choice);
  } catch {
    // Not persisting a preference is harmless.
  }
}

export const BACKEND_CHOICES = CHOICES;

const ONNX_PROVIDER_KEY = 'tensordojo.onnxProvider';
const ONNX_PROVIDERS: readonly OnnxProviderChoice[] = ['auto', 'webgpu', 'wasm'];

/**
 * Execution providers for the second (ONNX) engine. No menu: `auto` is right for users; tests and
 * people curious about the WebGPU EP on a software adapter set the key by hand.
 */
export function loadOnnxProvider(): OnnxProviderChoice {
  try {
    const stored = localStorage.getItem(ONNX_PROVIDER_KEY);
    if (stored && (ONNX_PROVIDERS as readonly string[]).includes(stored)) return stored as OnnxProviderChoice;
  } catch {
    // localStorage can be disabled; fall through to the default.
  }
  return 'auto';
}

const CROSS_CHECK_KEY = 'tensordojo.crossCheck';

/** Whether Submit also runs the ONNX reference (default on; `off` measures tfjs alone, e.g. in the benchmark). */
export function loadCrossCheck(): boolean {
  try {
    return localStorage.getItem(CROSS_CHECK_KEY) !== 'off';
  } catch {
    return true;
  }
}
