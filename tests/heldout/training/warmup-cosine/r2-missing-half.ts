// Held-out wrong variant: drops the 1/2 in the cosine factor, using (1 + cos(pi * rho)) * (baseLr - minLr).
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  return steps.map((s) => {
    if (s < warmupSteps) return (baseLr * s) / warmupSteps;
    if (s > totalSteps) return minLr;
    const rho = (s - warmupSteps) / (totalSteps - warmupSteps);
    return minLr + (1 + Math.cos(Math.PI * rho)) * (baseLr - minLr);
  });
}
