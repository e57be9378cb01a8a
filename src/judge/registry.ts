/**
 * Finds problem definitions and their known-mistake sources in problems/. Vite resolves the globs
 * at build time, in the worker bundle, in Vitest and in the command-line judge alike, so adding a
 * folder is all it takes to add a problem.
 */
import type { ProblemDefinition } from './problem';
import type { OnnxFormulation } from '../onnx/formulation';

const definitions = import.meta.glob<ProblemDefinition>('/problems/*/*/problem.ts', { import: 'default' });
const mistakeFiles = import.meta.glob<string>('/problems/*/*/mistakes/*.ts', { query: '?raw', import: 'default' });
const sourceFiles = import.meta.glob<string>(['/problems/*/*/reference.ts', '/problems/*/*/starter.ts'], {
  query: '?raw',
  import: 'default',
});

const alternativeFiles = import.meta.glob<string>('/problems/*/*/alternatives/*.ts', { query: '?raw', import: 'default' });

/**
 * Independent correct solutions of a problem, by file name: written from the statement and starter
 * alone, by someone who had not read the reference. Each must be accepted, or the statement is wrong.
 */
export async function loadAlternatives(id: string): Promise<Record<string, string>> {
  const prefix = `/problems/${id}/alternatives/`;
  const entries = await Promise.all(
    Object.entries(alternativeFiles)
      .filter(([path]) => path.startsWith(prefix))
      .map(async ([path, load]) => [path.slice(prefix.length).replace(/\.ts$/, ''), await load()] as const),
  );
  return Object.fromEntries(entries);
}

const onnxFiles = import.meta.glob<OnnxFormulation>('/problems/*/*/onnx.ts', { import: 'default' });

/** Problems whose reference also exists as an ONNX graph (cross-checked on Submit). */
export const onnxProblemIds: string[] = Object.keys(onnxFiles)
  .map((path) => path.replace(/^\/problems\//, '').replace(/\/onnx\.ts$/, ''))
  .sort();

/** The ONNX formulation of a problem's reference, or undefined when it has none. */
export async function loadOnnxFormulation(id: string): Promise<OnnxFormulation | undefined> {
  return onnxFiles[`/problems/${id}/onnx.ts`]?.();
}

/** Every problem id (`<track>/<id>`) that has a problem.ts. */
export const problemIds: string[] = Object.keys(definitions)
  .map((path) => path.replace(/^\/problems\//, '').replace(/\/problem\.ts$/, ''))
  .sort();

export class UnknownProblemError extends Error {
  constructor(id: string) {
    super(`Unknown problem "${id}". Known problems: ${problemIds.join(', ')}.`);
    this.name = 'UnknownProblemError';
  }
}

export async function loadProblem(id: string): Promise<ProblemDefinition> {
  const load = definitions[`/problems/${id}/problem.ts`];
  if (!load) throw new UnknownProblemError(id);
  return load();
}

/** The source of every known mistake of a problem, by mistake id. */
export async function loadMistakeSources(id: string): Promise<Record<string, string>> {
  const prefix = `/problems/${id}/mistakes/`;
  const entries = await Promise.all(
    Object.entries(mistakeFiles)
      .filter(([path]) => path.startsWith(prefix))
      .map(async ([path, load]) => [path.slice(prefix.length).replace(/\.ts$/, ''), await load()] as const),
  );
  return Object.fromEntries(entries);
}

/** The reference or starter source of a problem, as a user would submit it (self-tests use these). */
export async function loadSource(id: string, file: 'reference' | 'starter'): Promise<string> {
  const load = sourceFiles[`/problems/${id}/${file}.ts`];
  if (!load) throw new Error(`Problem ${id} has no ${file}.ts`);
  return load();
}
