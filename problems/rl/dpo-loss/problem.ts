import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { dpoLoss } from './reference';

/**
 * Summed log-probs for B pairs: reference log-probs of whole responses (−20 … −400), and the policy
 * drifted from the reference by N(0, drift²) nats per response.
 */
function logps(rng: Rng, B: number, drift: number): TensorSpec[] {
  const ref = () => Array.from({ length: B }, () => -(20 + 380 * rng.next()));
  const refChosen = ref();
  const refRejected = ref();
  const policyChosen = refChosen.map((r) => r + drift * rng.gaussian());
  const policyRejected = refRejected.map((r) => r + drift * rng.gaussian());
  return [tensorSpec(policyChosen, [B]), tensorSpec(policyRejected, [B]), tensorSpec(refChosen, [B]), tensorSpec(refRejected, [B])];
}

function tieMask(rng: Rng, B: number, p: number): TensorSpec {
  return rng.bernoulli([B], p, 'bool');
}

function hidden(rng: Rng, name: string, B: number, drift: number, beta: number, pTie?: number): CaseSpec {
  const args: CaseSpec['args'] = [...logps(rng, B, drift), beta];
  if (pTie !== undefined) args.push(tieMask(rng, B, pTie));
  return { name, public: false, args };
}

/**
 * Makes pair 0 a preference the policy gets badly wrong (z = −300β: the chosen response lost 150
 * nats against the reference, the rejected one gained 150), and checks that some non-tie pair has
 * z < −90, where sigmoid(z) underflows to 0 in float32 and log(sigmoid(z)) is −Infinity.
 */
function farFromReference(spec: CaseSpec): CaseSpec {
  const [pc, pr, rc, rr, beta, ties] = spec.args as [TensorSpec, TensorSpec, TensorSpec, TensorSpec, number, TensorSpec | undefined];
  pc.data[0] = rc.data[0] - 150;
  pr.data[0] = rr.data[0] + 150;
  if (ties) ties.data[0] = 0;
  const margins = Array.from(pc.data, (_, i) => beta * (pc.data[i] - rc.data[i] - (pr.data[i] - rr.data[i])));
  if (!margins.some((z, i) => z < -90 && !(ties && ties.data[i]))) throw new Error('dpo-loss: the stability case needs a non-tie pair with z < −90');
  return spec;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: two pairs, β = 0.1, no ties',
      public: true,
      args: [tensorSpec([-12.5, -30.2], [2]), tensorSpec([-15, -28], [2]), tensorSpec([-13, -31], [2]), tensorSpec([-14, -27.5], [2]), 0.1],
    },
    {
      name: 'example 2: three pairs, β = 0.5, the middle one a tie',
      public: true,
      args: [
        tensorSpec([-10, -20, -8], [3]),
        tensorSpec([-12, -21, -9], [3]),
        tensorSpec([-11, -22, -7], [3]),
        tensorSpec([-11, -20, -10], [3]),
        0.5,
        tensorSpec([0, 1, 0], [3], 'bool'),
      ],
    },
    hidden(rng, 'hidden: 16 pairs, β = 0.1', 16, 3, 0.1),
    hidden(rng, 'hidden: batch 1', 1, 2, 0.2),
    hidden(rng, 'hidden: 12 pairs with ties', 12, 4, 0.1, 0.3),
    hidden(rng, 'hidden: ties tensor given, no pair is a tie', 6, 3, 0.3, 0),
    hidden(rng, 'hidden: batch 1, a single tie (accuracy has no pairs)', 1, 5, 0.5, 1),
    hidden(rng, 'hidden: every pair a tie', 5, 3, 0.2, 1),
    hidden(rng, 'hidden: small β = 0.01', 10, 20, 0.01),
    farFromReference(hidden(rng, 'hidden: β = 1, policy far from reference (|z| > 100): log σ must be stable', 12, 300, 1)),
    farFromReference(hidden(rng, 'hidden: ties, policy far from reference (stability)', 12, 300, 1, 0.5)),
    hidden(rng, 'hidden: 256 pairs, β = 0.5, ties', 256, 5, 0.5, 0.2),
  ];
  {
    // The first DPO step: the policy is still the reference, so every margin is exactly 0 — the
    // loss is log 2 per pair and no preference pair counts as correct (z > 0 is strict).
    const B = 6;
    const [, , refChosen, refRejected] = logps(rng, B, 0);
    list.push({
      name: 'hidden: first step, policy = reference (every z exactly 0, accuracy 0)',
      public: false,
      args: [refChosen, refRejected, refChosen, refRejected, 0.1, tensorSpec([0, 1, 0, 0, 1, 0], [B], 'bool')],
    });
  }
  {
    // Every pair has z < 0 (the policy prefers each rejected answer), a third of them ties: the
    // accuracy is 0 whether or not ties are counted, so only the losses tell tie handling apart.
    const B = 9;
    const [, , refChosen, refRejected] = logps(rng, B, 0);
    const policyChosen = Array.from(refChosen.data, (r) => r - (0.5 + Math.abs(rng.gaussian())));
    const policyRejected = Array.from(refRejected.data, (r) => r + (0.5 + Math.abs(rng.gaussian())));
    policyChosen.forEach((c, i) => {
      const z = Math.fround(c) - refChosen.data[i] - (Math.fround(policyRejected[i]) - refRejected.data[i]);
      if (!(z < -0.5)) throw new Error('dpo-loss: the all-negative case needs z < 0 on every pair');
    });
    list.push({
      name: 'hidden: every margin negative, with ties',
      public: false,
      args: [tensorSpec(policyChosen, [B]), tensorSpec(policyRejected, [B]), refChosen, refRejected, 0.3, tensorSpec([1, 0, 0, 1, 0, 0, 1, 0, 0], [B], 'bool')],
    });
  }
  for (let i = 0; i < 3; i++) {
    const withTies = rng.next() < 0.5;
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(1, 40), 1 + 10 * rng.next(), rng.pick([0.05, 0.1, 0.25, 0.5]), withTies ? 0.25 : undefined));
  }
  // The tie labels may also arrive as a float32 0/1 tensor.
  const floatTies = hidden(rng, 'hidden: ties as a float32 0/1 tensor', 10, 4, 0.2);
  floatTies.args.push(rng.bernoulli([10], 0.4, 'float32'));
  list.push(floatTies);
  return list;
}

export default defineProblem({
  id: 'rl/dpo-loss',
  entry: 'dpoLoss',
  argNames: ['policyChosenLogps', 'policyRejectedLogps', 'refChosenLogps', 'refRejectedLogps', 'beta', 'ties'],
  reference: dpoLoss,
  // Tensors { loss [], rewardsChosen [B], rewardsRejected [B], accuracy [] } (no dtype stated; float32).
  output: objectOf({
    loss: scalarTensor(),
    rewardsChosen: tensorOf('float32', (args) => shapeOf(args, 0)),
    rewardsRejected: tensorOf('float32', (args) => shapeOf(args, 0)),
    accuracy: scalarTensor(),
  }),
  cases,
  mistakes: [
    {
      id: 'sign-flipped',
      title: 'margin taken as rejected − chosen',
      explanation:
        'z must be rewardsChosen − rewardsRejected: the loss −log σ(z) is small when the chosen response gains probability relative to the reference. Flipping it trains the model to prefer the rejected answers.',
      diagnostic: 'mismatch',
    },
    {
      id: 'beta-outside-sigmoid',
      title: 'β multiplies the loss instead of the margin inside the sigmoid',
      explanation:
        'DPO is −log σ(β·(Δ_chosen − Δ_rejected)); β scales the log-ratio margin before the sigmoid. −β·log σ(Δ) is a different loss (just a rescaled learning rate on an unscaled margin).',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-reference',
      title: 'reference log-probs left out',
      explanation:
        'The implicit reward is β·(log π(y|x) − log π_ref(y|x)), a log-ratio to the frozen reference model. Without refChosenLogps/refRejectedLogps there is no KL anchor and the rewards are just scaled log-likelihoods.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sigmoid-not-log',
      title: 'σ(z) used instead of log σ(z)',
      explanation: 'The loss is the negative log-likelihood of the preference under Bradley–Terry: −log σ(z), computed stably with tf.logSigmoid(z). −σ(z) has vanishing gradients for wrong pairs.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ties-as-preferences',
      title: 'ties treated as ordinary preferences',
      explanation:
        'A tied pair carries no preference: its loss is −½(log σ(z) + log σ(−z)), which pulls z towards 0, and it is left out of the accuracy. Use tf.where(ties, tieLoss, prefLoss).',
      diagnostic: 'mismatch',
    },
    {
      id: 'naive-log-sigmoid',
      title: 'log(sigmoid(z)) computed naively',
      explanation:
        'For z ≲ −90, sigmoid(z) underflows to 0 in float32 and its log is −Infinity. Use tf.logSigmoid(z) (= −softplus(−z)), which is finite for every z.',
      diagnostic: 'non-finite',
    },
    {
      id: 'ties-dropped-from-loss',
      title: 'tied pairs left out of the loss',
      explanation:
        'A tie is a training signal too: its loss −½(log σ(z) + log σ(−z)) pulls the margin towards 0. Average the per-pair losses over all B pairs, ties included; only the accuracy leaves ties out.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-mean-over-non-ties',
      title: 'loss averaged over the non-tie pairs only',
      explanation:
        'The loss is the mean over all B pairs, ties included: a tie contributes −½(log σ(z) + log σ(−z)), which pulls its margin towards 0. Summing over the preference pairs and dividing by their count drops that signal — and is 0 / 0 = NaN when every pair is a tie. Use perPair.mean() over the whole batch; only the accuracy leaves ties out.',
      diagnostic: 'mismatch',
    },
    {
      id: 'accuracy-over-all-pairs',
      title: 'accuracy divided by all B pairs instead of the non-tie pairs',
      explanation:
        'Ties are left out of the accuracy entirely — out of the count of correct pairs and out of the denominator. Dividing the correct preference pairs by B counts every tie as a wrong answer. Divide by the number of non-tie pairs (and give 0 when there are none).',
      diagnostic: 'mismatch',
    },
    {
      id: 'margin-without-beta',
      title: 'margin z built without β (β only scales the reported rewards)',
      explanation:
        'The margin inside the sigmoid is the difference of the β-scaled rewards: z = r_c − r_r = β·(Δ_chosen − Δ_rejected). Leaving β out of z trains at inverse temperature 1 whatever β is; build z from rewardsChosen and rewardsRejected.',
      diagnostic: 'mismatch',
    },
    {
      id: 'accuracy-includes-ties',
      title: 'tied pairs counted in the accuracy',
      explanation:
        'A tie has no right answer, so it cannot be classified correctly or wrongly: the accuracy is the fraction of non-tie pairs with z > 0. Mask the ties out of both the count of correct pairs and the denominator.',
      diagnostic: 'mismatch',
    },
    {
      id: 'beta-on-policy-only',
      title: 'β multiplies only the policy log-prob (β·log π − log π_ref)',
      explanation:
        'The implicit reward is β times the log-ratio: β·(log π_θ(y) − log π_ref(y)). Scaling only the policy term leaves the reference log-prob unscaled, so rewards, margin and loss are all off.',
      diagnostic: 'mismatch',
    },
    {
      id: 'tie-loss-missing-half',
      title: 'tie loss missing the factor ½',
      explanation:
        'For a tie the loss is the average of the two directions: −½(log σ(z) + log σ(−z)). Without the ½ every tied pair counts twice as much as it should.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-summed',
      title: 'loss summed over the batch instead of averaged',
      explanation:
        '𝓛 is the mean of the per-pair losses, (1/B) Σ ℓ_i: use mean(), not sum(), so the loss does not grow with the batch size.',
      diagnostic: 'mismatch',
    },
    {
      id: 'accuracy-counts-zero-margin',
      title: 'a zero margin counted as correct (z ≥ 0 instead of z > 0)',
      explanation:
        'A pair is ranked correctly only when the chosen reward is strictly above the rejected one (z > 0). With ≥, a policy equal to the reference (z = 0 everywhere) scores accuracy 1 instead of 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rewards-without-beta',
      title: 'reported rewards are the raw log-ratios (β left out)',
      explanation:
        'rewardsChosen and rewardsRejected are the implicit rewards β·(log π_θ − log π_ref), the same quantities whose difference is the margin z. Returning the unscaled log-ratios reports them off by a factor β.',
      diagnostic: 'mismatch',
    },
    {
      id: 'accuracy-as-count',
      title: 'accuracy returned as a count of correct pairs, not a fraction',
      explanation:
        'Accuracy is the fraction of preference pairs with z > 0: divide the number of correct pairs by the number of non-tie pairs.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-divided-by-non-ties',
      title: 'every pair’s loss summed but divided by the number of non-tie pairs',
      explanation:
        'The loss is the mean over all B pairs, ties included: (1/B) Σ ℓ_i. Reusing the accuracy’s denominator (the non-tie count) divides the full sum by too few pairs whenever there are ties.',
      diagnostic: 'mismatch',
    },
  ],
});
