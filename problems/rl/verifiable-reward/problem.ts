import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { arrayOf, objectOf, plainNumber } from '../../../src/judge/contract';
import type { Rng } from '../../../src/judge/rng';
import { verifiableReward } from './reference';

type Item = [response: string, truth: string];

function batch(name: string, items: Item[], formatPenalty: number, isPublic = false): CaseSpec {
  return { name, public: isPublic, args: [items.map((x) => x[0]), items.map((x) => x[1]), formatPenalty] };
}

const NAMES = ['Ava', 'Ben', 'Chloe', 'Dev', 'Emma', 'Farid', 'Grace', 'Hiro'];
const THINGS = ['apples', 'marbles', 'stickers', 'books', 'coins', 'pencils'];

/** A GSM8K-style worked solution with intermediate numbers, ending in one of several answer styles. */
function gsm8k(rng: Rng): Item {
  const who = rng.pick(NAMES);
  const what = rng.pick(THINGS);
  const a = rng.int(2, 60);
  const b = rng.int(2, 40);
  const c = rng.int(2, 9);
  const answer = (a + b) * c;
  const right = rng.next() < 0.6;
  const given = right ? answer : answer + rng.pick([-10, -1, 1, 2, 5, 100]);
  const steps = `${who} has ${a} ${what} and gets ${b} more, so ${a} + ${b} = ${a + b}.\nThen ${a + b} * ${c} = ${given}.`;
  const style = rng.int(0, 4);
  const shown = given >= 1000 && rng.next() < 0.5 ? given.toLocaleString('en-US') : String(given);
  const response =
    style === 0 ? `${steps}\n#### ${shown}`
      : style === 1 ? `${steps}\nThe answer is $\\boxed{${shown}}$.`
        : style === 2 ? `${steps}\nSo ${who} ends up with ${shown} ${what}.`
          : style === 3 ? `${steps}\n#### ${shown}\nCheck: ${a} + ${b} = ${a + b}.`
            : `${steps}\nFinal answer: \\boxed{${shown}} ${what}`;
  return [response, String(answer)];
}

function cases(rng: Rng): CaseSpec[] {
  return [
    batch('example 1: ####, a $ amount with a comma, a fallback number, no number', [
      ['Tom has 3 apples and buys 4 more.\nSo he has 3 + 4 = 7 apples.\n#### 7', '7'],
      ['The total is $1,250.00.\n#### $1,250', '1250'],
      ['We get 12 cookies, minus 5 eaten, leaves 8.', '7'],
      ['I am not sure.', '3'],
    ], 0.2, true),
    batch('example 2: nested \\boxed, a line after ####, a negative fallback, #### over \\boxed', [
      ['First \\boxed{2} was a guess; the final answer is \\boxed{\\frac{1}{2}}.', '\\frac{1}{2}'],
      ['#### 3.50\nCheck: 2 + 1.5 = 3.5', '3.5'],
      ['x = -4, so the answer is -4', '-4'],
      ['\\boxed{12} #### 13', '12'],
    ], 0.5, true),
    batch('hidden: several #### markers (the last one counts)', [
      ['#### 5\nWait, I forgot the tax.\n#### 6', '6'],
      ['Draft: #### 10 then #### 12', '12'],
      ['#### 9\n#### 8', '9'],
      ['Answer 3 #### 4 and 7\n#### 8\nDone in 2 steps.', '8'],
    ], 0.3),
    batch('hidden: nested braces and unbalanced boxes', [
      ['So \\boxed{\\frac{3}{4}}', '\\frac{3}{4}'],
      ['We get \\boxed{\\sqrt{2}} and \\boxed{2\\sqrt{2}}', '2\\sqrt{2}'],
      ['Then \\boxed{x + 5 = 7', '7'],
      ['\\boxed{\\frac{1}{\\frac{2}{3}}} is it', '\\frac{1}{\\frac{2}{3}}'],
      ['\\boxed{ 1,000 }', '1000'],
    ], 0.25),
    batch('hidden: thousands separators', [
      ['#### 1,234,567', '1234567'],
      ['It costs 12,000 dollars.', '12000'],
      ['\\boxed{2,500}', '2,500'],
      ['Between 1,2 and 3,45 we pick 3,45', '45'],
    ], 0.1),
    batch('hidden: decimals and negative signs in the fallback', [
      ['The temperature dropped to -3.5 degrees.', '-3.5'],
      ['x = 2.25 after 3 steps of 0.5, so x is 2.25', '2.25'],
      ['Profit was -120 then -80.', '-80'],
      ['Ratio 3.5 to 1', '1'],
      ['It rose by 0.75', '.75'],
    ], 0.2),
    batch('hidden: $ signs, spaces and a trailing period', [
      ['#### $ 18.00', '18'],
      ['#### 1 000', '1000'],
      ['\\boxed{$5.}', '5'],
      ['#### 5 apples', '5'],
      ['#### x = 3', 'x=3'],
    ], 0.2),
    batch('hidden: equivalent numeric forms', [
      ['#### 42.0', '42'],
      ['\\boxed{.5}', '0.5'],
      ['#### +3', '3'],
      ['#### 007', '7'],
      ['#### -0', '0'],
      ['#### 3.10', '3.1'],
    ], 0.2),
    batch('hidden: no space after #### and a marker at the end of a line', [
      ['####5\nok', '5'],
      ['####\n12\nmore text', '12'],
      ['We get ####42', '42'],
      ['####-3', '-3'],
    ], 0.2),
    batch('hidden: a stray closing brace without \\boxed (fallback)', [
      ['The answer is 3}', '3'],
      ['Use the set {1, 2}} so 2', '2'],
    ], 0.2),
    batch('hidden: an empty answer after the marker', [
      ['I computed 5.\n#### \nThat is all.', '5'],
      ['####', '0'],
      ['\\boxed{}', '1'],
      ['#### 4', '4'],
    ], 0.3),
    batch('hidden: responses with no number at all', [
      ['I cannot solve this.', '3'],
      ['No idea, sorry!', '0'],
      ['#### 7', '7'],
    ], 0.4),
    batch('hidden: formatPenalty = 0', [
      ['The answer is 15.', '15'],
      ['Maybe 20?', '21'],
      ['#### 5', '5'],
    ], 0),
    batch('hidden: #### together with \\boxed (#### wins)', [
      ['\\boxed{10}\n#### 11', '10'],
      ['#### 4\nor in a box: \\boxed{4}', '4'],
      ['#### 2 \\boxed{3}', '2\\boxed{3}'],
    ], 0.2),
    batch('hidden: fallback with many numbers (the last one counts)', [
      ['Step 1: 3 + 4 = 7. Step 2: 7 * 2 = 14. So 14.', '14'],
      ['In 2024 there were 31 days in May, then 30 in June.', '30'],
      ['100 people, 25 left, 75 remain', '75'],
    ], 0.5),
    batch('hidden: 20 GSM8K-style responses', Array.from({ length: 20 }, () => gsm8k(rng)), 0.2),
    batch('hidden: 40 GSM8K-style responses, penalty 0.5', Array.from({ length: 40 }, () => gsm8k(rng)), 0.5),
    batch('hidden: a single response', [gsm8k(rng)], 0.1),
  ];
}

export default defineProblem({
  id: 'rl/verifiable-reward',
  entry: 'verifiableReward',
  argNames: ['responses', 'groundTruths', 'formatPenalty'],
  reference: verifiableReward,
  output: objectOf({
    answers: arrayOf({ kind: 'string' }, (args) => (args[0] as string[]).length),
    rewards: arrayOf(plainNumber(), (args) => (args[0] as string[]).length),
  }),
  tolerance: { cpu: { atol: 1e-9, rtol: 0 }, wasm: { atol: 1e-9, rtol: 0 }, webgl: { atol: 1e-9, rtol: 0 }, webgpu: { atol: 1e-9, rtol: 0 } },
  cases,
  mistakes: [
    {
      id: 'first-hash-marker',
      title: "the first '####' used instead of the last",
      explanation: "Models revise: take the text after the LAST '####' (text.lastIndexOf), the final committed answer.",
      diagnostic: 'mismatch',
    },
    {
      id: 'boxed-first-brace',
      title: 'the box ends at the first "}" (nested braces not balanced)',
      explanation: 'LaTeX answers nest braces: \\boxed{\\frac{1}{2}}. Walk forward with a depth counter (+1 for {, −1 for }) and stop when it returns to 0; a lazy regex stops at the first }.',
      diagnostic: 'mismatch',
    },
    {
      id: 'first-number',
      title: 'the first number of the response instead of the last',
      explanation: 'Worked solutions restate the question and intermediate results first; the final answer is the LAST number.',
      diagnostic: 'mismatch',
    },
    {
      id: 'commas-kept',
      title: 'thousands separators not removed',
      explanation: 'Normalisation removes every "," (with whitespace and "$"), so "1,234" and "1234" compare equal.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-numeric-canonical',
      title: 'numbers compared as strings (42.0 ≠ 42)',
      explanation: 'After cleaning, a plain decimal number is replaced by String(Number(s)), so 42.0, 42 and 042 all become "42".',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-format-penalty',
      title: 'format penalty never applied',
      explanation: 'An answer found only by the last-number fallback (or no answer at all) loses formatPenalty: reward = correct − formatPenalty·(not formatted).',
      diagnostic: 'mismatch',
    },
    {
      id: 'boxed-before-hash',
      title: '\\boxed{} checked before ####',
      explanation: "'####' takes precedence over \\boxed{} whenever it appears, wherever the box is.",
      diagnostic: 'mismatch',
    },
    {
      id: 'no-negative-numbers',
      title: 'fallback number regex without the minus sign',
      explanation: 'The fallback regex is /-?\\d+(?:,\\d{3})*(?:\\.\\d+)?/g: without -? a negative answer is read as positive.',
      diagnostic: 'mismatch',
    },
    {
      id: 'integers-only-fallback',
      title: 'fallback number regex without the decimal part',
      explanation: 'Without (?:\\.\\d+)? the number 3.5 is split into 3 and 5, and the last match is 5.',
      diagnostic: 'mismatch',
    },
    {
      id: 'hash-rest-of-text',
      title: "everything after '####' taken, not just the rest of its line",
      explanation: "The answer after '####' ends at the next newline; lines after it (checks, comments) are not part of the answer.",
      diagnostic: 'mismatch',
    },
    {
      id: 'penalty-on-wrong-formatted',
      title: 'format penalty applied to wrong answers that used a marker',
      explanation: 'The penalty is for the format, not for being wrong: a wrong answer after #### or in \\boxed{} gets 0, not −formatPenalty.',
      diagnostic: 'mismatch',
    },
  ],
});
