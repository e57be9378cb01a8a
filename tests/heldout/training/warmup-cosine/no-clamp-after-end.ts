// Held-out wrong variant: no clamp after totalSteps, so the cosine keeps going and the lr rises again past S.
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  const lrAt = (s: number): number => {
    if (s < warmupSteps) return (baseLr * s) / warmupSteps;
    const progress = (s - warmupSteps) / (totalSteps - warmupSteps);
    const cosineFactor = 0.5 * (1 + Math.cos(Math.PI * progress));
    return minLr + cosineFactor * (baseLr - minLr);
  };
  return steps.map(lrAt);
}
