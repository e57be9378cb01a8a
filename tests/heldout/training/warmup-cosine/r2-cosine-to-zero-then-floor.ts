// Held-out wrong variant: the cosine decays from baseLr to 0 and minLr is only applied as a floor with Math.max, instead of decaying between baseLr and minLr.
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  return steps.map((s) => {
    if (s < warmupSteps) return (baseLr * s) / warmupSteps;
    if (s > totalSteps) return minLr;
    const rho = (s - warmupSteps) / (totalSteps - warmupSteps);
    return Math.max(minLr, 0.5 * (1 + Math.cos(Math.PI * rho)) * baseLr);
  });
}
