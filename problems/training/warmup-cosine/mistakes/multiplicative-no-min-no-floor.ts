export function warmupCosine(steps: number[], baseLr: number, warmupSteps: number, totalSteps: number, minLr: number): number[] {
  return steps.map((step) => {
    if (step < warmupSteps) return (baseLr * step) / warmupSteps;
    const progress = (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
    // Bug: Hugging Face-style multiplier: decays to 0 (minLr ignored) and has no floor past totalSteps.
    return baseLr * Math.max(0, 0.5 * (1 + Math.cos(Math.PI * progress)));
  });
}
