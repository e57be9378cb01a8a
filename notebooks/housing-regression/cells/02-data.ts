// Houses: floor area (m²), rooms, age (years), distance to the centre (km) → price (100 k€).
function makeHouses(n: number, district: 'city' | 'new', seed: number) {
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const features: number[][] = [];
  const prices: number[] = [];
  for (let i = 0; i < n; i++) {
    const area = district === 'city' ? 40 + 180 * random() : 90 + 170 * random();
    const rooms = Math.max(1, Math.round(area / 35 + gauss() * 0.7));
    const age = district === 'city' ? 80 * random() : 25 * random();
    const distance = 1 + 24 * random();
    features.push([area, rooms, age, distance]);
    prices.push(0.5 + 0.02 * area + 0.1 * rooms - 0.01 * age - 0.04 * distance + 0.15 * gauss());
  }
  return { x: tf.tensor2d(features), y: tf.tensor1d(prices) };
}

const trainSet = makeHouses(320, 'city', 1);
const testSet = makeHouses(120, 'new', 2);
const trainX = trainSet.x, trainY = trainSet.y, testX = testSet.x, testY = testSet.y;
print('trainX (area, rooms, age, distance)', trainX);
print('trainY', trainY);
