// Hyper-parameters.
const LR = 8;
const BATCH = 50;
const HIDDEN = 64;
