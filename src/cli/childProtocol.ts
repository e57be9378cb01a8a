/**
 * What the command-line judge (the parent: judgeCli.ts, supervisor.ts) and the sandboxed process
 * that holds the user's code (the child: judgeChild.ts) say to each other. The child is only the
 * user's realm, like the browser's sandbox worker: the parent sends it requests (load the module,
 * call the entry on these inputs) and gets plain data back; references, comparison and the
 * verdict never leave the parent.
 *
 * - Parent → child, on the child's stdin, one line each: first a `ChildInit` as JSON, then
 *   `ChildRequest`s, each a base64 line of V8's structured serialization (case inputs are typed
 *   arrays, and may hold `undefined`, NaN or -0, which JSON loses).
 * - Child → parent, on a pipe of its own (fd 3), one JSON `SignedMessage` per line; an answer's
 *   payload is again base64 of V8's serialization.
 * The child's stdout and stderr carry whatever the user's code prints and are never read for a
 * verdict. The user's code can write to fd 3 too (the permission model does not guard open
 * descriptors), so every message carries a token it cannot know.
 */
import v8 from 'node:v8';
import type { BackendName, RunPhase } from '../shared/protocol';
import type { ArgSpec, ForbiddenApi } from '../judge/problem';
import type { CallOptions } from '../judge/realm';

/** The child's message pipe: after stdin, stdout and stderr. */
export const MESSAGE_FD = 3;

export interface ChildInit {
  /**
   * A random token the parent expects on every message. The user's code runs in the child and can
   * write to fd 3; without the token, a line it writes there is not a message and is ignored.
   */
  nonce: string;
  backend: BackendName;
}

export type ChildRequest =
  | { id: number; type: 'load'; source: string; entry: string; forbiddenApis: ForbiddenApi[] }
  | { id: number; type: 'call'; args: ArgSpec[]; options: CallOptions }
  /** Let callbacks the user's code left due run (charged as user time) before the verdict is printed. */
  | { id: number; type: 'settle' };

/** A request before the parent numbers it. */
export type RequestBody = ChildRequest extends infer R ? (R extends ChildRequest ? Omit<R, 'id'> : never) : never;

export type ChildMessage =
  /** tfjs is up on the backend and the process is locked down; no user code has run yet. */
  | { type: 'ready' }
  /** User code starts or stops running in the child (requests, and callbacks the user's code armed). */
  | { type: 'phase'; phase: RunPhase }
  /** The answer to request `id`: a LoadOutcome, a CallOutcome, or null for `settle`. */
  | { type: 'answer'; id: number; payload: string }
  /** A callback the user's code scheduled threw (payload: its SerializedError); the child exits next. */
  | { type: 'crash'; payload: string };

export type SignedMessage = ChildMessage & { nonce: string };

// Taken when this module loads, before any user code runs in the child, which shares its realm.
const { serialize, deserialize } = v8;
const bufferFrom = Buffer.from;
const bufferConcat = Buffer.concat;
const bufferToString = Buffer.prototype.toString;
const bufferIndexOf = Buffer.prototype.indexOf;
const bufferSubarray = Buffer.prototype.subarray;
const apply = Reflect.apply;

/** A value as one line of text: base64 of V8's structured serialization. */
export function encodePayload(value: unknown): string {
  return apply(bufferToString, serialize(value), ['base64']) as string;
}

export function decodePayload(text: string): unknown {
  return deserialize(bufferFrom(text, 'base64'));
}

/**
 * Splits a byte stream into lines. Only the new chunk is scanned, so a long line (a large output)
 * costs linear time; a line longer than `maxBytes` is dropped (the user's code can write
 * newline-free garbage to fd 3), and the next newline starts afresh.
 */
export class LineSplitter {
  private chunks: Buffer[] = [];
  private bytes = 0;
  private overflow = false;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let newline = apply(bufferIndexOf, chunk, [10]) as number; newline !== -1; newline = apply(bufferIndexOf, chunk, [10, start]) as number) {
      const piece = apply(bufferSubarray, chunk, [start, newline]) as Buffer;
      if (!this.overflow && this.bytes + piece.length <= this.maxBytes) {
        this.chunks.push(piece);
        lines.push(apply(bufferToString, bufferConcat(this.chunks), ['utf8']) as string);
      }
      this.chunks = [];
      this.bytes = 0;
      this.overflow = false;
      start = newline + 1;
    }
    if (start < chunk.length && !this.overflow) {
      const rest = apply(bufferSubarray, chunk, [start]) as Buffer;
      this.bytes += rest.length;
      if (this.bytes > this.maxBytes) {
        this.chunks = [];
        this.overflow = true;
      } else {
        this.chunks.push(rest);
      }
    }
    return lines;
  }
}
