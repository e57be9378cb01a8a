// Three spiral arms in 2-D, one class per arm. Seeded, so every run sees the same points.
const CLASSES = 3;

function makeSpirals(pointsPerClass: number, seed: number) {
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const points: number[][] = [];
  const labels: number[] = [];
  for (let c = 0; c < CLASSES; c++) {
    for (let i = 0; i < pointsPerClass; i++) {
      const r = (i + 1) / pointsPerClass;
      const t = (c * 4 + 4 * r) + gauss() * 0.15;
      points.push([r * Math.sin(t), r * Math.cos(t)]);
      labels.push(c);
    }
  }
  return { x: tf.tensor2d(points), y: tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES).toFloat() };
}

const trainSet = makeSpirals(100, 1);
const testSet = makeSpirals(40, 2);
const trainX = trainSet.x, trainY = trainSet.y, testX = testSet.x, testY = testSet.y;
print('trainX', trainX);
print('trainY', trainY);
