import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { arrayOf, plainNumber } from '../../../src/judge/contract';
import type { Plain } from '../../../src/judge/compare';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import type { Diagnostic } from '../../../src/shared/protocol';
import { greedyDecode } from './reference';

const EXAMPLE = tensorSpec(
  [
    0.1, -1.0, 2.0, 0.3, 0.5,
    0.2, 0.0, -0.5, 1.5, 1.2,
    -0.3, 0.4, 0.1, 0.9, 2.2,
    1.0, 0.6, 1.8, -0.2, 0.0,
    2.5, 0.3, 0.2, 0.1, -1.0,
  ],
  [5, 5],
);

/** The greedy chain from `start` in plain JS (ties → lower id), used to place EOS on or off the path. */
function chain(data: Float32Array | Int32Array, vocab: number, start: number, steps: number): number[] {
  const out: number[] = [];
  let token = start;
  for (let s = 0; s < steps; s++) {
    let best = 0;
    for (let j = 1; j < vocab; j++) if (data[token * vocab + j] > data[token * vocab + best]) best = j;
    token = best;
    out.push(token);
  }
  return out;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: stops at EOS', public: true, args: [EXAMPLE, 1, 6, 4] },
    { name: 'example 2: EOS never produced, stops at maxNewTokens', public: true, args: [EXAMPLE, 0, 4, 1] },
  ];
  const add = (name: string, ...args: CaseSpec['args']) => list.push({ name: `hidden: ${name}`, public: false, args });
  /** A random table where EOS is the `hit`-th generated token (1-based), or off the path when hit = 0. */
  const table = (vocab: number, scale = 1) => rng.normal([vocab, vocab], scale);
  const eosAt = (logits: ReturnType<typeof table>, vocab: number, start: number, hit: number, steps: number) => {
    const path = chain(logits.data, vocab, start, steps);
    if (hit > 0) return path[hit - 1];
    const off = [...Array(vocab).keys()].filter((t) => !path.includes(t));
    return off.length ? off[off.length - 1] : -1;
  };
  {
    const l = table(12);
    add('EOS reached mid-way', l, 3, 10, eosAt(l, 12, 3, 4, 10));
  }
  {
    const l = table(20);
    add('EOS reached at exactly maxNewTokens', l, 7, 6, eosAt(l, 20, 7, 6, 6));
  }
  {
    const l = table(16);
    add('EOS is the first generated token', l, 2, 5, eosAt(l, 16, 2, 1, 5));
  }
  {
    const l = table(10);
    const path = chain(l.data, 10, 4, 8);
    add('start token equals EOS (the prompt never stops generation)', l, path[0] === 4 ? 5 : 4, 8, 4);
  }
  {
    const l = table(9);
    add('maxNewTokens = 1', l, 0, 1, eosAt(l, 9, 0, 0, 1));
  }
  {
    const l = table(6);
    add('maxNewTokens = 0', l, 2, 0, 5);
  }
  {
    const l = table(2);
    add('vocabulary of 2', l, 0, 7, eosAt(l, 2, 0, 0, 7));
  }
  {
    const l = table(30, 100);
    add('large-magnitude logits (no EOS on the path)', l, 11, 25, eosAt(l, 30, 11, 0, 25));
  }
  {
    // Integer logits with many ties: the lower token id must win.
    const vocab = 8;
    const values = Array.from({ length: vocab * vocab }, () => rng.int(0, 2));
    const l = tensorSpec(values, [vocab, vocab]);
    add('tied logits (lower id wins)', l, 5, 12, eosAt(l, vocab, 5, 0, 12));
  }
  {
    // Every row has exactly two tied maxima (5; the other logits are integers 0..3). With the
    // lower-id rule the chain is 2 → 0 → 1 → 0 → 1 …; row 1 ties ids 0 and 1 themselves. Taking the
    // higher id of a tie gives another chain from the very first step.
    const vocab = 5;
    const ties = [
      [1, 2],
      [0, 1],
      [0, 3],
      [2, 4],
      [0, 3],
    ];
    const values = Array.from({ length: vocab * vocab }, () => rng.int(0, 3));
    ties.forEach(([a, b], row) => {
      values[row * vocab + a] = 5;
      values[row * vocab + b] = 5;
    });
    const l = tensorSpec(values, [vocab, vocab]);
    const lowest = chain(l.data, vocab, 2, 8);
    if (lowest.join() !== '0,1,0,1,0,1,0,1') throw new Error('greedy: the exact-tie chain is off');
    add('exact ties in every row (the lower id wins)', l, 2, 8, 4);
  }
  for (let i = 0; i < 3; i++) {
    const vocab = rng.int(5, 40);
    const l = table(vocab, rng.pick([0.5, 1, 3]));
    const steps = rng.int(3, 30);
    const start = rng.int(0, vocab - 1);
    add(`random ${i + 1}`, l, start, steps, eosAt(l, vocab, start, rng.int(0, steps), steps));
  }
  return list;
}

function ids(value: Plain): number[] | undefined {
  if (value.kind === 'tensor' && value.shape.length === 1) return Array.from(value.data, Number);
  if (value.kind !== 'array') return undefined;
  const out: number[] = [];
  for (const item of value.items) {
    if (item.kind !== 'number') return undefined;
    out.push(item.value);
  }
  return out;
}

/** Token lists compared exactly, with a message that shows both sequences and where they part. */
function compare(expected: Plain, got: Plain): Diagnostic | undefined {
  const want = ids(expected) ?? [];
  const have = ids(got);
  if (!have) return { kind: 'not-a-tensor', message: 'Return the generated token ids as a plain array of numbers, e.g. [3, 2, 4].' };
  if (want.length === have.length && want.every((v, i) => v === have[i])) return undefined;
  let at = 0;
  while (at < want.length && at < have.length && want[at] === have[at]) at++;
  const where =
    at === want.length
      ? `yours continues past the end (${have.length} token${have.length === 1 ? '' : 's'} instead of ${want.length})`
      : at === have.length
        ? `yours stops early (${have.length} token${have.length === 1 ? '' : 's'} instead of ${want.length})`
        : `they differ first at position ${at}: expected ${want[at]}, got ${have[at]}`;
  return { kind: 'mismatch', message: `Expected [${want.join(', ')}], got [${have.join(', ')}]: ${where}.` };
}

export default defineProblem({
  id: 'decoding/greedy-decoding',
  entry: 'greedyDecode',
  argNames: ['logits', 'startToken', 'maxNewTokens', 'eosId'],
  reference: greedyDecode,
  // number[]: the generated ids (at most maxNewTokens), a plain array.
  output: arrayOf(plainNumber({ integer: true })),
  cases,
  compare,
  mistakes: [
    {
      id: 'argmax-over-wrong-axis',
      title: 'argmax taken down the columns instead of along the row',
      explanation: 'Row a of the table holds the logits of the next token after a: take the argmax over the last axis (tf.argMax(logits, 1), or of logits[token]), not axis 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'conditions-on-start-token-only',
      title: 'every step reads the start token’s row',
      explanation: 'Each step conditions on the token generated last: update the current token after every step instead of always looking up the prompt’s row.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-stop-at-eos',
      title: 'generation does not stop at EOS',
      explanation: 'Once EOS is produced the sequence is finished: append it and break out of the loop.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eos-not-included',
      title: 'EOS dropped from the output',
      explanation: 'The convention here is that EOS is part of the generated sequence: push it, then stop.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ties-to-highest-id',
      title: 'argmax ties go to the highest id',
      explanation: 'A hand-written argmax with ≥ (or a scan from the end) lets a later token win a tie. The statement asks for the lower id, which is what tf.argMax and a strict > comparison give.',
      diagnostic: 'mismatch',
    },
    {
      id: 'prompt-eos-stops',
      title: 'generation stops before it starts when the prompt is EOS',
      explanation: 'Checking token === eosId at the top of the loop also tests the prompt, so startToken === eosId returns []. Only a generated EOS ends generation: test the token after you push it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'start-token-counted-in-length',
      title: 'the prompt token counted toward maxNewTokens (one token short)',
      explanation: 'maxNewTokens counts generated tokens only: loop until the output (without the start token) has maxNewTokens tokens.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-token-too-many',
      title: 'one token more than maxNewTokens (an inclusive bound or a do-while loop)',
      explanation:
        'The output holds at most maxNewTokens generated tokens, so test out.length < maxNewTokens before generating each one. A <= bound, or a do-while loop that generates before testing, lets one extra token through (even when maxNewTokens is 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'start-token-in-output',
      title: 'start token included in the output',
      explanation:
        'The prompt is not a generated token: return only x₁, x₂, … (at most maxNewTokens of them), without startToken in front.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-token-too-few',
      title: 'one token fewer than maxNewTokens (loop bound off by one)',
      explanation:
        'Up to maxNewTokens tokens are generated (fewer only when EOS is produced). A bound of maxNewTokens − 1 (or a loop starting at 1) stops one token early.',
      diagnostic: 'mismatch',
    },
  ],
});
