// Accuracy on the held-out spirals.
function evaluate(): number {
  return tf.tidy(() => {
    const predicted = model(testX).argMax(1);
    const actual = testY.argMax(1);
    return predicted.equal(actual).mean().dataSync()[0];
  });
}
