/** Small synchronous preferences in localStorage. */
import type { BackendChoice } from '../shared/protocol';

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
