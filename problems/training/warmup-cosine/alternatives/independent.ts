// Style: a single helper that evaluates the piecewise schedule for one step, mapped over the
// input array (plain JS numbers, no tensors); cosine written via the "progress" fraction.
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  const lrAt = (s: number): number => {
    if (s < warmupSteps) return (baseLr * s) / warmupSteps;
    if (s > totalSteps) return minLr;
    const progress = (s - warmupSteps) / (totalSteps - warmupSteps);
    const cosineFactor = 0.5 * (1 + Math.cos(Math.PI * progress));
    return minLr + cosineFactor * (baseLr - minLr);
  };
  return steps.map(lrAt);
}
