export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  return steps.map((step) => {
    if (step < warmupSteps) return (baseLr * step) / warmupSteps;
    if (step > totalSteps) return minLr;
    const progress = (step - warmupSteps) / (totalSteps - warmupSteps); // 0 → 1 over the decay phase
    const coeff = 0.5 * (1 - Math.cos(Math.PI * progress)); // Bug: 1 − cos, rises from 0 to 1
    return minLr + coeff * (baseLr - minLr);
  });
}
