// Parse the digits: pixels scaled to [0, 1], digits as plain arrays.
const CLASSES = 10;

function parseDigits(text: string) {
  const rows = text.trim().split('\n');
  const pixels = rows.map((row) => [...row.slice(2)].map((h) => parseInt(h, 16) / 15));
  const classes = rows.map((row) => Number(row[0]));
  return { x: tf.tensor2d(pixels), classes };
}

const trainSet = parseDigits(DIGITS_TRAIN);
const testSet = parseDigits(DIGITS_TEST);
const trainX = trainSet.x, trainClasses = trainSet.classes;
const testX = testSet.x, testClasses = testSet.classes;
print(`${trainClasses.length} training and ${testClasses.length} test digits`);
