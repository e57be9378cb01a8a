/**
 * What a round part points at, resolved for the UI: a problem from the catalog, or a debugging
 * notebook's metadata read straight from `notebooks/<id>/notebook.json` (pure data, so the main
 * thread still never loads a notebook's code). A part whose content is missing resolves to
 * `undefined` and the round page shows it as not available instead of failing.
 */
import { findProblem, type ProblemSummary } from '../catalog';
import type { RoundPartDefinition } from './definitions';

/** The fields of a notebook's metadata a round shows. */
export interface RoundNotebookInfo {
  id: string;
  title: string;
  summary?: string;
  /** The training target in words. */
  target?: string;
  estimatedMinutes?: number;
}

const notebookMetas = import.meta.glob<Omit<RoundNotebookInfo, 'id'>>('/notebooks/*/notebook.json', { eager: true, import: 'default' });

export function findRoundNotebook(id: string): RoundNotebookInfo | undefined {
  const meta = notebookMetas[`/notebooks/${id}/notebook.json`];
  return meta ? { ...meta, id } : undefined;
}

export type ResolvedPart =
  | { kind: 'problem'; id: string; problem?: ProblemSummary }
  | { kind: 'notebook'; id: string; notebook?: RoundNotebookInfo };

export function resolvePart(kind: 'problem' | 'notebook', id: string): ResolvedPart {
  return kind === 'problem' ? { kind, id, problem: findProblem(id) } : { kind, id, notebook: findRoundNotebook(id) };
}

export function resolveDefinitionPart(part: RoundPartDefinition): ResolvedPart {
  return part.kind === 'problem' ? resolvePart('problem', part.problemId) : resolvePart('notebook', part.notebookId);
}

/** The title to show and store for a part; the id when its content is missing. */
export function partTitle(kind: 'problem' | 'notebook', id: string): string {
  const resolved = resolvePart(kind, id);
  return (resolved.kind === 'problem' ? resolved.problem?.title : resolved.notebook?.title) ?? id;
}

/** `#/notebooks/<id>`, the notebook page; `?round=<attemptId>` lets it report its grades to the round (notebookBridge.ts). */
export function notebookHref(id: string, attemptId?: string): string {
  return `#/notebooks/${id}${attemptId ? `?round=${attemptId}` : ''}`;
}
