/**
 * Export every key of the app's store to one versioned JSON file, and merge such a file back.
 *
 * Contract: import validates the WHOLE file before anything is written, then writes every merged
 * key in one `setMany` (one IndexedDB transaction), so a corrupt, foreign or too-new file changes
 * nothing. Merging never loses local work: drafts keep the newer save, histories are unions,
 * counters take the larger value, `solved` is an OR and first-reached times the earlier one.
 *
 * Pure module: the store is the small `KvStore` interface (idb-keyval in the app, a Map in tests).
 */
import type { Draft, Progress } from './db';
import type { ArchivedDraft, DayActivity, SubmissionRecord } from './records';
import { MAX_ARCHIVED_DRAFTS_PER_PROBLEM, MAX_SUBMISSIONS_PER_PROBLEM } from './records';

/** The minimal store export/import needs; `setMany` must be all-or-nothing. */
export interface KvStore {
  entries(): Promise<[string, unknown][]>;
  getMany(keys: string[]): Promise<unknown[]>;
  setMany(entries: [string, unknown][]): Promise<void>;
}

export const EXPORT_APP = 'tensordojo';
export const EXPORT_VERSION = 1;
/** Larger files are refused before parsing: a real export is a few MB at most. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
const MAX_KEY_LENGTH = 1000;

/** The file format. */
export interface ExportEnvelope {
  app: typeof EXPORT_APP;
  version: number;
  /** ISO time of the export. */
  exportedAt: string;
  /** Every key of the store, as stored. */
  data: Record<string, unknown>;
}

/** What an import did, for the confirmation message. */
export interface ImportSummary {
  /** Keys in the file. */
  total: number;
  /** Keys that did not exist here. */
  added: number;
  /** Keys whose local value changed by merging. */
  updated: number;
  /** Keys already up to date. */
  unchanged: number;
}

/** A file that cannot be imported; `message` is written for the user. */
export class ImportError extends Error {
  override name = 'ImportError';
}

export async function buildExport(store: KvStore, now = new Date()): Promise<ExportEnvelope> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of await store.entries()) {
    if (typeof key === 'string') data[key] = value;
  }
  return { app: EXPORT_APP, version: EXPORT_VERSION, exportedAt: now.toISOString(), data };
}

export function exportFileName(now = new Date()): string {
  return `tensordojo-progress-${now.toISOString().slice(0, 10)}.json`;
}

// ---------------------------------------------------------------------------------------------
// Validation

type Check = (value: unknown) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

const MODES = ['run', 'submit'];
const STATUSES = ['accepted', 'wrong-answer', 'runtime-error', 'time-limit', 'compile-error', 'internal-error', 'stopped'];
const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];

const checkDraft: Check = (v) =>
  !isObject(v) ? 'is not an object' : typeof v.code !== 'string' ? 'has no code text' : !isTime(v.savedAt) ? 'has no valid savedAt time' : undefined;

const checkProgress: Check = (v) => {
  if (!isObject(v)) return 'is not an object';
  if (!isCount(v.runs) || !isCount(v.submits)) return 'has invalid run/submit counts';
  if (typeof v.solved !== 'boolean') return 'has no solved flag';
  if (v.solvedAt !== undefined && !isTime(v.solvedAt)) return 'has an invalid solvedAt';
  if (v.lastSubmitStatus !== undefined && !STATUSES.includes(v.lastSubmitStatus as string)) return 'has an unknown lastSubmitStatus';
  if (v.hintsUsed !== undefined && !isCount(v.hintsUsed)) return 'has an invalid hintsUsed';
  if (v.solutionViewedAt !== undefined && !isTime(v.solutionViewedAt)) return 'has an invalid solutionViewedAt';
  return undefined;
};

const checkSubmission = (v: unknown): string | undefined => {
  if (!isObject(v)) return 'is not an object';
  if (!isTime(v.at)) return 'has no valid time';
  if (!MODES.includes(v.mode as string)) return 'has an unknown mode';
  if (!STATUSES.includes(v.status as string)) return 'has an unknown status';
  if (!isCount(v.passed) || !isCount(v.total)) return 'has invalid case counts';
  if (!BACKENDS.includes(v.backend as string)) return 'has an unknown backend';
  return undefined;
};

const checkArchived = (v: unknown): string | undefined =>
  !isObject(v) || typeof v.code !== 'string' || !isTime(v.savedAt) || !isTime(v.archivedAt) ? 'is not an archived draft' : undefined;

const arrayOf =
  (item: (v: unknown) => string | undefined): Check =>
  (v) => {
    if (!Array.isArray(v)) return 'is not a list';
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i]);
      if (problem) return `entry ${i + 1} ${problem}`;
    }
    return undefined;
  };

const checkActivity: Check = (v) => (isObject(v) && isTime(v.ms) ? undefined : 'has no valid time in ms');

/** Known key families, most specific prefix first; other keys belong to other features. */
const FAMILIES: { prefix: string; check: Check; merge: (local: unknown, incoming: unknown) => unknown }[] = [
  { prefix: 'draft-history:', check: arrayOf(checkArchived), merge: (a, b) => unionHistory(a as ArchivedDraft[], b as ArchivedDraft[], 'archivedAt', MAX_ARCHIVED_DRAFTS_PER_PROBLEM) },
  { prefix: 'draft-backup:', check: checkDraft, merge: (a, b) => newerDraft(a as Draft, b as Draft) },
  { prefix: 'draft:', check: checkDraft, merge: (a, b) => newerDraft(a as Draft, b as Draft) },
  { prefix: 'progress:', check: checkProgress, merge: (a, b) => mergeProgress(a as Progress, b as Progress) },
  { prefix: 'submissions:', check: arrayOf(checkSubmission), merge: (a, b) => unionHistory(a as SubmissionRecord[], b as SubmissionRecord[], 'at', MAX_SUBMISSIONS_PER_PROBLEM) },
  { prefix: 'activity:', check: checkActivity, merge: (a, b) => ({ ms: Math.max((a as DayActivity).ms, (b as DayActivity).ms) }) },
];

function familyOf(key: string) {
  return FAMILIES.find((family) => key.startsWith(family.prefix));
}

/**
 * Parse and validate a file's text. Throws ImportError naming the first problem; returns the
 * envelope only when every key is valid.
 */
export function parseExport(text: string): ExportEnvelope {
  if (text.length > MAX_IMPORT_BYTES) throw new ImportError('This file is too large to be a TensorDojo export.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ImportError('This file is not valid JSON, so it is not a TensorDojo export. Nothing was imported.');
  }
  if (!isObject(parsed) || parsed.app !== EXPORT_APP) {
    throw new ImportError('This file is not a TensorDojo export (it has no "app": "tensordojo"). Nothing was imported.');
  }
  if (!Number.isInteger(parsed.version) || (parsed.version as number) < 1) {
    throw new ImportError('This export has no valid version number. Nothing was imported.');
  }
  if ((parsed.version as number) > EXPORT_VERSION) {
    throw new ImportError(
      `This export was made by a newer TensorDojo (format version ${parsed.version}; this app reads version ${EXPORT_VERSION}). Update the app and try again. Nothing was imported.`,
    );
  }
  if (typeof parsed.exportedAt !== 'string' || Number.isNaN(Date.parse(parsed.exportedAt))) {
    throw new ImportError('This export has no valid "exportedAt" time. Nothing was imported.');
  }
  if (!isObject(parsed.data)) throw new ImportError('This export has no "data" object. Nothing was imported.');
  for (const [key, value] of Object.entries(parsed.data)) {
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) throw new ImportError('This export has an invalid key. Nothing was imported.');
    const problem = familyOf(key)?.check(value);
    if (problem) throw new ImportError(`This export is damaged: "${key}" ${problem}. Nothing was imported.`);
  }
  return parsed as unknown as ExportEnvelope;
}

// ---------------------------------------------------------------------------------------------
// Merging

function newerDraft(local: Draft, incoming: Draft): Draft {
  return incoming.savedAt > local.savedAt ? incoming : local;
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

function mergeProgress(local: Progress, incoming: Progress): Progress {
  const merged: Progress = {
    runs: Math.max(local.runs, incoming.runs),
    submits: Math.max(local.submits, incoming.submits),
    solved: local.solved || incoming.solved,
    lastSubmitStatus: (incoming.submits > local.submits ? incoming.lastSubmitStatus : local.lastSubmitStatus) ?? incoming.lastSubmitStatus,
  };
  const solvedAt = minDefined(local.solved ? local.solvedAt : undefined, incoming.solved ? incoming.solvedAt : undefined);
  if (solvedAt !== undefined) merged.solvedAt = solvedAt;
  const hintsUsed = Math.max(local.hintsUsed ?? 0, incoming.hintsUsed ?? 0);
  if (hintsUsed > 0) merged.hintsUsed = hintsUsed;
  const viewed = minDefined(local.solutionViewedAt, incoming.solutionViewedAt);
  if (viewed !== undefined) merged.solutionViewedAt = viewed;
  if (merged.lastSubmitStatus === undefined) delete merged.lastSubmitStatus;
  return merged;
}

/** Union of two histories, deduplicated by content, ordered by `timeField`, newest `cap` kept. */
function unionHistory<T extends object>(local: T[], incoming: T[], timeField: keyof T & string, cap: number): T[] {
  const seen = new Map<string, T>();
  for (const entry of [...local, ...incoming]) seen.set(stableJson(entry), entry);
  const all = [...seen.values()].sort((a, b) => (a[timeField] as number) - (b[timeField] as number));
  return all.slice(Math.max(0, all.length - cap));
}

/** For keys of other features: histories union, timestamped records keep the newer, else local wins. */
function mergeGeneric(local: unknown, incoming: unknown): unknown {
  if (Array.isArray(local) && Array.isArray(incoming)) {
    const seen = new Map<string, unknown>();
    for (const entry of [...local, ...incoming]) seen.set(stableJson(entry), entry);
    return [...seen.values()];
  }
  if (isObject(local) && isObject(incoming)) {
    const stamp = (v: Record<string, unknown>) => (isTime(v.updatedAt) ? v.updatedAt : isTime(v.savedAt) ? v.savedAt : undefined);
    const a = stamp(local);
    const b = stamp(incoming);
    if (a !== undefined && b !== undefined) return b > a ? incoming : local;
  }
  return local;
}

/** JSON with sorted object keys, so equal records compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

/** The merged value for one key, given what is stored here (undefined when absent). */
export function mergeValue(key: string, local: unknown, incoming: unknown): unknown {
  if (local === undefined) return incoming;
  const family = familyOf(key);
  // A damaged local value must not block the import: the valid incoming value replaces it.
  if (family) return family.check(local) ? incoming : family.merge(local, incoming);
  return mergeGeneric(local, incoming);
}

/** A draft saved this far in the future is suspicious (a wrong clock): it does not win on its date. */
export const FUTURE_SLACK_MS = 10 * 60 * 1000;

/**
 * Two versions of one problem's draft: which to keep, and which to put aside in the draft history
 * (never dropped). A draft dated in the future does not beat a sane one on its date alone.
 */
export function resolveDrafts(local: Draft, incoming: Draft, now: number): { keep: Draft; archive?: Draft } {
  if (local.code === incoming.code) return { keep: incoming.savedAt > local.savedAt && incoming.savedAt <= now + FUTURE_SLACK_MS ? incoming : local };
  const incomingFuture = incoming.savedAt > now + FUTURE_SLACK_MS;
  const localFuture = local.savedAt > now + FUTURE_SLACK_MS;
  const incomingWins = incomingFuture !== localFuture ? localFuture : incoming.savedAt > local.savedAt;
  return incomingWins ? { keep: incoming, archive: local } : { keep: local, archive: incoming };
}

/**
 * Validate `text`, merge it into `store` in one write, and say what changed. Throws ImportError.
 * A local draft the import replaces — and an imported draft that loses — goes to the problem's
 * draft history, so no code is ever lost by an import.
 */
export async function importInto(store: KvStore, text: string, now = Date.now()): Promise<ImportSummary> {
  const envelope = parseExport(text);
  const data = { ...envelope.data };
  const draftKeys = Object.keys(data).filter((key) => key.startsWith('draft:'));
  const localDrafts = draftKeys.length ? await store.getMany(draftKeys) : [];
  const archived = new Map<string, ArchivedDraft[]>();
  draftKeys.forEach((key, i) => {
    const local = localDrafts[i];
    if (local === undefined || checkDraft(local)) return;
    const { keep, archive } = resolveDrafts(local as Draft, data[key] as Draft, now);
    data[key] = keep;
    if (archive) archived.set(`draft-history:${key.slice('draft:'.length)}`, [{ code: archive.code, savedAt: archive.savedAt, archivedAt: now }]);
  });
  for (const [historyKey, entries] of archived) {
    const incoming = (data[historyKey] as ArchivedDraft[] | undefined) ?? [];
    data[historyKey] = unionHistory(incoming, entries, 'archivedAt', MAX_ARCHIVED_DRAFTS_PER_PROBLEM);
  }
  const keys = Object.keys(data);
  const locals = keys.length ? await store.getMany(keys) : [];
  const writes: [string, unknown][] = [];
  const summary: ImportSummary = { total: Object.keys(envelope.data).length, added: 0, updated: 0, unchanged: 0 };
  keys.forEach((key, i) => {
    const local = locals[i];
    const merged = key.startsWith('draft:') && local !== undefined && !checkDraft(local) ? data[key] : mergeValue(key, local, data[key]);
    // Draft histories the import itself filled are written but not counted: they are not in the file.
    const counted = key in envelope.data;
    if (local === undefined) {
      if (counted) summary.added++;
    } else if (stableJson(merged) === stableJson(local)) {
      if (counted) summary.unchanged++;
      return;
    } else if (counted) summary.updated++;
    writes.push([key, merged]);
  });
  if (writes.length) await store.setMany(writes);
  return summary;
}

/** An in-memory KvStore (tests, and a fallback when IndexedDB is unavailable). */
export class MemoryKvStore implements KvStore {
  readonly map = new Map<string, unknown>();

  async entries(): Promise<[string, unknown][]> {
    return [...this.map.entries()].map(([k, v]) => [k, structuredClone(v)]);
  }

  async getMany(keys: string[]): Promise<unknown[]> {
    return keys.map((key) => structuredClone(this.map.get(key)));
  }

  async setMany(entries: [string, unknown][]): Promise<void> {
    for (const [key, value] of entries) this.map.set(key, structuredClone(value));
  }
}
