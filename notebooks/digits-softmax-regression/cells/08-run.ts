// @budget 60s
// @grade skip
initParams(0);
const losses = train(60);
print('final training loss', losses[losses.length - 1]);
print('accuracy', evaluate());
const predictedDigits = tf.tidy(() => Array.from(model(normalize(testX)).argMax(1).dataSync()));
print('first test predictions', predictedDigits.slice(0, 20).join(' '));
print('first test digits     ', testClasses.slice(0, 20).join(' '));
