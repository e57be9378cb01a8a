// @budget 60s
// @grade skip
initParams(0);
const losses = train(300);
print('final loss', losses[losses.length - 1]);
print('validation accuracy', evaluate());
