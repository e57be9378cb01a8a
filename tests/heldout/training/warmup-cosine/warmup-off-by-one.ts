// Held-out wrong variant: warmup off by one, baseLr*(s+1)/W, so step 0 already has a non-zero learning rate.
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  const lrAt = (s: number): number => {
    if (s < warmupSteps) return (baseLr * (s + 1)) / warmupSteps;
    if (s > totalSteps) return minLr;
    const progress = (s - warmupSteps) / (totalSteps - warmupSteps);
    const cosineFactor = 0.5 * (1 + Math.cos(Math.PI * progress));
    return minLr + cosineFactor * (baseLr - minLr);
  };
  return steps.map(lrAt);
}
