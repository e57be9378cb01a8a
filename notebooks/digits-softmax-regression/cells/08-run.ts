// @budget 60s
// @grade skip
initParams(0);
const losses = train(60);
print('final training loss', losses[losses.length - 1]);
print('accuracy', evaluate());
const predictedDigits = tf.tidy(() => Array.from(model(normalize(testX)).argMax(1).dataSync()));
// The test rows are sorted by digit: show every 10th one.
print('predicted', predictedDigits.filter((_, i) => i % 10 === 0).join(' '));
print('actual   ', testClasses.filter((_, i) => i % 10 === 0).join(' '));
