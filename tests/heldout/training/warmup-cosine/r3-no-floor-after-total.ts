// Held-out wrong variant: omits the s > totalSteps case, so past the end the cosine formula keeps going and the learning rate rises back up instead of staying at minLr.
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  const decaySteps = totalSteps - warmupSteps;
  return steps.map((step) => {
    if (step < warmupSteps) {
      return (baseLr * step) / warmupSteps;
    }
    const progress = (step - warmupSteps) / decaySteps;
    return minLr + 0.5 * (baseLr - minLr) * (1 + Math.cos(Math.PI * progress));
  });
}
