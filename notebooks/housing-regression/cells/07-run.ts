// @budget 60s
// @grade skip
initParams(0);
const losses = train(80);
print('final training loss', losses[losses.length - 1]);
print('test RMSE', evaluate());
tf.tidy(() => tf.stack([model(normalize(testX)).reshape([-1]).slice(0, 6), testY.slice(0, 6)]))
