/**
 * What the command-line judge (the parent, supervisor.ts) and its judging process (the child,
 * judgeChild.ts) say to each other. The parent writes one `ChildInit` as JSON to the child's stdin;
 * the child answers on a pipe of its own (fd 3), one JSON message per line. The child's stdout and
 * stderr carry whatever the user's code prints and are never read for a verdict.
 */
import type { BackendName, JudgeRequest, RunPhase, Verdict } from '../shared/protocol';

/** The child's message pipe: after stdin, stdout and stderr. */
export const MESSAGE_FD = 3;

export interface ChildInit {
  /**
   * A random token the parent expects on every message. The user's code runs in the child and can
   * write to fd 3 (the permission model does not guard open descriptors); without the token, a
   * line it writes there is not a message from the judge and is ignored.
   */
  nonce: string;
  backend: BackendName;
  request: JudgeRequest;
}

export type ChildMessage =
  /** The backend (and, for a cross-checked Submit, onnxruntime) is up; no user code has run yet. */
  | { type: 'ready' }
  /** User code starts (`user`) or stops (`judge`) running: only user time counts against the budget. */
  | { type: 'phase'; phase: RunPhase }
  | { type: 'verdict'; verdict: Verdict };

export type SignedMessage = ChildMessage & { nonce: string };
