import type { Plain } from '../judge/compare';
import type { ArgSpec } from '../judge/problem';
import type { OnnxFormulation } from './formulation';
import type { OnnxEngine } from './OrtEngine';

/** A problem's ONNX formulation plus the engine that runs it. */
export interface CrossCheck {
  engine: OnnxEngine;
  formulation: OnnxFormulation;
}

/** The second reference's answer for one case, and which execution provider computed it. */
export async function onnxExpected(check: CrossCheck, args: ArgSpec[]): Promise<{ value: Plain; provider: string }> {
  const prepared = check.formulation.forCase(args);
  // Models are built and shipped to the engine only the first time a shape is seen.
  const model = (await check.engine.has(prepared.key)) ? undefined : prepared.model();
  const { provider, outputs } = await check.engine.run(prepared.key, model, prepared.feeds);
  const plain: Record<string, Plain> = {};
  for (const [name, tensor] of Object.entries(outputs)) {
    plain[name] = { kind: 'tensor', shape: tensor.dims, dtype: tensor.dtype, data: tensor.data };
  }
  return { value: prepared.assemble(plain), provider };
}
