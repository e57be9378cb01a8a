// Inputs and next-character targets, padded with PAD to the longest phrase of the batch.
function padTo(ids: number[], length: number): number[] {
  return [...ids, ...new Array(Math.max(0, length - ids.length)).fill(PAD)];
}

function makeBatch(lines: string[]) {
  const rows = lines.map(encode);
  const T = Math.max(...rows.map((r) => r.length)) - 1;
  const inputs = rows.map((r) => padTo(r.slice(0, -1), T));
  const targets = rows.map((r) => padTo(r.slice(0, -1), T));
  const mask = targets.map((row) => row.map((id) => (id === PAD ? 0 : 1)));
  return { inputs: tf.tensor2d(inputs, undefined, 'int32'), targets: tf.tensor2d(targets, undefined, 'int32'), mask: tf.tensor2d(mask) };
}

const example = makeBatch(trainLines.slice(0, 3));
print('inputs ', decode(example.inputs.arraySync()[2] as number[]));
print('targets', decode(example.targets.arraySync()[2] as number[]));
