/**
 * RLVR reward: extract each response's final answer, normalise it, compare with the ground truth.
 * Extraction (first rule that applies): text after the LAST '####' up to the next '\n' (formatted);
 * else the content of the LAST '\boxed{…}' with balanced braces (formatted; unbalanced = no box);
 * else the LAST match of /-?\d+(?:,\d{3})*(?:\.\d+)?/g (not formatted); else nothing ('').
 * Normalise (answer and ground truth): drop whitespace, '$' and ','; drop one trailing '.';
 * a plain decimal number (/^[+-]?(\d+(\.\d*)?|\.\d+)$/) becomes String(Number(s)).
 * reward = (answer !== '' && answer === truth ? 1 : 0) − (formatted ? 0 : formatPenalty).
 * Returns the normalised answers ('' when none) and the rewards.
 */
export function verifiableReward(
  responses: string[],
  groundTruths: string[],
  formatPenalty: number,
): { answers: string[]; rewards: number[] } {
  throw new Error('TODO: implement verifiableReward');
}
