import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** The three TD-control targets as an ONNX graph: Gather rows, GatherElements, ReduceMax and an ArgMax one-hot. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [q, rewards, nextStates, nextActions, dones, gamma, epsilon] = args as [TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, number, number];
    const feeds = { q, rewards, nextStates, nextActions, dones };
    return {
      key: shapeKey(feeds, `${gamma}:${epsilon}`),
      feeds,
      assemble: (o) => ({ kind: 'object', entries: { sarsa: o.sarsa, expectedSarsa: o.expectedSarsa, qLearning: o.qLearning } }),
      model: () => {
        const g = new GraphBuilder();
        const [S, A] = q.shape;
        const [B] = rewards.shape;
        const qv = g.input('q', [S, A]);
        const r = g.input('rewards', [B]);
        const ns = g.input('nextStates', [B], 'int32');
        const na = g.input('nextActions', [B], 'int32');
        const d = g.input('dones', [B]);
        const qNext = g.node('Gather', [qv, g.cast(ns, 'int64')], { axis: 0 }); // [B, A]
        const keep = g.mul(g.scalar(gamma), g.sub(g.scalar(1), d));
        const target = (v: ReturnType<GraphBuilder['input']>) => g.add(r, g.mul(keep, v));
        const taken = g.reshape(g.node('GatherElements', [qNext, g.reshape(g.cast(na, 'int64'), [B, 1])], { axis: 1 }), [B]);
        const best = g.node('ReduceMax', [qNext], { axes: [1], keepdims: 0 });
        const greedy = g.node('ArgMax', [qNext], { axis: 1, keepdims: 1 }); // [B, 1] int64, first maximum
        const range = g.constant(Array.from({ length: A }, (_, a) => a), [1, A], 'int64');
        const onehot = g.cast(g.node('Equal', [greedy, range]), 'float32');
        const probs = g.add(g.mul(onehot, g.scalar(1 - epsilon)), g.scalar(epsilon / A));
        const expected = g.reduceSum(g.mul(probs, qNext), [1], false);
        g.output(target(taken), 'sarsa', [B]);
        g.output(target(expected), 'expectedSarsa', [B]);
        g.output(target(best), 'qLearning', [B]);
        return g.build('sarsa-vs-q');
      },
    };
  },
});
