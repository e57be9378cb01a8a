import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { moeLayer } from './reference';

type Args = [TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, number, number];

/**
 * The routing in double precision: each token's k experts (probability descending, ties to the
 * lower index), how many tokens chose each expert, and whether some token has a tie across the
 * k-th / (k+1)-th place. Used to assert what each case promises.
 */
function routing(args: Args) {
  const [x, wr, , , , , k] = args;
  const [t, d] = x.shape;
  const e = wr.shape[1];
  const counts = new Array<number>(e).fill(0);
  let boundaryTie = false;
  const choices: number[][] = [];
  for (let i = 0; i < t; i++) {
    const logits = Array.from({ length: e }, (_, j) => {
      let s = 0;
      for (let c = 0; c < d; c++) s += x.data[i * d + c] * wr.data[c * e + j];
      return s;
    });
    const order = logits.map((_, j) => j).sort((a, b) => logits[b] - logits[a] || a - b);
    if (k < e && logits[order[k - 1]] === logits[order[k]]) boundaryTie = true;
    choices.push(order.slice(0, k));
    for (const j of order.slice(0, k)) counts[j]++;
  }
  return { counts, boundaryTie, choices };
}

function randomArgs(rng: Rng, t: number, d: number, e: number, f: number, k: number, capacity: number, routerScale = 1): Args {
  return [
    rng.normal([t, d]),
    rng.normal([d, e], routerScale),
    rng.normal([e, d, f], 1 / Math.sqrt(d)),
    rng.normal([e, f], 0.5),
    rng.normal([e, f, d], 1 / Math.sqrt(f)),
    rng.normal([e, d], 0.5),
    k,
    capacity,
  ];
}

type Claim = 'no drops' | 'drops' | 'drops past capacity + 1' | 'boundary tie';

/**
 * A case that throws unless its inputs have every claimed property. The drop claims are chosen to
 * hold by counting (T·k > E·capacity forces a drop; capacity ≥ T forbids one), so any seed keeps them.
 */
function checked(name: string, isPublic: boolean, args: Args, claims: Claim[]): CaseSpec {
  const { counts, boundaryTie } = routing(args);
  const capacity = args[7];
  for (const claim of claims) {
    const ok =
      claim === 'no drops' ? counts.every((c) => c <= capacity)
      : claim === 'drops' ? counts.some((c) => c > capacity)
      : claim === 'drops past capacity + 1' ? counts.some((c) => c >= capacity + 2)
      : boundaryTie;
    if (!ok) throw new Error(`moe-router case "${name}": promised ${claim}, counts [${counts}] with capacity ${capacity}`);
  }
  return { name, public: isPublic, args };
}

function hidden(name: string, args: Args, ...claims: Claim[]): CaseSpec {
  return checked(`hidden: ${name}`, false, args, claims);
}

/** Router weights whose columns `a` and `b` are equal, so those two experts tie on every token. */
function withTiedExperts(args: Args, a: number, b: number): Args {
  const wr = args[1];
  const [d, e] = wr.shape;
  const data = Float32Array.from(wr.data);
  for (let c = 0; c < d; c++) data[c * e + b] = data[c * e + a];
  const copy: Args = [...args];
  copy[1] = { ...wr, data };
  return copy;
}

function cases(rng: Rng): CaseSpec[] {
  const eye2 = [1, 0, 0, 1];
  const list: CaseSpec[] = [
    {
      name: 'example 1: top-1 (Switch), capacity 2, the third token for expert 0 is dropped',
      public: true,
      args: [
        tensorSpec([1, 0, 2, 1, -1, 1, 0.5, 2], [4, 2]),
        tensorSpec([1, -1, 0, 0], [2, 2]),
        tensorSpec([...eye2, ...eye2], [2, 2, 2]),
        tensorSpec([0, 0, 0, 0], [2, 2]),
        tensorSpec([...eye2, 0, 1, 1, 0], [2, 2, 2]),
        tensorSpec([0, 0, 1, 1], [2, 2]),
        1,
        2,
      ],
    },
    {
      name: 'example 2: top-2 of 3 experts, capacity 2, a tie and partial / full drops',
      public: true,
      args: [
        tensorSpec([1, 2, -1, 0], [4, 1]),
        tensorSpec([1, 0, -1], [1, 3]),
        tensorSpec([1, 1, 1], [3, 1, 1]),
        tensorSpec([0, 2, 0], [3, 1]),
        tensorSpec([1, 2, -1], [3, 1, 1]),
        tensorSpec([0, 0, 1], [3, 1]),
        2,
        2,
      ],
    },
  ];
  list.push(checked('example 3: 8 tokens, 4 experts, top-2, capacity 3', true, randomArgs(rng, 8, 4, 4, 6, 2, 3), ['drops']));
  list.push(hidden('top-1, capacity = T (nothing dropped)', randomArgs(rng, 10, 6, 4, 8, 1, 10), 'no drops'));
  list.push(hidden('top-2, large capacity (nothing dropped)', randomArgs(rng, 12, 8, 6, 10, 2, 12), 'no drops'));
  list.push(hidden('top-2, tight capacity (T·k/E − 2)', randomArgs(rng, 16, 8, 4, 8, 2, 6, 1.5), 'drops', 'drops past capacity + 1'));
  list.push(hidden('top-1, capacity 1', randomArgs(rng, 9, 5, 3, 6, 1, 1), 'drops past capacity + 1'));
  list.push(hidden('top-2, capacity 1', randomArgs(rng, 6, 4, 4, 5, 2, 1), 'drops past capacity + 1'));
  list.push(hidden('top-3 of 5 experts with drops', randomArgs(rng, 10, 6, 5, 8, 3, 4), 'drops past capacity + 1'));
  list.push(hidden('k = E (every expert, gates = probabilities)', randomArgs(rng, 7, 5, 3, 4, 3, 7), 'no drops'));
  list.push(hidden('k = E with capacity drops', randomArgs(rng, 7, 5, 3, 4, 3, 4), 'drops past capacity + 1'));
  list.push(hidden('one token', randomArgs(rng, 1, 6, 4, 8, 2, 1), 'no drops'));
  list.push(hidden('one token, top-1', randomArgs(rng, 1, 3, 5, 4, 1, 1), 'no drops'));
  list.push(hidden('tied experts (equal router columns), top-1', withTiedExperts(randomArgs(rng, 12, 4, 3, 6, 1, 12, 1.5), 0, 2), 'boundary tie', 'no drops'));
  list.push(hidden('tied experts (equal router columns), top-2 with drops', withTiedExperts(randomArgs(rng, 12, 4, 4, 6, 2, 5, 1.5), 1, 3), 'boundary tie', 'drops'));
  list.push(hidden('large router logits (stable softmax), top-1', randomArgs(rng, 10, 8, 4, 6, 1, 2, 40), 'drops'));
  list.push(hidden('realistic: 32 tokens, 8 experts, top-2, capacity factor 1.25', randomArgs(rng, 32, 16, 8, 32, 2, 10)));
  for (let i = 0; i < 3; i++) {
    const e = rng.int(2, 6);
    const k = rng.int(1, Math.min(3, e));
    const t = rng.int(4, 16);
    const capacity = Math.max(1, Math.ceil((t * k) / e) - rng.int(0, 1));
    list.push(hidden(`random shapes ${i + 1}`, randomArgs(rng, t, rng.int(2, 8), e, rng.int(2, 8), k, capacity)));
  }
  return list;
}

export default defineProblem({
  id: 'architectures/moe-router',
  entry: 'moeLayer',
  argNames: ['x', 'wRouter', 'w1', 'b1', 'w2', 'b2', 'k', 'capacity'],
  reference: moeLayer,
  // out: [T, d] like x; auxLoss: a float32 scalar.
  output: objectOf({ out: tensorOf('float32', (args) => shapeOf(args, 0)), auxLoss: scalarTensor() }),
  cases,
  mistakes: [
    {
      id: 'softmax-over-tokens',
      title: 'router softmax taken over the tokens (axis 0)',
      explanation: 'Each token gets a distribution over the E experts: softmax(x·wRouter, -1) on the [T, E] logits, not over the token axis.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gates-not-renormalised',
      title: 'gates not renormalised over the chosen k experts',
      explanation: 'The gate of a chosen expert is its probability divided by the sum of the k chosen probabilities, so each token’s gates sum to 1 (with k = 1 the gate is exactly 1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'capacity-ignored',
      title: 'expert capacity ignored',
      explanation: 'Each expert processes at most `capacity` tokens: count, in token order, the tokens that chose it and drop the assignments past that count (their contribution is 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'capacity-off-by-one',
      title: 'capacity + 1 tokens kept per expert',
      explanation: 'With an exclusive running count (tokens before this one that chose the expert), keep the assignment when that count is < capacity, not ≤ capacity.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rank-major-priority',
      title: 'capacity filled by choice rank first (all first choices, then second choices)',
      explanation: 'Here an expert’s queue is in token order only: the rank of the choice does not matter. Filling it with every token’s first choice before any second choice (GShard’s order) drops different assignments.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gates-renormalised-after-drop',
      title: 'gates renormalised over the experts that kept the token',
      explanation: 'Gates are normalised once, over the k chosen experts, before capacity. A dropped assignment just contributes 0; the surviving experts keep their original gates.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dropped-token-passes-through',
      title: 'a token dropped by all its experts outputs x instead of 0',
      explanation: 'This layer returns only the experts’ weighted sum; a token every chosen expert dropped gets 0 (the residual connection outside the layer carries x).',
      diagnostic: 'mismatch',
    },
    {
      id: 'ties-to-higher-index',
      title: 'ties between equal probabilities broken towards the higher expert index',
      explanation: 'Among experts with exactly equal probability, the lower index ranks first (tf.topk does this). Scanning for the maximum with ≥ keeps the last of equal values, i.e. the higher index.',
      diagnostic: 'mismatch',
    },
    {
      id: 'aux-missing-num-experts',
      title: 'load-balancing loss not multiplied by E',
      explanation: 'The Switch loss is E · Σ_i f_i · P_i; the factor E makes a perfectly balanced router score 1 whatever the number of experts.',
      diagnostic: 'mismatch',
    },
    {
      id: 'aux-f-after-capacity',
      title: 'f_i counted after capacity drops',
      explanation: 'f_i is the fraction of routing choices that picked expert i, before any capacity drop: the loss must see the overload that made the drops happen.',
      diagnostic: 'mismatch',
    },
    {
      id: 'aux-f-not-divided-by-k',
      title: 'f_i divided by T instead of T·k',
      explanation: 'There are T·k routing choices: f_i = (choices of expert i) / (T·k), so Σ_i f_i = 1. Dividing by T makes the loss k times too large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'aux-p-from-gates',
      title: 'P_i averaged from the top-k gates instead of the full router probabilities',
      explanation: 'P_i is the mean over tokens of the softmax probability of expert i, before the top-k selection; it is the differentiable half of the loss and must include unchosen experts.',
      diagnostic: 'mismatch',
    },
  ],
});
