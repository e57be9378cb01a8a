// Two moons: an upper half circle (class 0) and a lower one shifted right (class 1), plus noise.
function makeMoons(n: number, noise: number, seed: number) {
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const points: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const t = Math.PI * random();
    const [x, y] = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    points.push([x + noise * gauss(), y + noise * gauss()]);
    labels.push(label);
  }
  return { x: tf.tensor2d(points), y: tf.oneHot(tf.tensor1d(labels, 'int32'), 2).toFloat() };
}

const trainSet = makeMoons(200, 0.15, 1);
const testSet = makeMoons(100, 0.15, 2);
const trainX = trainSet.x, trainY = trainSet.y, testX = testSet.x, testY = testSet.y;
print('trainX', trainX);
print('trainY', trainY);
