import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { plainNumber } from '../../../src/judge/contract';
import type { Rng } from '../../../src/judge/rng';
import { rocAuc } from './reference';

/**
 * n labelled scores: positives score `shift` higher on average. With `levels`, scores are rounded
 * to that many distinct values (lots of ties). Both classes are always present.
 */
function scored(rng: Rng, n: number, pPos: number, shift: number, levels?: number, scale = 1) {
  const labels: number[] = Array.from({ length: n }, () => (rng.next() < pPos ? 1 : 0));
  const pos = rng.int(0, n - 1);
  labels[pos] = 1;
  labels[(pos + rng.int(1, n - 1)) % n] = 0;
  const scores = labels.map((l) => {
    const raw = rng.gaussian() + (l === 1 ? shift : 0);
    return (levels ? Math.round(raw * (levels / 4)) : raw) * scale;
  });
  return [scores, labels];
}

function hidden(rng: Rng, name: string, n: number, pPos: number, shift: number, levels?: number, scale = 1): CaseSpec {
  return { name, public: false, args: scored(rng, n, pPos, shift, levels, scale) };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: no ties', public: true, args: [[0.9, 0.8, 0.7, 0.6, 0.55, 0.4], [1, 1, 0, 1, 0, 0]] },
    { name: 'example 2: tied scores', public: true, args: [[0.5, 0.5, 0.2, 0.5, 0.5], [1, 0, 0, 1, 1]] },
    hidden(rng, 'hidden: continuous scores', 60, 0.4, 1),
    hidden(rng, 'hidden: heavily tied scores', 40, 0.5, 0.8, 4),
    { name: 'hidden: all scores equal', public: false, args: [[0.3, 0.3, 0.3, 0.3, 0.3], [1, 0, 0, 1, 0]] },
    { name: 'hidden: perfect ranking', public: false, args: [[3, 2.5, 2, -1, -2], [1, 1, 1, 0, 0]] },
    { name: 'hidden: perfectly inverted', public: false, args: [[-3, -2, 0.5, 1, 4], [1, 1, 0, 0, 0]] },
    { name: 'hidden: one positive, one negative, tied', public: false, args: [[1.5, 1.5], [0, 1]] },
    { name: 'hidden: both classes tied at the top score, more ties below', public: false, args: [[2, 2, 2, 1, 1, 0, 0, -1], [1, 0, 1, 0, 1, 1, 0, 0]] },
    hidden(rng, 'hidden: a single positive', 30, 0, 1, 6),
    hidden(rng, 'hidden: rare negatives', 50, 0.9, 0.5, 8),
    hidden(rng, 'hidden: large-magnitude logits', 80, 0.5, 1.5, undefined, 1000),
    hidden(rng, 'hidden: 1500 samples, 12 score levels', 1500, 0.3, 0.7, 12),
    hidden(rng, 'hidden: worse than chance', 40, 0.5, -0.8, 5),
  ];
  for (let i = 0; i < 3; i++) {
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(5, 200), 0.2 + rng.next() * 0.6, rng.next() * 2 - 0.5, rng.pick([undefined, 3, 6, 10])));
  }
  return list;
}

export default defineProblem({
  id: 'classic-ml/roc-auc',
  entry: 'rocAuc',
  argNames: ['scores', 'labels'],
  reference: rocAuc,
  // number: the AUC in [0, 1].
  output: plainNumber(),
  cases,
  mistakes: [
    {
      id: 'swapped-axes',
      title: 'integrated FPR over TPR (axes swapped)',
      explanation: 'The ROC curve plots TPR (y) against FPR (x); the area is ∫ TPR d(FPR). Swapping the axes gives 1 − AUC.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ties-count-zero',
      title: 'tied positive/negative pairs counted as 0 instead of 1/2',
      explanation: 'A positive and a negative with the same score are ordered correctly half the time: count the pair as 1/2 (equivalently, a diagonal ROC segment through a tied group).',
      diagnostic: 'mismatch',
    },
    {
      id: 'step-rule-upper',
      title: 'step rule instead of the trapezoid: tied pairs counted as wins',
      explanation: 'When a tied group contains both classes the ROC curve moves diagonally; a rectangle at the new TPR counts those pairs as 1. Use the trapezoid (1/2 per tied pair).',
      diagnostic: 'mismatch',
    },
    {
      id: 'ties-not-grouped',
      title: 'tied scores walked one sample at a time',
      explanation: 'After sorting, samples with equal scores must be consumed as one group (one threshold). Walking them one by one lets the arbitrary order within the tie decide the area.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ranks-without-tie-averaging',
      title: 'rank-sum formula without averaging tied ranks',
      explanation: 'The Mann–Whitney form AUC = (R₊ − n₊(n₊+1)/2)/(n₊n₋) needs tied scores to share their average rank; distinct ranks make the answer depend on input order.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sorted-ascending',
      title: 'scores sorted ascending (threshold swept from −∞ up)',
      explanation: 'The sweep starts at the highest score: sort descending so the curve runs from (0, 0) to (1, 1). Sweeping from the lowest score accumulates the area on the wrong side of the curve and gives 1 − AUC.',
      diagnostic: 'mismatch',
    },
    {
      id: 'curve-not-from-origin',
      title: 'ROC curve not started at (0, 0)',
      explanation: 'The curve starts at (0, 0) (threshold above every score). Integrating only between the points after each threshold drops the first segment, which has area whenever the top score is tied between a positive and a negative.',
      diagnostic: 'mismatch',
    },
    {
      id: 'string-sorted-thresholds',
      title: 'Array.sort() without a comparator (scores compared as strings)',
      explanation: "JavaScript's default sort compares the numbers' string forms, so −2 sorts after −10 and 10 before 9; the thresholds are then not visited from high to low. Pass a numeric comparator: sort((a, b) => b - a).",
      diagnostic: 'mismatch',
    },
    {
      id: 'string-sorted-tie-groups',
      title: 'tie groups visited in string order (sort() without a comparator)',
      explanation: "The distinct scores were sorted with the default sort, which compares their string forms (\"10\" < \"9\", \"-2\" > \"-10\"), so the groups are not walked from the highest score down. Use sort((a, b) => b - a).",
      diagnostic: 'mismatch',
    },
    {
      id: 'rank-sum-zero-based',
      title: 'rank-sum formula with 0-based ranks',
      explanation: 'The Mann–Whitney formula (R₊ − n₊(n₊ + 1)/2) / (n₊n₋) needs ranks starting at 1. With 0-based positions every positive loses 1 and the AUC comes out low by 1/n₋.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rank-sum-wrong-offset',
      title: 'rank-sum formula subtracts n₊(n₊ − 1)/2 instead of n₊(n₊ + 1)/2',
      explanation: 'With 1-based ranks, the positives\' rank sum minus n₊(n₊ + 1)/2 counts the negatives each positive beats. Subtracting n₊(n₊ − 1)/2 leaves n₊ too many and the AUC comes out high by 1/n₋.',
      diagnostic: 'mismatch',
    },
    {
      id: 'strict-threshold',
      title: 'TPR/FPR counted with s > t instead of s ≥ t',
      explanation: 'At threshold t a sample is predicted positive when s ≥ t. With a strict >, each threshold leaves out its own group, the curve ends short of (1, 1) and the last segment\'s area is lost.',
      diagnostic: 'mismatch',
    },
    {
      id: 'area-not-normalised',
      title: 'area left as a pair count, not divided by n₊·n₋',
      explanation: 'The sweep adds up correctly ordered positive/negative pairs (ties as 1/2); the AUC is that count divided by the number of pairs n₊·n₋, so it lies in [0, 1].',
      diagnostic: 'mismatch',
    },
    {
      id: 'rates-over-n',
      title: 'TPR and FPR divided by n instead of the class sizes',
      explanation: 'TPR = TP / n₊ and FPR = FP / n₋: each axis is normalised by its own class, so the area is divided by n₊·n₋, not n².',
      diagnostic: 'mismatch',
    },
  ],
});
