// Four blobs centred at (±2, ±2), unit variance. The training file is sorted by class.
const CLASSES = 4;
const CENTRES = [[-2, -2], [2, -2], [-2, 2], [2, 2]];

function makeBlobs(perClass: number, seed: number) {
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const points: number[][] = [];
  const classes: number[] = [];
  for (let c = 0; c < CLASSES; c++) {
    for (let i = 0; i < perClass; i++) {
      points.push([CENTRES[c][0] + gauss(), CENTRES[c][1] + gauss()]);
      classes.push(c);
    }
  }
  return { x: tf.tensor2d(points), classes };
}

const trainSet = makeBlobs(100, 1);
const testSet = makeBlobs(50, 2);
const trainX = trainSet.x, trainClasses = trainSet.classes;
const testX = testSet.x, testClasses = testSet.classes;
print('first training classes', trainClasses.slice(0, 12).join(' '));
