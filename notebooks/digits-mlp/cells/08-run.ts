// @budget 60s
// @grade skip
initParams(0);
const losses = train(60);
print('final training loss', losses[losses.length - 1]);
print('test accuracy', evaluate());
print('test accuracy again', evaluate());
