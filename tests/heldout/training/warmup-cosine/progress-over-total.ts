// Held-out wrong variant: cosine progress measured over totalSteps, rho = (s - W)/S, instead of over the decay length S - W.
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  const lrAt = (s: number): number => {
    if (s < warmupSteps) return (baseLr * s) / warmupSteps;
    if (s > totalSteps) return minLr;
    const progress = (s - warmupSteps) / totalSteps;
    const cosineFactor = 0.5 * (1 + Math.cos(Math.PI * progress));
    return minLr + cosineFactor * (baseLr - minLr);
  };
  return steps.map(lrAt);
}
