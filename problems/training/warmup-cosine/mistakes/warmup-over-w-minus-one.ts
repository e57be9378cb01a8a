export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  return steps.map((step) => {
    // Bug: the ramp is made to reach baseLr on the last warmup step, step / (warmupSteps − 1).
    if (step < warmupSteps) return (baseLr * step) / (warmupSteps - 1);
    if (step > totalSteps) return minLr;
    const progress = (step - warmupSteps) / (totalSteps - warmupSteps);
    const coeff = 0.5 * (1 + Math.cos(Math.PI * progress));
    return minLr + coeff * (baseLr - minLr);
  });
}
