// Held-out wrong variant: on a mismatch the scan jumps straight back to the root (then tries the token from there) instead of following failure links, losing partial matches that continue through a suffix.
export function findBannedPhrases(stream: number[], patterns: number[][]): number[][] {
  const goto: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  const output: number[][] = [[]];
  for (let id = 0; id < patterns.length; id++) {
    let u = 0;
    for (const tok of patterns[id]) {
      if (!goto[u].has(tok)) {
        goto[u].set(tok, goto.length);
        goto.push(new Map());
        fail.push(0);
        output.push([]);
      }
      u = goto[u].get(tok)!;
    }
    output[u].push(id);
  }
  const q: number[] = [...goto[0].values()];
  while (q.length) {
    const u = q.shift()!;
    for (const [tok, v] of goto[u]) {
      let f = fail[u];
      while (f !== 0 && !goto[f].has(tok)) f = fail[f];
      fail[v] = u !== 0 && goto[f].has(tok) ? goto[f].get(tok)! : 0;
      output[v] = output[v].concat(output[fail[v]]);
      q.push(v);
    }
  }
  const res: number[][] = [];
  let s = 0;
  for (let i = 0; i < stream.length; i++) {
    const tok = stream[i];
    if (!goto[s].has(tok)) s = 0;
    s = goto[s].get(tok) ?? 0;
    for (const id of output[s]) res.push([i - patterns[id].length + 1, id]);
  }
  res.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return res;
}
