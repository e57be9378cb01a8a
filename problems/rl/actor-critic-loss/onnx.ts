import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * The A2C loss with hand-derived gradients as an ONNX graph: returns by an unrolled backward
 * recursion (constants by construction: the graph has no autodiff), LogSoftmax, a one-hot from
 * Equal against a range, masked means, and the closed-form derivatives
 *   ∂/∂z = m/M · [−A·(onehot − π) + c_e·π·(log π + H)],   ∂/∂V_t = −2c_v·m/M·(R − V_t),  ∂/∂V_T = 0.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [logits, actions, values, rewards, dones, mask, gamma, valueCoef, entropyCoef] = args as [
      TensorSpec,
      TensorSpec,
      TensorSpec,
      TensorSpec,
      TensorSpec,
      TensorSpec,
      number,
      number,
      number,
    ];
    const feeds = { logits, actions, values, rewards, dones, mask };
    return {
      key: shapeKey(feeds, `${gamma}:${valueCoef}:${entropyCoef}`),
      feeds,
      assemble: (o) => ({
        kind: 'object',
        entries: { loss: o.loss, policyLoss: o.policyLoss, valueLoss: o.valueLoss, entropy: o.entropy, gradLogits: o.gradLogits, gradValues: o.gradValues },
      }),
      model: () => {
        const g = new GraphBuilder();
        const [N, T, A] = logits.shape;
        const z = g.input('logits', [N, T, A]);
        const act = g.input('actions', [N, T], 'int32');
        const vals = g.input('values', [N, T + 1]);
        const r = g.input('rewards', [N, T]);
        const d = g.input('dones', [N, T]);
        const m = g.input('mask', [N, T]);
        const i64 = (v: number) => g.constant([v], [1], 'int64');
        const cols = (x: Value, from: number, to: number) => g.node('Slice', [x, i64(from), i64(to), i64(1)]);

        // R_t = r_t + γ(1 − d_t)R_{t+1}, R_T = V(s_T), unrolled backwards.
        const R: Value[] = new Array(T);
        let next = cols(vals, T, T + 1); // [N, 1]
        for (let t = T - 1; t >= 0; t--) {
          next = g.add(cols(r, t, t + 1), g.mul(g.mul(g.scalar(gamma), g.sub(g.scalar(1), cols(d, t, t + 1))), next));
          R[t] = next;
        }
        const returns = T === 1 ? R[0] : g.node('Concat', R, { axis: 1 });
        const V = cols(vals, 0, T);
        const adv = g.sub(returns, V);

        const logp = g.node('LogSoftmax', [z], { axis: -1 });
        const p = g.exp(logp);
        const range = g.constant(Array.from({ length: A }, (_, a) => a), [1, 1, A], 'int32');
        const onehot = g.cast(g.node('Equal', [g.reshape(act, [N, T, 1]), range]), 'float32');
        const taken = g.reduceSum(g.mul(logp, onehot), [2], false);
        const H = g.neg(g.reduceSum(g.mul(p, logp), [2], false));
        const count = g.reduceSum(m, [0, 1], false);
        const mean = (x: Value) => g.div(g.reduceSum(g.mul(x, m), [0, 1], false), count);

        const policyLoss = g.neg(mean(g.mul(taken, adv)));
        const diff = g.sub(returns, V);
        const valueLoss = mean(g.mul(diff, diff));
        const entropy = mean(H);
        const loss = g.sub(g.add(policyLoss, g.mul(g.scalar(valueCoef), valueLoss)), g.mul(g.scalar(entropyCoef), entropy));

        const weight = g.reshape(g.div(m, count), [N, T, 1]);
        const policyGrad = g.mul(g.neg(g.reshape(adv, [N, T, 1])), g.sub(onehot, p));
        const entropyGrad = g.mul(g.scalar(entropyCoef), g.mul(p, g.add(logp, g.reshape(H, [N, T, 1]))));
        const gradLogits = g.mul(weight, g.add(policyGrad, entropyGrad));
        const gradV = g.mul(g.scalar(-2 * valueCoef), g.mul(g.div(m, count), diff));
        const gradValues = g.node('Concat', [gradV, g.constant(new Array(N).fill(0), [N, 1])], { axis: 1 });

        g.output(loss, 'loss', []);
        g.output(policyLoss, 'policyLoss', []);
        g.output(valueLoss, 'valueLoss', []);
        g.output(entropy, 'entropy', []);
        g.output(gradLogits, 'gradLogits', [N, T, A]);
        g.output(gradValues, 'gradValues', [N, T + 1]);
        return g.build('actor-critic-loss');
      },
    };
  },
});
