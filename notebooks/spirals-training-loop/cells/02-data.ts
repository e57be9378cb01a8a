// Two spiral arms (a turn and a quarter each), then a random 240 / 120 train / validation split.
function makeSpirals(perClass: number, seed: number) {
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const points: number[][] = [];
  const labels: number[] = [];
  for (let c = 0; c < 2; c++) {
    for (let i = 0; i < perClass; i++) {
      const r = 0.1 + 0.9 * (i / perClass);
      const angle = 2.5 * Math.PI * r + c * Math.PI + gauss() * 0.12;
      points.push([r * Math.cos(angle), r * Math.sin(angle)]);
      labels.push(c);
    }
  }
  return { points, labels };
}

const spirals = makeSpirals(180, 1);
const shuffled = spirals.points.map((_, i) => i);
const splitRandom = seededRandom(2);
for (let i = shuffled.length - 1; i > 0; i--) {
  const j = Math.floor(splitRandom() * (i + 1));
  [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
}
const pick = (idx: number[]) => ({
  x: tf.tensor2d(idx.map((i) => spirals.points[i])),
  y: tf.oneHot(tf.tensor1d(idx.map((i) => spirals.labels[i]), 'int32'), 2).toFloat(),
});
const trainSplit = pick(shuffled.slice(0, 240));
const valSplit = pick(shuffled.slice(240));
const trainX = trainSplit.x, trainY = trainSplit.y, valX = valSplit.x, valY = valSplit.y;
print('trainX', trainX);
print('valX', valX);
