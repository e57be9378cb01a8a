export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  return steps.map((step) => {
    if (step < warmupSteps) return (baseLr * step) / warmupSteps;
    if (step > totalSteps) return 0; // Bug: past the end the rate drops to 0 instead of staying at minLr
    const progress = (step - warmupSteps) / (totalSteps - warmupSteps);
    const coeff = 0.5 * (1 + Math.cos(Math.PI * progress));
    return minLr + coeff * (baseLr - minLr);
  });
}
