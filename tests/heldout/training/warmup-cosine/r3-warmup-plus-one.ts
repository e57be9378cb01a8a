// Held-out wrong variant: the warmup ramp is baseLr·(s + 1)/(W + 1) (nanoGPT-style off-by-one) instead of baseLr·s/W, so η(0) ≠ 0.
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  return steps.map((s) => {
    if (s < warmupSteps) return (baseLr * (s + 1)) / (warmupSteps + 1);
    if (s > totalSteps) return minLr;
    const ratio = (s - warmupSteps) / (totalSteps - warmupSteps);
    return minLr + 0.5 * (1 + Math.cos(Math.PI * ratio)) * (baseLr - minLr);
  });
}
