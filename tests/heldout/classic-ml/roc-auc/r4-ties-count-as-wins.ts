// Held-out wrong variant: pair counting uses s_pos >= s_neg, so a tied positive/negative pair counts as a full win instead of one half.
import * as tf from '@tensorflow/tfjs';

export function rocAuc(scores: number[], labels: number[]): number {
  const pos: number[] = [];
  const neg: number[] = [];
  scores.forEach((s, i) => (labels[i] === 1 ? pos : neg).push(s));
  let wins = 0;
  for (const p of pos) {
    for (const q of neg) {
      if (p >= q) wins += 1;
    }
  }
  return wins / (pos.length * neg.length);
}
