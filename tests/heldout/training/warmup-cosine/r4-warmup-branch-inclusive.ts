// Held-out wrong variant: the warmup branch uses s <= W instead of s < W, so with no warmup (W = 0) step 0 computes 0/0 = NaN instead of baseLr.
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  const decaySteps = totalSteps - warmupSteps;
  return steps.map((step) => {
    if (step <= warmupSteps) return (baseLr * step) / warmupSteps;
    if (step >= totalSteps) return minLr;
    const cosine = 0.5 * (1 + Math.cos((Math.PI * (step - warmupSteps)) / decaySteps));
    return minLr + cosine * (baseLr - minLr);
  });
}
