/**
 * Turns one notebook cell into a function that runs inside the notebook's shared scope.
 *
 * Sucrase strips the types (keeping every statement on its line), then acorn finds the cell's
 * top-level declarations and rewrites them, in place, into assignments to the scope object:
 *
 *   const lr = 0.1          →  ;(lr = 0.1);
 *   function model(x) {…}   →  model = function model(x) {…};
 *   class Mlp {…}           →  Mlp = class Mlp {…};
 *
 * The body runs as `with (scope) { … }` inside an async function, so later cells (and functions
 * defined earlier, through their closures) see every top-level name, re-running a cell simply
 * redefines its names, top-level `await` works, and the grader can read or replace any name.
 * Every edit keeps line breaks, so stack lines are the cell's own lines.
 *
 * A consequence worth stating in the UI: a top-level function exists once its line has run (like
 * `const f = …`), not from the top of its cell.
 */
import { parse, type Node } from 'acorn';
import { transform } from 'sucrase';
import { CompileError } from '../judge/userModule';

/** The parameter that holds the shared scope; user code cannot collide with it in practice. */
export const SCOPE_PARAM = '__notebookScope__';

/** Module specifiers a cell may import; all resolve to the kernel's tf. */
const TF_SPECIFIERS = new Set(['@tensorflow/tfjs', '@tensorflow/tfjs-core']);

export interface CompiledCell {
  /** Body for `new AsyncFunction(SCOPE_PARAM, body)`; returns the cell's last expression, if any. */
  body: string;
  /** Top-level names the cell defines; the kernel creates them in the scope before running. */
  declared: string[];
}

interface Edit {
  at: number;
  /** Characters of the original removed at `at`. */
  remove: number;
  insert: string;
}

type AnyNode = Node & Record<string, any>;

export function compileCell(source: string, fileName: string): CompiledCell {
  let code: string;
  try {
    code = transform(source, { transforms: ['typescript'], filePath: fileName, disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (error) {
    throw compileErrorFrom(error);
  }
  let program: AnyNode;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true, locations: true }) as AnyNode;
  } catch (error) {
    throw compileErrorFrom(error);
  }

  const edits: Edit[] = [];
  const declared = new Set<string>();
  const body = program.body as AnyNode[];
  body.forEach((statement, index) => {
    let node = statement;
    if (node.type === 'ExportNamedDeclaration' && node.declaration) {
      // `export` means nothing in a notebook: every top-level name is shared already.
      edits.push({ at: node.start, remove: node.declaration.start - node.start, insert: '' });
      node = node.declaration;
    } else if (node.type === 'ExportDefaultDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') {
      throw new CompileError('Notebook cells cannot export: every top-level name is already visible to later cells.', node.loc?.start && { line: node.loc.start.line });
    }
    switch (node.type) {
      case 'ImportDeclaration':
        edits.push(rewriteImport(node, code));
        for (const spec of node.specifiers as AnyNode[]) declared.add(spec.local.name);
        break;
      case 'VariableDeclaration':
        for (const declarator of node.declarations as AnyNode[]) collectPatternNames(declarator.id, declared);
        edits.push(...rewriteVariables(node, code));
        break;
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
        declared.add(node.id.name);
        edits.push({ at: node.start, remove: 0, insert: `${node.id.name} = ` }, { at: node.end, remove: 0, insert: ';' });
        break;
      case 'ExpressionStatement':
        if (index === body.length - 1 && !['AssignmentExpression', 'UpdateExpression'].includes(node.expression.type)) {
          // Like a notebook REPL: the last expression's value is shown under the cell.
          edits.push({ at: node.expression.start, remove: 0, insert: 'return (' }, { at: node.expression.end, remove: 0, insert: ')' });
        }
        break;
    }
  });

  // Applied from the end; edits at the same spot keep the order they were pushed in.
  const ordered = edits.map((edit, order) => ({ ...edit, order })).sort((a, b) => b.at - a.at || b.order - a.order);
  let rewritten = code;
  for (const edit of ordered) rewritten = rewritten.slice(0, edit.at) + edit.insert + rewritten.slice(edit.at + edit.remove);
  return { body: `with (${SCOPE_PARAM}) {${rewritten}\n}`, declared: [...declared] };
}

function rewriteImport(node: AnyNode, code: string): Edit {
  const from = String(node.source.value);
  if (!TF_SPECIFIERS.has(from)) {
    throw new CompileError(`Cannot import '${from}': notebooks offer only '@tensorflow/tfjs' (already available as \`tf\`).`, {
      line: node.loc?.start.line ?? 1,
    });
  }
  const bindings = (node.specifiers as AnyNode[]).map((spec) =>
    spec.type === 'ImportSpecifier' ? `${spec.local.name} = tf[${JSON.stringify(spec.imported.name ?? spec.imported.value)}];` : `${spec.local.name} = tf;`,
  );
  return { at: node.start, remove: node.end - node.start, insert: bindings.join(' ') + keepNewlines(code.slice(node.start, node.end)) };
}

/** `const a = 1, {b} = o` → `;(a = 1), ({b} = o);` with every original character of the values kept. */
function rewriteVariables(node: AnyNode, code: string): Edit[] {
  const edits: Edit[] = [{ at: node.start, remove: node.kind.length, insert: ';' }];
  for (const declarator of node.declarations as AnyNode[]) {
    edits.push({ at: declarator.start, remove: 0, insert: '(' });
    edits.push({ at: declarator.end, remove: 0, insert: declarator.init ? ')' : ' = undefined)' });
  }
  if (code[node.end - 1] !== ';') edits.push({ at: node.end, remove: 0, insert: ';' });
  return edits;
}

function collectPatternNames(pattern: AnyNode, into: Set<string>): void {
  switch (pattern.type) {
    case 'Identifier':
      into.add(pattern.name);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties as AnyNode[]) collectPatternNames(property.type === 'RestElement' ? property.argument : property.value, into);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements as (AnyNode | null)[]) if (element) collectPatternNames(element, into);
      break;
    case 'RestElement':
      collectPatternNames(pattern.argument, into);
      break;
    case 'AssignmentPattern':
      collectPatternNames(pattern.left, into);
      break;
  }
}

function keepNewlines(text: string): string {
  return text.replace(/[^\n]/g, '');
}

function compileErrorFrom(error: unknown): CompileError {
  const anyError = error as { message?: string; loc?: { line: number; column: number } };
  const message = String(anyError.message ?? error);
  if (anyError.loc) return new CompileError(message, { line: anyError.loc.line, column: anyError.loc.column + 1 });
  const match = /\((\d+):(\d+)\)/.exec(message);
  return new CompileError(message, match ? { line: Number(match[1]), column: Number(match[2]) + 1 } : undefined);
}

/** The constructor of async functions; cells are bodies of one so top-level `await` works. */
export const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;

/**
 * Lines the AsyncFunction constructor puts above the body, measured once (engines differ), so
 * stack lines map back to cell lines.
 */
export const ASYNC_HEADER_LINES: number = (() => {
  let stack = '';
  try {
    // An async body runs synchronously up to its first await, so the callback fires right here.
    void new AsyncFunction('report', 'report(new Error("calibrate").stack)\n//# sourceURL=calibrate-cell.ts')((s: unknown) => (stack = String(s)));
  } catch {
    // Keep the default below.
  }
  const match = /calibrate-cell\.ts:(\d+):\d+/.exec(stack);
  return match ? Number(match[1]) - 1 : 2;
})();
