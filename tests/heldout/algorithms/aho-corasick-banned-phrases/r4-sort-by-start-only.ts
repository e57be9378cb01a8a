// Held-out wrong variant: the results are sorted by start position only, so occurrences sharing a start stay in the order they were found (by end position) instead of being ordered by patternId.
import * as tf from '@tensorflow/tfjs';

export function findBannedPhrases(stream: number[], patterns: number[][]): number[][] {
  const goto: Array<Record<number, number>> = [{}];
  const fail: number[] = [0];
  const output: number[][] = [[]];
  for (let id = 0; id < patterns.length; id++) {
    let s = 0;
    for (const tok of patterns[id]) {
      if (goto[s][tok] === undefined) {
        goto.push({});
        fail.push(0);
        output.push([]);
        goto[s][tok] = goto.length - 1;
      }
      s = goto[s][tok];
    }
    output[s].push(id);
  }
  const queue: number[] = [];
  for (const key of Object.keys(goto[0])) queue.push(goto[0][Number(key)]);
  let head = 0;
  while (head < queue.length) {
    const r = queue[head++];
    for (const key of Object.keys(goto[r])) {
      const a = Number(key);
      const s = goto[r][a];
      queue.push(s);
      let st = fail[r];
      while (st !== 0 && goto[st][a] === undefined) st = fail[st];
      fail[s] = goto[st][a] !== undefined && goto[st][a] !== s ? goto[st][a] : 0;
      output[s] = output[s].concat(output[fail[s]]);
    }
  }
  const found: number[][] = [];
  let state = 0;
  for (let i = 0; i < stream.length; i++) {
    const a = stream[i];
    while (state !== 0 && goto[state][a] === undefined) state = fail[state];
    state = goto[state][a] ?? 0;
    for (const id of output[state]) found.push([i - patterns[id].length + 1, id]);
  }
  found.sort((x, y) => x[0] - y[0]);
  return found;
}
