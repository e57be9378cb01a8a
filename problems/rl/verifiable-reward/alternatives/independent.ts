/**
 * Independent RLVR reward: character-level scanning for the markers,
 * a regex only for the last-number fallback and the plain-decimal test.
 */

const MARKER = '####';
const BOX = '\\boxed{';
const NUMBER_RE = /-?\d+(?:,\d{3})*(?:\.\d+)?/g;
const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function extract(response: string): { raw: string | null; formatted: boolean } {
  // Rule 1: last '####', up to the next newline.
  const m = response.lastIndexOf(MARKER);
  if (m !== -1) {
    const start = m + MARKER.length;
    const nl = response.indexOf('\n', start);
    return { raw: response.slice(start, nl === -1 ? response.length : nl), formatted: true };
  }
  // Rule 2: last '\boxed{' with balanced braces.
  const b = response.lastIndexOf(BOX);
  if (b !== -1) {
    const start = b + BOX.length;
    let depth = 1;
    for (let k = start; k < response.length; k++) {
      const c = response[k];
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) return { raw: response.slice(start, k), formatted: true };
      }
    }
    // unbalanced: fall through to rule 3
  }
  // Rule 3: last number.
  let last: string | null = null;
  for (const match of response.matchAll(NUMBER_RE)) last = match[0];
  if (last !== null) return { raw: last, formatted: false };
  // Rule 4: nothing.
  return { raw: null, formatted: false };
}

function normalise(s: string): string {
  let out = '';
  for (const ch of s) {
    if (/\s/.test(ch) || ch === '$' || ch === ',') continue;
    out += ch;
  }
  if (out.endsWith('.')) out = out.slice(0, -1);
  if (PLAIN_DECIMAL.test(out)) out = String(Number(out));
  return out;
}

export function verifiableReward(
  responses: string[],
  groundTruths: string[],
  formatPenalty: number,
): { answers: string[]; rewards: number[] } {
  const answers: string[] = [];
  const rewards: number[] = [];
  for (let i = 0; i < responses.length; i++) {
    const { raw, formatted } = extract(responses[i]);
    const a = raw === null ? '' : normalise(raw);
    const g = normalise(groundTruths[i]);
    const correct = a !== '' && a === g ? 1 : 0;
    answers.push(a);
    rewards.push(correct - (formatted ? 0 : formatPenalty));
  }
  return { answers, rewards };
}
