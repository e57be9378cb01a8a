/**
 * Hash routing: `#/` lists problems, `#/problems/<track>/<id>` opens one, and
 * `#/problems/<track>/<id>?code=<base64url UTF-8>` opens it with shared code in the editor.
 * A shared link only ever fills the editor; it never runs anything by itself.
 */
import { useSyncExternalStore } from 'react';
import { parseRoundPath, type RoundRoute } from './rounds/routes';

export type Route =
  | {
      kind: 'list';
      /** `#/?track=<track>` opens the list filtered to one track. */
      track?: string;
    }
  | { kind: 'tracks' }
  | { kind: 'progress' }
  | {
      kind: 'problem';
      problemId: string;
      /** Source decoded from `?code=`, when the link carried valid code. */
      sharedCode?: string;
      /** Why `?code=` could not be used, when the link carried bad code. */
      codeError?: string;
    }
  | RoundRoute
  | { kind: 'notebooks' }
  | { kind: 'notebook'; notebookId: string; /** Set when opened from a mock round: grades count for it. */ roundAttemptId?: string }
  | { kind: 'not-found'; path: string };

/** Parse a `location.hash` value into a route. Pure, so it is easy to test. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const queryAt = raw.indexOf('?');
  const path = queryAt >= 0 ? raw.slice(0, queryAt) : raw;
  const query = new URLSearchParams(queryAt >= 0 ? raw.slice(queryAt + 1) : '');
  if (path === '/' || path === '') {
    const track = query.get('track');
    return track ? { kind: 'list', track } : { kind: 'list' };
  }
  if (path === '/tracks' || path === '/tracks/') return { kind: 'tracks' };
  if (path === '/progress' || path === '/progress/') return { kind: 'progress' };
  if (path === '/notebooks' || path === '/notebooks/') return { kind: 'notebooks' };
  const notebook = /^\/notebooks\/([a-z0-9-]+)\/?$/.exec(path);
  if (notebook) {
    const round = query.get('round');
    return round ? { kind: 'notebook', notebookId: notebook[1], roundAttemptId: round } : { kind: 'notebook', notebookId: notebook[1] };
  }
  const roundRoute = parseRoundPath(path, query);
  if (roundRoute) return roundRoute;
  const match = /^\/problems\/(.+?)\/?$/.exec(path);
  if (!match) return { kind: 'not-found', path };
  let problemId: string;
  try {
    problemId = decodeURIComponent(match[1]);
  } catch {
    return { kind: 'not-found', path };
  }
  const route: Route = { kind: 'problem', problemId };
  const code = query.get('code');
  if (code !== null) {
    const decoded = decodeSharedCode(code);
    if (decoded.ok) route.sharedCode = decoded.source;
    else route.codeError = decoded.error;
  }
  return route;
}

export type DecodeResult = { ok: true; source: string } | { ok: false; error: string };

/** base64url (padding optional) → bytes → strict UTF-8. */
export function decodeSharedCode(encoded: string): DecodeResult {
  const cleaned = encoded.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(cleaned) || cleaned.length % 4 === 1) {
    return { ok: false, error: 'The link\'s code is not valid base64url, so it was not loaded.' };
  }
  let binary: string;
  try {
    binary = atob(cleaned + '='.repeat((4 - (cleaned.length % 4)) % 4));
  } catch {
    return { ok: false, error: 'The link\'s code is not valid base64url, so it was not loaded.' };
  }
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  try {
    return { ok: true, source: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: 'The link\'s code is not valid UTF-8 text, so it was not loaded.' };
  }
}

/** UTF-8 → base64url without padding, the inverse of decodeSharedCode. */
export function encodeSharedCode(source: string): string {
  const bytes = new TextEncoder().encode(source);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function notebookHref(notebookId: string): string {
  return `#/notebooks/${notebookId}`;
}

export function problemHref(problemId: string, code?: string): string {
  return `#/problems/${problemId}${code === undefined ? '' : `?code=${encodeSharedCode(code)}`}`;
}

/** Replace the current hash without a history entry or a hashchange-driven remount. */
export function replaceHash(hash: string): void {
  history.replaceState(history.state, '', hash);
  notify();
}

const listeners = new Set<() => void>();
function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
  };
}

/** The current hash, re-rendering on change. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => location.hash);
}
