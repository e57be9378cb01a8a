export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  return steps.map((step) => {
    // Bug: ramp shifted by one on both sides, (step + 1) / (warmupSteps + 1), so step 0 is not 0.
    if (step < warmupSteps) return (baseLr * (step + 1)) / (warmupSteps + 1);
    if (step > totalSteps) return minLr;
    const progress = (step - warmupSteps) / (totalSteps - warmupSteps);
    const coeff = 0.5 * (1 + Math.cos(Math.PI * progress));
    return minLr + coeff * (baseLr - minLr);
  });
}
