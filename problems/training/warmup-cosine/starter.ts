/**
 * Learning rate at each step of a linear-warmup + cosine-decay schedule.
 * steps: integer step indices (any order); baseLr: peak lr; warmupSteps: length of the warmup
 * (0 ≤ warmupSteps < totalSteps); totalSteps: step at which the decay reaches minLr; minLr: floor.
 *   step < warmupSteps:               baseLr · step / warmupSteps
 *   warmupSteps ≤ step ≤ totalSteps:  minLr + ½(1 + cos(π·(step − warmupSteps)/(totalSteps − warmupSteps)))·(baseLr − minLr)
 *   step > totalSteps:                minLr
 * Returns one number per step, in the same order.
 */
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  // TODO
  return steps.map(() => baseLr);
}
