import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { arrayOf, plainNumber } from '../../../src/judge/contract';
import type { Rng } from '../../../src/judge/rng';
import { warmupCosine } from './reference';

/** Steps that hit every boundary of a schedule, plus a few random ones, shuffled. */
function probeSteps(rng: Rng, warmup: number, total: number, extra = 6): number[] {
  const set = new Set<number>([0, 1, warmup - 1, warmup, warmup + 1, Math.floor((warmup + total) / 2), total - 1, total, total + 1, total + Math.max(1, Math.floor(total / 3))]);
  for (let i = 0; i < extra; i++) set.add(rng.int(0, Math.floor(total * 1.2)));
  const steps = [...set].filter((s) => s >= 0);
  for (let i = steps.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [steps[i], steps[j]] = [steps[j], steps[i]];
  }
  return steps;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: warmup 4, total 12', public: true, args: [[0, 1, 2, 3, 4, 6, 8, 10, 12, 14], 1, 4, 12, 0.1] },
    { name: 'example 2: no warmup', public: true, args: [[0, 25, 50, 75, 100, 150], 3e-4, 0, 100, 3e-5] },
    { name: 'hidden: GPT-style schedule', public: false, args: [probeSteps(rng, 2000, 60000), 6e-4, 2000, 60000, 6e-5] },
    { name: 'hidden: warmup of 1 step', public: false, args: [probeSteps(rng, 1, 20), 0.1, 1, 20, 0.01] },
    { name: 'hidden: minLr 0', public: false, args: [probeSteps(rng, 10, 50), 1e-3, 10, 50, 0] },
    { name: 'hidden: minLr = baseLr (constant after warmup)', public: false, args: [probeSteps(rng, 5, 30), 0.02, 5, 30, 0.02] },
    { name: 'hidden: long warmup', public: false, args: [probeSteps(rng, 90, 100), 1, 90, 100, 0.2] },
    { name: 'hidden: single step in the decay phase', public: false, args: [[37], 2e-4, 10, 80, 1e-5] },
    { name: 'hidden: steps only inside the warmup', public: false, args: [[3, 0, 7, 1], 5e-4, 8, 100, 5e-5] },
    { name: 'hidden: steps only past the end', public: false, args: [[101, 500, 1000], 1e-3, 10, 100, 1e-4] },
    { name: 'hidden: repeated and unsorted steps', public: false, args: [[50, 10, 50, 0, 99, 10], 3e-4, 10, 100, 3e-5] },
  ];
  for (let i = 0; i < 3; i++) {
    const total = rng.int(20, 5000);
    const warmup = rng.int(0, Math.floor(total / 4));
    const baseLr = rng.pick([1e-4, 3e-4, 1e-3, 0.1]);
    const minLr = baseLr * rng.pick([0, 0.1, 0.05]);
    list.push({ name: `hidden: random schedule ${i + 1}`, public: false, args: [probeSteps(rng, warmup, total), baseLr, warmup, total, minLr] });
  }
  return list;
}

export default defineProblem({
  id: 'training/warmup-cosine',
  entry: 'warmupCosine',
  argNames: ['steps', 'baseLr', 'warmupSteps', 'totalSteps', 'minLr'],
  reference: warmupCosine,
  // number[]: one learning rate per entry of steps, same order and length (a plain array).
  output: arrayOf(plainNumber(), (args) => (args[0] as number[]).length),
  cases,
  // Learning rates are ~1e-4: compare relatively, the default atol would hide every mistake.
  tolerance: {
    cpu: { atol: 1e-10, rtol: 1e-5 },
    wasm: { atol: 1e-10, rtol: 1e-5 },
    webgl: { atol: 1e-10, rtol: 1e-5 },
    webgpu: { atol: 1e-10, rtol: 1e-5 },
  },
  mistakes: [
    {
      id: 'warmup-off-by-one',
      title: 'warmup off by one: (step + 1) / warmupSteps',
      explanation: 'The warmup is baseLr · step / warmupSteps: 0 at step 0 and exactly baseLr at step warmupSteps, where the cosine phase takes over. With step + 1 the peak comes one step early.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cosine-over-total',
      title: 'cosine progress divided by totalSteps instead of totalSteps − warmupSteps',
      explanation: 'The decay phase lasts totalSteps − warmupSteps steps; progress = (step − warmupSteps) / (totalSteps − warmupSteps) must reach 1 exactly at totalSteps.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cosine-from-step-0',
      title: 'cosine clock starts at step 0, so it decays early',
      explanation: 'Measure decay progress from the end of the warmup: (step − warmupSteps), not step. Otherwise the schedule reaches minLr warmupSteps steps early.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-min-lr',
      title: 'cosine decays to 0, ignoring minLr',
      explanation: 'Decay between baseLr and minLr: minLr + ½(1 + cos(π·progress))·(baseLr − minLr).',
      diagnostic: 'mismatch',
    },
    {
      id: 'min-lr-as-clamp',
      title: 'minLr applied as a clamp instead of the decay target',
      explanation: 'max(minLr, baseLr·cosine) decays towards 0 and then flattens abruptly. The cosine interpolates from baseLr down to minLr: minLr + coeff·(baseLr − minLr).',
      diagnostic: 'mismatch',
    },
    {
      id: 'cosine-missing-half',
      title: 'cosine coefficient without the ½ (starts at twice the peak)',
      explanation: '1 + cos(π·progress) runs from 2 down to 0; halve it, ½(1 + cos(π·progress)), so the decay starts exactly at baseLr after the warmup.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-clamp-after-total',
      title: 'no floor after totalSteps (the cosine climbs back up)',
      explanation: 'cos(π·progress) rises again for progress > 1. Return minLr for step > totalSteps.',
      diagnostic: 'mismatch',
    },
    {
      id: 'warmup-from-min-lr',
      title: 'linear warmup starts at minLr instead of 0',
      explanation: 'The warmup ramps from 0 to the peak: η(s) = η_max · s / W, so η(0) = 0. minLr is only the floor the cosine decays to.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cosine-missing-pi',
      title: 'cosine of ρ without the π',
      explanation: 'The half-cosine goes from 1 to 0 as ρ goes from 0 to 1: ½(1 + cos(π·ρ)). cos(ρ) alone barely decays (it ends at ½(1 + cos 1) ≈ 0.77).',
      diagnostic: 'mismatch',
    },
    {
      id: 'cosine-full-period',
      title: 'full cosine period cos(2πρ) instead of a half period',
      explanation: 'The decay is a half-cosine, ½(1 + cos(π·ρ)), which reaches 0 (the floor) at ρ = 1. With 2π the schedule dips to the floor halfway and climbs back to the peak.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cosine-sign-flipped',
      title: '½(1 − cos πρ): the schedule rises after warmup instead of decaying',
      explanation: 'At the start of the decay the coefficient must be 1 (the peak) and at the end 0 (the floor): ½(1 + cos(π·ρ)). With a minus sign it starts at the floor and ends at the peak.',
      diagnostic: 'mismatch',
    },
    {
      id: 'linear-decay',
      title: 'linear decay instead of a cosine',
      explanation: 'After warmup the rate follows ½(1 + cos(π·ρ)) between the peak and minLr; a straight line 1 − ρ has the same end points but different values in between.',
      diagnostic: 'mismatch',
    },
    {
      id: 'amplitude-not-minus-min',
      title: 'cosine amplitude baseLr instead of baseLr − minLr (peaks at baseLr + minLr)',
      explanation: 'η = η_min + ½(1 + cos πρ)·(η_max − η_min), so the decay starts exactly at the peak. Multiplying by η_max alone overshoots it by η_min.',
      diagnostic: 'mismatch',
    },
    {
      id: 'warmup-plus-one-over-plus-one',
      title: 'warmup ramp (step + 1) / (warmupSteps + 1) (nanoGPT-style), so step 0 is not 0',
      explanation: 'The stated ramp is baseLr · step / warmupSteps: exactly 0 at step 0 and baseLr at step warmupSteps. Shifting both the step and the length by one gives a non-zero rate at step 0 and a different slope.',
      diagnostic: 'mismatch',
    },
    {
      id: 'multiplicative-no-min-no-floor',
      title: 'baseLr · ½(1 + cos πρ) with no minLr and no floor after totalSteps (Hugging Face-style)',
      explanation: 'That multiplier decays to 0, not to minLr, and past totalSteps the cosine climbs back up. Use minLr + ½(1 + cos πρ)·(baseLr − minLr) and return minLr for step > totalSteps.',
      diagnostic: 'mismatch',
    },
    {
      id: 'zero-after-total',
      title: 'learning rate 0 after totalSteps instead of minLr',
      explanation: 'Past the end of the schedule the rate stays at the floor: return minLr for step > totalSteps, the value the cosine reached at totalSteps.',
      diagnostic: 'mismatch',
    },
    {
      id: 'warmup-over-w-minus-one',
      title: 'warmup divided by warmupSteps − 1 (peak reached one step early)',
      explanation: 'The ramp is baseLr · step / warmupSteps, reaching baseLr at step warmupSteps where the cosine starts. Dividing by warmupSteps − 1 overshoots the slope (and divides by 0 for a 1-step warmup).',
      diagnostic: 'mismatch',
    },
  ],
});
