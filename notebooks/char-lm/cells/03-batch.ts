// Inputs and next-token targets, padded to SEQ_LEN; mask marks real target tokens.
function padTo(ids: number[], length: number): number[] {
  return [...ids, ...new Array(Math.max(0, length - ids.length)).fill(PAD)];
}

function makeBatch(batchLines: string[]) {
  const rows = batchLines.map(encode);
  const inputs = rows.map((r) => padTo(r.slice(0, -1), SEQ_LEN));
  const targets = rows.map((r) => padTo(r.slice(0, -1), SEQ_LEN));
  const mask = targets.map((row) => row.map((id) => (id === PAD ? 0 : 1)));
  return { inputs: tf.tensor2d(inputs, undefined, 'int32'), targets: tf.tensor2d(targets, undefined, 'int32'), mask: tf.tensor2d(mask) };
}

const example = makeBatch(trainLines.slice(0, 1));
print('inputs ', decode(example.inputs.arraySync()[0] as number[]));
print('targets', decode(example.targets.arraySync()[0] as number[]));
