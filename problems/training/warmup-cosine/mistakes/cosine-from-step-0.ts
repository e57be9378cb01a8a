export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  return steps.map((step) => {
    if (step < warmupSteps) return (baseLr * step) / warmupSteps;
    if (step > totalSteps) return minLr;
    // Bug: the cosine clock starts at step 0, so it bottoms out warmupSteps too early.
    const progress = Math.min(1, step / (totalSteps - warmupSteps));
    const coeff = 0.5 * (1 + Math.cos(Math.PI * progress)); // 1 → 0
    return minLr + coeff * (baseLr - minLr);
  });
}
