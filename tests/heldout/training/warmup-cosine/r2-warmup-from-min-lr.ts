// Held-out wrong variant: the linear warmup ramps from minLr up to baseLr instead of from 0.
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  return steps.map((s) => {
    if (s < warmupSteps) return minLr + ((baseLr - minLr) * s) / warmupSteps;
    if (s > totalSteps) return minLr;
    const rho = (s - warmupSteps) / (totalSteps - warmupSteps);
    return minLr + 0.5 * (1 + Math.cos(Math.PI * rho)) * (baseLr - minLr);
  });
}
