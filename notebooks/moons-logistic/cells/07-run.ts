// @budget 60s
// @grade skip
initParams(0);
const losses = train(150);
print('final loss', losses[losses.length - 1]);
print('test accuracy', evaluate());
