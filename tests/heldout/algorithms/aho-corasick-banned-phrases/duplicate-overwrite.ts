// Held-out wrong variant: stores a single pattern id per trie node, so a duplicate phrase overwrites the earlier id.
export function findBannedPhrases(stream: number[], patterns: number[][]): number[][] {
  const children: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  const depth: number[] = [0];
  for (let id = 0; id < patterns.length; id++) {
    let node = 0;
    for (const tok of patterns[id]) {
      let nxt = children[node].get(tok);
      if (nxt === undefined) {
        nxt = children.length;
        children.push(new Map());
        own.push([]);
        depth.push(depth[node] + 1);
        children[node].set(tok, nxt);
      }
      node = nxt;
    }
    own[node] = [id];
  }
  const fail = new Array<number>(children.length).fill(0);
  const dict = new Array<number>(children.length).fill(-1); // nearest proper-suffix node with patterns
  const queue: number[] = [];
  for (const c of children[0].values()) queue.push(c);
  for (let qi = 0; qi < queue.length; qi++) {
    const u = queue[qi];
    for (const [tok, c] of children[u]) {
      let f = fail[u];
      while (f !== 0 && !children[f].has(tok)) f = fail[f];
      const g = children[f].get(tok);
      fail[c] = g !== undefined && g !== c ? g : 0;
      dict[c] = own[fail[c]].length > 0 ? fail[c] : dict[fail[c]];
      queue.push(c);
    }
  }
  const found: number[][] = [];
  let state = 0;
  for (let pos = 0; pos < stream.length; pos++) {
    const tok = stream[pos];
    while (state !== 0 && !children[state].has(tok)) state = fail[state];
    state = children[state].get(tok) ?? 0;
    for (let n = state; n > 0; n = dict[n]) {
      for (const id of own[n]) found.push([pos - depth[n] + 1, id]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return found;
}
