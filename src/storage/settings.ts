/** Small synchronous preferences in localStorage. */
import type { BackendChoice, OnnxProviderChoice } from '../shared/protocol';

const BACKEND_KEY = 'tensordojo.backend';
const CHOICES: readonly BackendChoice[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

/** The stored value of `key` when it is one of `choices`, else `fallback`. */
function loadChoice<T extends string>(key: string, choices: readonly T[], fallback: T): T {
  try {
    const stored = localStorage.getItem(key);
    if (stored && (choices as readonly string[]).includes(stored)) return stored as T;
  } catch {
    // localStorage can be disabled; fall through to the default.
  }
  return fallback;
}

export function loadBackendChoice(): BackendChoice {
  return loadChoice(BACKEND_KEY, CHOICES, 'auto');
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
  return loadChoice(ONNX_PROVIDER_KEY, ONNX_PROVIDERS, 'auto');
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
