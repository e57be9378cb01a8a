/**
 * Mock-round definitions: `rounds/<id>.json`, read at build time and validated here. Pure data and
 * pure code (no React, no tfjs), shared by the app and the unit tests. Adding a file adds a round;
 * a file that does not validate is left out and its errors are listed, never thrown at the user.
 */

/** What kind of interview round a definition rehearses; shown on the list and start pages. */
export type RoundFormat = 'implementation' | 'debugging' | 'progressive' | 'post-training' | 'classic-ml' | 'mixed';

export const ROUND_FORMATS: readonly RoundFormat[] = ['implementation', 'debugging', 'progressive', 'post-training', 'classic-ml', 'mixed'];

/** One part of a round: a judged problem or a debugging notebook. */
export type RoundPartDefinition =
  | {
      kind: 'problem';
      /** `<track>/<id>`, a folder under problems/. */
      problemId: string;
      /** Points for accepting this part before the time is up. */
      points: number;
    }
  | {
      kind: 'notebook';
      /** A folder under notebooks/. */
      notebookId: string;
      points: number;
    };

/** `rounds/<id>.json`. */
export interface RoundDefinition {
  /** Equals the file name without `.json`; kebab-case. */
  id: string;
  title: string;
  format: RoundFormat;
  /** The time box. */
  durationMinutes: number;
  /** Markdown-free prose shown on the start page: what the round is like and what to expect. */
  description: string;
  /** Points one revealed hint takes off its part; defaults to DEFAULT_HINT_COST_FRACTION of the part's points. */
  hintCost?: number;
  /** Position on the list page; lower first. */
  order?: number;
  /** 2–4 parts, each building on the one before; a part unlocks once the previous is accepted or skipped. */
  parts: RoundPartDefinition[];
}

/** A hint costs a fifth of its part's points unless the round says otherwise. */
export const DEFAULT_HINT_COST_FRACTION = 0.2;
export const MIN_PARTS = 2;
export const MAX_PARTS = 4;
/** Longest time box a definition may ask for. */
export const MAX_DURATION_MINUTES = 240;

export type ValidationResult = { ok: true; round: RoundDefinition } | { ok: false; errors: string[] };

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PROBLEM_ID_PATTERN = /^[a-z0-9-]+\/[a-z0-9-]+$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * Check one parsed JSON file. `fileId` is the file name without `.json`; every error names the
 * field it is about, so a broken definition says exactly what to fix.
 */
export function validateRound(raw: unknown, fileId: string): ValidationResult {
  const errors: string[] = [];
  if (!isRecord(raw)) return { ok: false, errors: ['the file must hold a JSON object'] };
  const { id, title, format, durationMinutes, description, hintCost, order, parts } = raw;

  if (typeof id !== 'string' || !ID_PATTERN.test(id)) errors.push('"id" must be a kebab-case string');
  else if (id !== fileId) errors.push(`"id" is "${id}" but the file is ${fileId}.json; they must match`);
  if (typeof title !== 'string' || title.trim() === '') errors.push('"title" must be a non-empty string');
  if (typeof format !== 'string' || !(ROUND_FORMATS as readonly string[]).includes(format)) {
    errors.push(`"format" must be one of ${ROUND_FORMATS.join(', ')}`);
  }
  if (!isPositiveNumber(durationMinutes) || durationMinutes > MAX_DURATION_MINUTES) {
    errors.push(`"durationMinutes" must be a number in (0, ${MAX_DURATION_MINUTES}]`);
  }
  if (typeof description !== 'string' || description.trim() === '') errors.push('"description" must be a non-empty string');
  if (hintCost !== undefined && !(typeof hintCost === 'number' && Number.isFinite(hintCost) && hintCost >= 0)) {
    errors.push('"hintCost" must be a number ≥ 0 when given');
  }
  if (order !== undefined && !(typeof order === 'number' && Number.isFinite(order))) errors.push('"order" must be a number when given');

  const checkedParts: RoundPartDefinition[] = [];
  if (!Array.isArray(parts)) {
    errors.push('"parts" must be an array');
  } else {
    if (parts.length < MIN_PARTS || parts.length > MAX_PARTS) {
      errors.push(`"parts" must have ${MIN_PARTS}–${MAX_PARTS} entries, not ${parts.length}`);
    }
    parts.forEach((part: unknown, index) => {
      const at = `parts[${index}]`;
      if (!isRecord(part)) {
        errors.push(`${at} must be an object`);
        return;
      }
      if (!isPositiveNumber(part.points) || !Number.isInteger(part.points)) errors.push(`${at}.points must be a positive integer`);
      if (part.kind === 'problem') {
        if (typeof part.problemId !== 'string' || !PROBLEM_ID_PATTERN.test(part.problemId)) {
          errors.push(`${at}.problemId must look like "<track>/<id>"`);
        } else checkedParts.push({ kind: 'problem', problemId: part.problemId, points: part.points as number });
      } else if (part.kind === 'notebook') {
        if (typeof part.notebookId !== 'string' || !ID_PATTERN.test(part.notebookId)) {
          errors.push(`${at}.notebookId must be a kebab-case notebook folder name`);
        } else checkedParts.push({ kind: 'notebook', notebookId: part.notebookId, points: part.points as number });
      } else {
        errors.push(`${at}.kind must be "problem" or "notebook"`);
      }
    });
    const refs = checkedParts.map(partRef);
    const repeated = refs.filter((ref, index) => refs.indexOf(ref) !== index);
    if (repeated.length) errors.push(`"parts" lists ${repeated.join(', ')} more than once`);
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    round: {
      id: id as string,
      title: (title as string).trim(),
      format: format as RoundFormat,
      durationMinutes: durationMinutes as number,
      description: (description as string).trim(),
      ...(hintCost !== undefined ? { hintCost: hintCost as number } : {}),
      ...(order !== undefined ? { order: order as number } : {}),
      parts: checkedParts,
    },
  };
}

/** `problem:attention/kv-cache` or `notebook:char-lm`: a stable name for a part's content. */
export function partRef(part: RoundPartDefinition): string {
  return part.kind === 'problem' ? `problem:${part.problemId}` : `notebook:${part.notebookId}`;
}

/** Points one revealed hint takes off `part` in `round`. */
export function hintCostOf(round: Pick<RoundDefinition, 'hintCost'>, part: RoundPartDefinition): number {
  return round.hintCost ?? Math.round(part.points * DEFAULT_HINT_COST_FRACTION);
}

/** A definition file that did not validate, for the list page and the tests. */
export interface RoundLoadError {
  file: string;
  errors: string[];
}

/** Validate every file of a `rounds/*.json` glob; valid rounds come back sorted by order, then title. */
export function loadRoundFiles(files: Record<string, unknown>): { rounds: RoundDefinition[]; errors: RoundLoadError[] } {
  const rounds: RoundDefinition[] = [];
  const errors: RoundLoadError[] = [];
  for (const [path, raw] of Object.entries(files)) {
    const fileId = path.replace(/^.*\//, '').replace(/\.json$/, '');
    const result = validateRound(raw, fileId);
    if (result.ok) rounds.push(result.round);
    else errors.push({ file: path, errors: result.errors });
  }
  rounds.sort((a, b) => (a.order ?? 99) - (b.order ?? 99) || a.title.localeCompare(b.title));
  return { rounds, errors };
}

const roundFiles = import.meta.glob('/rounds/*.json', { eager: true, import: 'default' });
const loaded = loadRoundFiles(roundFiles);

/** Every shipped round that validated. */
export const rounds: RoundDefinition[] = loaded.rounds;
/** Shipped files that did not validate; shown on the rounds page so a broken file is noticed. */
export const roundLoadErrors: RoundLoadError[] = loaded.errors;
if (roundLoadErrors.length) {
  console.error('[tensordojo] invalid round definitions:', roundLoadErrors);
}

export function findRound(id: string): RoundDefinition | undefined {
  return rounds.find((round) => round.id === id);
}
