/**
 * The judge's side of the user's realm in the sandboxed child (the command line's counterpart of
 * workers/sandboxRealm.ts): `load` and `call` become requests to the child, and what comes back is
 * checked before the judge sees it. Nothing from the child is trusted: the user's code runs there
 * and can rewrite what the child sends, so an answer that is not well-formed plain data is the
 * user's runtime error, never a crash of the judge, and a child that is gone answers every request
 * with a runtime error.
 */
import type { Diagnostic, SerializedError, SourceLocation } from '../shared/protocol';
import type { Plain } from '../judge/compare';
import type { CallOptions, CallOutcome, LoadOutcome, UserRealm } from '../judge/realm';
import type { ArgSpec, ForbiddenApi } from '../judge/problem';
import type { RequestBody } from './childProtocol';
import type { RequestResult } from './supervisor';

/** What the realm needs of the sandbox process (SandboxProcess). */
export interface RequestChannel {
  request(body: RequestBody): Promise<RequestResult>;
}

/** Deeper output than this is not read (and would only overflow the stack of the comparison). */
const MAX_DEPTH = 200;

const MALFORMED: SerializedError = {
  name: 'SandboxError',
  message: 'The sandbox running your code sent an answer that is not plain data (did your code change built-ins the sandbox uses?).',
};

export class ChildRealm implements UserRealm {
  constructor(private readonly channel: RequestChannel) {}

  async load(source: string, entry: string, forbiddenApis: ForbiddenApi[] = []): Promise<LoadOutcome> {
    const result = await this.channel.request({ type: 'load', source, entry, forbiddenApis });
    if ('failure' in result) return { ok: false, status: 'runtime-error', error: result.failure };
    return readLoadOutcome(result.value) ?? { ok: false, status: 'runtime-error', error: MALFORMED };
  }

  async call(args: ArgSpec[], options: CallOptions): Promise<CallOutcome> {
    const result = await this.channel.request({ type: 'call', args, options });
    if ('failure' in result) return { error: result.failure, forbidden: false };
    return readCallOutcome(result.value) ?? { error: MALFORMED, forbidden: false };
  }

  /** The child serves one judged request; the command line ends it after the verdict (SandboxProcess.close). */
  dispose(): void {}
}

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocation(value: unknown): value is SourceLocation {
  return isRecord(value) && Number.isFinite(value.line) && Number.isFinite(value.column);
}

/** A SerializedError rebuilt from what the child sent; a non-error becomes a generic one. */
export function readError(value: unknown): SerializedError {
  if (!isRecord(value) || typeof value.message !== 'string') return MALFORMED;
  return {
    name: typeof value.name === 'string' ? value.name : 'Error',
    message: value.message,
    ...(isLocation(value.location) ? { location: { line: value.location.line, column: value.location.column } } : {}),
    ...(typeof value.stack === 'string' ? { stack: value.stack } : {}),
  };
}

export function readLoadOutcome(value: unknown): LoadOutcome | undefined {
  if (!isRecord(value)) return undefined;
  if (value.ok === true) return { ok: true };
  if (value.ok === false && (value.status === 'compile-error' || value.status === 'runtime-error')) return { ok: false, status: value.status, error: readError(value.error) };
  return undefined;
}

export function readCallOutcome(value: unknown): CallOutcome | undefined {
  if (!isRecord(value)) return undefined;
  if ('error' in value) return { error: readError(value.error), forbidden: value.forbidden === true };
  if (!isPlain(value.value, 0)) return undefined;
  const leaked = typeof value.leaked === 'number' && Number.isFinite(value.leaked) && value.leaked >= 0 ? value.leaked : 0;
  const outcome: CallOutcome = { value: value.value, leaked };
  for (const key of ['mutation', 'overLimit'] as const) {
    if (value[key] === undefined) continue;
    const diagnostic = readDiagnostic(value[key]);
    if (!diagnostic) return undefined;
    outcome[key] = diagnostic;
  }
  return outcome;
}

/** A diagnostic the child made (changed inputs, an oversized tensor): a failure, shown as it is. */
function readDiagnostic(value: unknown): Diagnostic | undefined {
  if (!isRecord(value) || typeof value.kind !== 'string' || typeof value.message !== 'string') return undefined;
  const diagnostic = { ...value } as unknown as Diagnostic;
  if (value.error !== undefined) diagnostic.error = readError(value.error);
  return diagnostic;
}

/** Well-formed plain data (compare.ts's Plain), with every tensor's data as long as its shape says. */
export function isPlain(value: unknown, depth: number): value is Plain {
  if (!isRecord(value) || depth > MAX_DEPTH) return false;
  switch (value.kind) {
    case 'tensor': {
      const { shape, dtype, data } = value;
      if (!Array.isArray(shape) || typeof dtype !== 'string') return false;
      let size = 1;
      for (const dim of shape) {
        if (!Number.isSafeInteger(dim) || dim < 0) return false;
        size *= dim;
      }
      const typed = data instanceof Float32Array || data instanceof Int32Array || data instanceof Uint8Array;
      if (!typed && !(Array.isArray(data) && data.every((item) => typeof item === 'number'))) return false;
      return (data as ArrayLike<number>).length === size;
    }
    case 'number':
      return typeof value.value === 'number';
    case 'array':
      return Array.isArray(value.items) && value.items.every((item) => isPlain(item, depth + 1));
    case 'object':
      return isRecord(value.entries) && Object.values(value.entries).every((item) => isPlain(item, depth + 1));
    case 'other':
      return typeof value.description === 'string';
    default:
      return false;
  }
}
