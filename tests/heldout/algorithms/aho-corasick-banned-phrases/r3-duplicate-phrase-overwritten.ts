// Held-out wrong variant: each trie node stores a single terminal pattern id, so when two ids have the same tokens the later one overwrites the earlier and only one duplicate is reported.
export function findBannedPhrases(stream: number[], patterns: number[][]): number[][] {
  type Node = { children: Map<number, Node>; fail: Node | null; terminal: number; depth: number; outLink: Node | null };
  const mk = (depth: number): Node => ({ children: new Map(), fail: null, terminal: -1, depth, outLink: null });
  const root = mk(0);
  patterns.forEach((p, id) => {
    let node = root;
    for (const t of p) {
      if (!node.children.has(t)) node.children.set(t, mk(node.depth + 1));
      node = node.children.get(t)!;
    }
    node.terminal = id;
  });
  root.fail = root;
  const queue: Node[] = [];
  for (const child of root.children.values()) {
    child.fail = root;
    queue.push(child);
  }
  while (queue.length) {
    const u = queue.shift()!;
    for (const [t, v] of u.children) {
      let f = u.fail!;
      while (f !== root && !f.children.has(t)) f = f.fail!;
      v.fail = f.children.get(t) ?? root;
      // dictionary (output) link: nearest terminal node along the failure chain
      v.outLink = v.fail.terminal >= 0 ? v.fail : v.fail.outLink;
      queue.push(v);
    }
  }
  const res: number[][] = [];
  let cur = root;
  stream.forEach((t, i) => {
    while (cur !== root && !cur.children.has(t)) cur = cur.fail!;
    cur = cur.children.get(t) ?? root;
    for (let o: Node | null = cur.terminal >= 0 ? cur : cur.outLink; o; o = o.outLink) {
      res.push([i - o.depth + 1, o.terminal]);
    }
  });
  return res.sort((a, b) => (a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]));
}
