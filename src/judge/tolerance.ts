import type { BackendName, Tolerance } from '../shared/protocol';
import type { ProblemDefinition } from './problem';

/**
 * Default closeness per backend: |got - expected| <= atol + rtol·|expected|. cpu and wasm compute
 * in float32 with exact kernels; GPU backends reorder reductions and use fast exp, so they get
 * looser bounds. Every known mistake must still land far outside these.
 */
export const DEFAULT_TOLERANCE: Record<BackendName, Tolerance> = {
  cpu: { atol: 1e-4, rtol: 1e-3 },
  wasm: { atol: 1e-4, rtol: 1e-3 },
  webgl: { atol: 2e-3, rtol: 1e-2 },
  webgpu: { atol: 1e-3, rtol: 5e-3 },
};

export function toleranceFor(problem: ProblemDefinition, backend: BackendName): Tolerance {
  return problem.tolerance?.[backend] ?? DEFAULT_TOLERANCE[backend];
}
