import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Conv2d as one ONNX Conv node (NCHW, OIHW weights, symmetric pads): the second, independent reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, w, b, stride, padding, dilation, groups] = args as [TensorSpec, TensorSpec, TensorSpec, number[], number[], number[], number];
    const feeds = { x, w, b };
    const [n, , h, wd] = x.shape;
    const [cOut, , kh, kw] = w.shape;
    const ho = Math.floor((h + 2 * padding[0] - dilation[0] * (kh - 1) - 1) / stride[0]) + 1;
    const wo = Math.floor((wd + 2 * padding[1] - dilation[1] * (kw - 1) - 1) / stride[1]) + 1;
    return {
      key: shapeKey(feeds, `conv:${stride}:${padding}:${dilation}:${groups}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const out = g.node('Conv', [g.input('x', x.shape), g.input('w', w.shape), g.input('b', b.shape)], {
          kernel_shape: [kh, kw],
          strides: stride,
          dilations: dilation,
          // [top, left, bottom, right]
          pads: [padding[0], padding[1], padding[0], padding[1]],
          group: groups,
        });
        g.output(out, 'out', [n, cOut, ho, wo]);
        return g.build('conv2d');
      },
    };
  },
});
