// Labels for the loss.
function encodeLabels(classIds: number[]): tf.Tensor {
  return tf.tensor2d(classIds, [classIds.length, 1]);
}
const trainY = encodeLabels(trainClasses);
print('trainY', trainY);
