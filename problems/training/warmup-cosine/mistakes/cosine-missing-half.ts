/**
 * Linear warmup then cosine decay to minLr (the nanoGPT / Hugging Face schedule).
 * lr(step) for every step in `steps`.
 */
export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  return steps.map((step) => {
    if (step < warmupSteps) return (baseLr * step) / warmupSteps;
    if (step > totalSteps) return minLr;
    const progress = (step - warmupSteps) / (totalSteps - warmupSteps); // 0 → 1 over the decay phase
    const coeff = 1 + Math.cos(Math.PI * progress); // Bug: no ½, so the coefficient runs 2 → 0
    return minLr + coeff * (baseLr - minLr);
  });
}
