import { transform } from 'sucrase';
import type { SerializedError, SourceLocation } from '../shared/protocol';

/** The file name user code runs under; stack frames that name it point into the user's editor. */
export const USER_FILE = 'solution.ts';

/** Module specifiers user code may import, all resolving to the judge's tf namespace. */
const TF_SPECIFIERS = new Set(['@tensorflow/tfjs', '@tensorflow/tfjs-core']);

/** The user's source failed to parse or transform. */
export class CompileError extends Error {
  constructor(message: string, readonly location?: SourceLocation) {
    super(message);
    this.name = 'CompileError';
  }
}

/**
 * The Function constructor, captured when this module loads: a realm running user code removes
 * the global one (and `.constructor` of functions) afterwards, see workers/lockdown.ts.
 */
const FunctionConstructor = Function;

/**
 * `new Function` puts a header in front of the body, so V8 reports body line 1 as line 3. Measure
 * the offset once instead of hard-coding it: it differs between engines and versions.
 */
const FUNCTION_HEADER_LINES: number = (() => {
  try {
    new Function('throw new Error("calibrate")\n//# sourceURL=calibrate.ts')();
  } catch (error) {
    const match = /calibrate\.ts:(\d+):\d+/.exec(String((error as Error).stack));
    if (match) return Number(match[1]) - 1;
  }
  return 2;
})();

/**
 * Strip types and turn ES imports into CommonJS with sucrase. Sucrase keeps every statement on its
 * original line, so line numbers in stack traces are the user's line numbers.
 */
export function transpile(source: string): string {
  try {
    return transform(source, { transforms: ['typescript', 'imports'], filePath: USER_FILE }).code;
  } catch (error) {
    const message = (error as Error).message;
    const match = /\((\d+):(\d+)\)/.exec(message);
    const location = match ? { line: Number(match[1]), column: Number(match[2]) + 1 } : undefined;
    throw new CompileError(message, location);
  }
}

/**
 * Evaluate a user module and return its exports. `tf` is what `import * as tf from
 * '@tensorflow/tfjs'` resolves to (the judge passes a guarded namespace). Any other import is a
 * compile error: the worker offers nothing else.
 */
export function loadUserModule(source: string, tf: object, userConsole: object = console): Record<string, unknown> {
  const code = transpile(source);
  let factory: Function;
  try {
    // `console` is a parameter so the judge can capture what the code logs (consoleCapture.ts);
    // the parameters share the header's one line, so line numbers are unchanged.
    factory = new FunctionConstructor('require', 'module', 'exports', 'console', `${code}\n//# sourceURL=${USER_FILE}`);
  } catch (error) {
    throw new CompileError((error as Error).message, locateInUserCode(error));
  }
  const module = { exports: {} as Record<string, unknown> };
  const require = (specifier: string) => {
    if (TF_SPECIFIERS.has(specifier)) return tf;
    throw new CompileError(`Cannot import '${specifier}': only '@tensorflow/tfjs' is available here.`);
  };
  factory(require, module, module.exports, userConsole);
  return module.exports;
}

/** The first stack frame in the user's file, as an editor line. */
export function locateInUserCode(error: unknown): SourceLocation | undefined {
  return locateInFile(error, USER_FILE);
}

/**
 * The first stack frame in `file` (a `//# sourceURL` name), as a line of that file. `headerLines`
 * is what the Function constructor put above the body; the notebook kernel measures its own.
 */
export function locateInFile(error: unknown, file: string, headerLines = FUNCTION_HEADER_LINES): SourceLocation | undefined {
  const stack = String((error as Error)?.stack ?? '');
  const match = new RegExp(`${escapeRegExp(file)}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return undefined;
  return { line: Number(match[1]) - headerLines, column: Number(match[2]) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Turn anything thrown into data that crosses postMessage, with the user's line when known.
 * `file` and `headerLines` name where user code ran (the notebook kernel runs cells under their own names).
 */
export function serializeError(error: unknown, file = USER_FILE, headerLines = FUNCTION_HEADER_LINES): SerializedError {
  if (error instanceof CompileError) {
    return { name: error.name, message: error.message, location: error.location };
  }
  if (error instanceof Error) {
    return {
      name: error.name,
      message: error.message,
      location: locateInFile(error, file, headerLines),
      stack: userStack(error.stack, file, headerLines),
    };
  }
  return { name: 'Error', message: `Thrown value: ${safeString(error)}` };
}

/** Keep only the frames in the user's file, with their lines shifted to editor lines. */
function userStack(stack: string | undefined, file: string, headerLines: number): string | undefined {
  if (!stack) return undefined;
  const frames = stack
    .split('\n')
    .filter((line) => line.includes(file))
    .map((line) => line.replace(new RegExp(`(\\S*${escapeRegExp(file)}):(\\d+):(\\d+)`), (_, _file, l, c) => `${file}:${Number(l) - headerLines}:${c}`));
  return frames.length ? frames.join('\n') : undefined;
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
