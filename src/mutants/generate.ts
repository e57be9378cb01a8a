/**
 * Plausible single edits to a reference solution — the bugs a candidate makes — for mutation
 * testing: a problem's cases are only as strong as the wrong answers they reject. The source is
 * stripped of types (sucrase keeps lines), parsed with acorn, and each edit replaces one node's
 * text. A mutant's key names its line, the text it replaces and the replacement, so the reviewed
 * list of equivalent mutants survives edits elsewhere in the file.
 */
import { Parser, type Node } from 'acorn';
import { transform } from 'sucrase';

export interface Mutant {
  /** Stable name: `L12: d - 1 → d + 1` (with `#2` when the same edit occurs twice on a line). */
  key: string;
  /** The operator family, for the report. */
  operator: string;
  line: number;
  /** The whole module with the edit applied (plain JavaScript with ES imports). */
  source: string;
  /** The edited line before and after, for the survivors' diff. */
  before: string;
  after: string;
  /** Inside a while loop or a for loop's test or update: could loop forever, so kept out of quick in-process samples. */
  mayHang: boolean;
}

type AnyNode = Node & Record<string, any>;

const BINARY_SWAPS: Record<string, string[]> = {
  '+': ['-'],
  '-': ['+'],
  '*': ['/'],
  '/': ['*'],
  '<': ['<='],
  '<=': ['<'],
  '>': ['>='],
  '>=': ['>'],
  '===': ['!=='],
  '!==': ['==='],
  '&&': ['||'],
  '||': ['&&'],
};

/** tf functions and tensor methods a slip of the mind swaps for their sibling. */
const CALL_SWAPS: Record<string, string> = {
  sum: 'mean',
  mean: 'sum',
  max: 'min',
  min: 'max',
  maximum: 'minimum',
  minimum: 'maximum',
  add: 'sub',
  sub: 'add',
  mul: 'div',
  div: 'mul',
  argMax: 'argMin',
  argMin: 'argMax',
  greater: 'greaterEqual',
  greaterEqual: 'greater',
  less: 'lessEqual',
  lessEqual: 'less',
  exp: 'log',
  log: 'exp',
  floor: 'ceil',
  ceil: 'floor',
  round: 'floor',
  logicalAnd: 'logicalOr',
  logicalOr: 'logicalAnd',
  cumsum: 'cumprod',
  relu: 'abs',
};

/** Calls whose removal is a classic slip: return their first argument (or the object) instead. */
const DROPPABLE = new Set(['transpose', 'neg', 'sqrt', 'square', 'abs', 'squeeze', 'expandDims', 'reverse', 'stopGradient', 'cast']);

export function generateMutants(tsSource: string): Mutant[] {
  const js = transform(tsSource, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true }).code;
  const ast = Parser.parse(js, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as AnyNode;
  const edits: { start: number; end: number; text: string; operator: string; line: number; mayHang: boolean }[] = [];
  const loopRanges: [number, number][] = [];
  const text = (node: AnyNode) => js.slice(node.start, node.end);

  walk(ast, (node, parent) => {
    const mayHang = loopRanges.some(([s, e]) => node.start >= s && node.end <= e);
    const add = (start: number, end: number, replacement: string, operator: string) =>
      edits.push({ start, end, text: replacement, operator, line: lineOf(js, start), mayHang });
    if (node.type === 'ForStatement') {
      for (const part of [node.test, node.update]) if (part) loopRanges.push([part.start, part.end]);
    }
    if (node.type === 'WhileStatement' || node.type === 'DoWhileStatement') loopRanges.push([node.start, node.end]);
    if (node.type === 'Literal' && typeof node.value === 'number' && parent?.type !== 'MemberExpression') {
      const negated = parent?.type === 'UnaryExpression' && parent.operator === '-';
      if (negated) return; // handled on the unary node: −1 → −2 is the axis slip
      for (const n of neighbours(node.value)) add(node.start, node.end, formatNumber(n), 'literal');
    }
    if (node.type === 'UnaryExpression' && node.operator === '-') {
      if (node.argument.type === 'Literal' && typeof node.argument.value === 'number') {
        for (const n of neighbours(-node.argument.value)) add(node.start, node.end, formatNumber(n), 'literal');
      } else {
        add(node.start, node.end, text(node.argument), 'drop-negation');
      }
    }
    if (node.type === 'Literal' && typeof node.value === 'boolean') add(node.start, node.end, String(!node.value), 'boolean');
    if ((node.type === 'BinaryExpression' || node.type === 'LogicalExpression') && BINARY_SWAPS[node.operator]) {
      const opStart = js.indexOf(node.operator, node.left.end);
      for (const op of BINARY_SWAPS[node.operator]) add(opStart, opStart + node.operator.length, op, 'operator');
    }
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed) {
      const name: string = node.callee.property.name;
      const isTf = node.callee.object.type === 'Identifier' && node.callee.object.name === 'tf';
      const isMath = node.callee.object.type === 'Identifier' && node.callee.object.name === 'Math';
      if ((isTf || isMath || !['Math', 'Object', 'Array', 'console'].includes(node.callee.object.name)) && CALL_SWAPS[name]) {
        add(node.callee.property.start, node.callee.property.end, CALL_SWAPS[name], 'call-swap');
      }
      if (DROPPABLE.has(name)) {
        if (isTf && node.arguments.length >= 1) add(node.start, node.end, text(node.arguments[0]), 'drop-call');
        else if (!isTf && !isMath && node.callee.object.type !== 'Super') add(node.start, node.end, text(node.callee.object), 'drop-call');
      }
      if (isTf && node.arguments.length >= 2 && isSwappable(node.arguments[0]) && isSwappable(node.arguments[1])) {
        const [a, b] = node.arguments;
        add(a.start, b.end, `${text(b)}, ${text(a)}`, 'swap-args');
      }
    }
  });

  const lines = js.split('\n');
  const seen = new Map<string, number>();
  const mutants: Mutant[] = [];
  for (const edit of edits) {
    const source = js.slice(0, edit.start) + edit.text + js.slice(edit.end);
    if (source === js) continue;
    const original = js.slice(edit.start, edit.end);
    let key = `L${edit.line}: ${squash(original)} → ${squash(edit.text)}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > 1) key += ` #${count}`;
    mutants.push({
      key,
      operator: edit.operator,
      line: edit.line,
      source,
      before: lines[edit.line - 1].trim(),
      after: source.split('\n')[edit.line - 1].trim(),
      mayHang: edit.mayHang,
    });
  }
  return mutants;
}

/**
 * Off-by-one neighbours of a small integer literal, and 0 ↔ 1 (permutation and axis slips). Large
 * constants (−1e9 fills) and fractions (eps, 0.5) have no plausible one-character slip.
 */
function neighbours(value: number): number[] {
  if (!Number.isInteger(value) || Math.abs(value) > 64) return [];
  const out = new Set([value + 1, value - 1]);
  if (value === 0) out.add(1);
  if (value === 1) out.add(0);
  out.delete(value);
  return [...out];
}

function formatNumber(n: number): string {
  return n < 0 ? `(${n})` : String(n);
}

/** Arguments worth swapping: not literals (tf.sub(x, 1) → tf.sub(1, x) is covered by other edits too, but keep names). */
function isSwappable(node: AnyNode): boolean {
  return node.type !== 'Literal' && node.type !== 'ObjectExpression' && node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression';
}

function squash(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function walk(node: AnyNode, visit: (node: AnyNode, parent?: AnyNode) => void, parent?: AnyNode): void {
  visit(node, parent);
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const child = node[key];
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item.type === 'string') walk(item, visit, node);
    } else if (child && typeof child.type === 'string') {
      walk(child, visit, node);
    }
  }
}
