export function rocAuc(scores: number[], labels: number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j] !== 0) continue;
      pairs++;
      // Bug: a tied (positive, negative) pair counts 0 instead of 1/2.
      if (scores[i] > scores[j]) wins++;
    }
  }
  return wins / pairs;
}
