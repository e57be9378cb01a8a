// @budget 60s
// @grade skip
initParams(0);
const losses = train(150);
print('final train loss', losses[losses.length - 1]);
print('validation loss', evaluate());
print(complete('shall i', 30));
