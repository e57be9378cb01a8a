// Held-out wrong variant: each node's output set holds only the phrases ending exactly at that node; outputs of nodes reachable by failure links are never merged in, so phrases that are proper suffixes of the current state are missed.
import * as tf from '@tensorflow/tfjs';

export function findBannedPhrases(stream: number[], patterns: number[][]): number[][] {
  const children: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  const out: number[][] = [[]];
  const depth: number[] = [0];
  patterns.forEach((p, id) => {
    let node = 0;
    for (const tok of p) {
      let nxt = children[node].get(tok);
      if (nxt === undefined) {
        nxt = children.length;
        children.push(new Map());
        fail.push(0);
        out.push([]);
        depth.push(depth[node] + 1);
        children[node].set(tok, nxt);
      }
      node = nxt;
    }
    out[node].push(id);
  });
  // BFS for failure links
  const queue: number[] = [];
  for (const child of children[0].values()) {
    fail[child] = 0;
    queue.push(child);
  }
  for (let h = 0; h < queue.length; h++) {
    const u = queue[h];
    for (const [tok, v] of children[u]) {
      let f = fail[u];
      while (f !== 0 && !children[f].has(tok)) f = fail[f];
      const g = children[f].get(tok);
      fail[v] = g !== undefined && g !== v ? g : 0;
      queue.push(v);
    }
  }
  const res: number[][] = [];
  let state = 0;
  stream.forEach((tok, i) => {
    while (state !== 0 && !children[state].has(tok)) state = fail[state];
    state = children[state].get(tok) ?? 0;
    for (const id of out[state]) res.push([i - patterns[id].length + 1, id]);
  });
  res.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return res;
}
