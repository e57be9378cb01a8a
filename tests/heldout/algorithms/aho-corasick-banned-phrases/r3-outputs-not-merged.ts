// Held-out wrong variant: each node's output set holds only the phrases ending exactly at that node; outputs of nodes reachable by failure links are never merged in, so suffix phrases are missed.
export function findBannedPhrases(stream: number[], patterns: number[][]): number[][] {
  const next: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  const out: number[][] = [[]];
  patterns.forEach((p, id) => {
    let u = 0;
    for (const tok of p) {
      let v = next[u].get(tok);
      if (v === undefined) {
        v = next.length;
        next.push(new Map());
        fail.push(0);
        out.push([]);
        next[u].set(tok, v);
      }
      u = v;
    }
    out[u].push(id);
  });
  const queue: number[] = [];
  for (const v of next[0].values()) {
    fail[v] = 0;
    queue.push(v);
  }
  for (let h = 0; h < queue.length; h++) {
    const u = queue[h];
    for (const [tok, v] of next[u]) {
      let f = fail[u];
      while (f !== 0 && !next[f].has(tok)) f = fail[f];
      const g = next[f].get(tok);
      fail[v] = g !== undefined && g !== v ? g : 0;
      queue.push(v);
    }
  }
  const res: number[][] = [];
  let s = 0;
  for (let i = 0; i < stream.length; i++) {
    const tok = stream[i];
    while (s !== 0 && !next[s].has(tok)) s = fail[s];
    s = next[s].get(tok) ?? 0;
    for (const id of out[s]) res.push([i - patterns[id].length + 1, id]);
  }
  res.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return res;
}
