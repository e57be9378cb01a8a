// Held-out wrong variant: the warmup uses (s + 1)/W instead of s/W, so the schedule starts at baseLr/W rather than 0.
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  return steps.map((s) => {
    if (s < warmupSteps) return (baseLr * (s + 1)) / warmupSteps;
    if (s > totalSteps) return minLr;
    const rho = (s - warmupSteps) / (totalSteps - warmupSteps);
    return minLr + 0.5 * (1 + Math.cos(Math.PI * rho)) * (baseLr - minLr);
  });
}
