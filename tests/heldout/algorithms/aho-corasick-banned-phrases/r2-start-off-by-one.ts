// Held-out wrong variant: reports the start as end - length instead of end - length + 1 (off by one).
export function findBannedPhrases(stream: number[], patterns: number[][]): number[][] {
  const children: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  const out: number[][] = [[]];
  const depth: number[] = [0];
  patterns.forEach((p, id) => {
    let node = 0;
    for (const tok of p) {
      let next = children[node].get(tok);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        fail.push(0);
        out.push([]);
        depth.push(depth[node] + 1);
        children[node].set(tok, next);
      }
      node = next;
    }
    out[node].push(id);
  });
  const queue: number[] = [];
  for (const child of children[0].values()) {
    fail[child] = 0;
    queue.push(child);
  }
  while (queue.length) {
    const node = queue.shift()!;
    for (const [tok, child] of children[node]) {
      let f = fail[node];
      while (f !== 0 && !children[f].has(tok)) f = fail[f];
      const cand = children[f].get(tok);
      fail[child] = cand !== undefined && cand !== child ? cand : 0;
      out[child] = out[child].concat(out[fail[child]]);
      queue.push(child);
    }
  }
  const result: number[][] = [];
  let state = 0;
  stream.forEach((tok, i) => {
    while (state !== 0 && !children[state].has(tok)) state = fail[state];
    state = children[state].get(tok) ?? 0;
    for (const id of out[state]) result.push([i - patterns[id].length, id]);
  });
  result.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return result;
}
