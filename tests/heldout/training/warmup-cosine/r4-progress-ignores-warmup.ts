// Held-out wrong variant: the cosine progress is ρ = s/S instead of (s − W)/(S − W), so the decay does not start at the peak after warmup.
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  const out: number[] = [];
  for (const s of steps) {
    let lr: number;
    if (s < warmupSteps) {
      lr = baseLr * (s / warmupSteps);
    } else if (s <= totalSteps) {
      const progress = s / totalSteps;
      lr = minLr + 0.5 * (1 + Math.cos(Math.PI * progress)) * (baseLr - minLr);
    } else {
      lr = minLr;
    }
    out.push(lr);
  }
  return out;
}
