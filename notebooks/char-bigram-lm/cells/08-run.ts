// @budget 60s
// @grade skip
initParams(0);
const losses = train(120);
print('final training loss', losses[losses.length - 1]);
print('validation loss', evaluate());
print(sample('alice ', 60));
