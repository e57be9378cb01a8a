// 128 noisy training samples on [-π, π]; 60 test samples on [0, π].
function makeSine(n: number, low: number, high: number, seed: number) {
  const random = seededRandom(seed);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = low + (high - low) * random();
    xs.push(x);
    ys.push(Math.sin(x) + 0.05 * (random() + random() + random() - 1.5));
  }
  return { x: tf.tensor1d(xs), y: tf.tensor1d(ys) };
}

const trainSet = makeSine(128, -Math.PI, Math.PI, 1);
const testSet = makeSine(60, 0, Math.PI, 2);
const trainX = trainSet.x, trainY = trainSet.y, testX = testSet.x, testY = testSet.y;
print('trainX', trainX);
print('trainY', trainY);
