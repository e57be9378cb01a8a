// Held-out wrong variant: each trie node stores a single terminal pattern id, so when two phrases have identical tokens the later id overwrites the earlier one and only one of the duplicates is reported.
import * as tf from '@tensorflow/tfjs';

interface Node {
  next: Map<number, Node>;
  fail: Node | null;
  terminal: number; // -1 if no phrase ends here
  out: number[];
}

export function findBannedPhrases(stream: number[], patterns: number[][]): number[][] {
  const mk = (): Node => ({ next: new Map(), fail: null, terminal: -1, out: [] });
  const root = mk();
  for (let id = 0; id < patterns.length; id++) {
    let cur = root;
    for (const t of patterns[id]) {
      if (!cur.next.has(t)) cur.next.set(t, mk());
      cur = cur.next.get(t)!;
    }
    cur.terminal = id;
  }
  root.fail = root;
  const q: Node[] = [];
  for (const child of root.next.values()) {
    child.fail = root;
    child.out = child.terminal >= 0 ? [child.terminal] : [];
    q.push(child);
  }
  while (q.length) {
    const u = q.shift()!;
    for (const [t, v] of u.next) {
      let f = u.fail!;
      while (f !== root && !f.next.has(t)) f = f.fail!;
      v.fail = f.next.get(t) ?? root;
      v.out = (v.terminal >= 0 ? [v.terminal] : []).concat(v.fail.out);
      q.push(v);
    }
  }
  const matches: number[][] = [];
  let s = root;
  for (let i = 0; i < stream.length; i++) {
    const t = stream[i];
    while (s !== root && !s.next.has(t)) s = s.fail!;
    s = s.next.get(t) ?? root;
    for (const id of s.out) matches.push([i - patterns[id].length + 1, id]);
  }
  matches.sort((a, b) => (a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]));
  return matches;
}
