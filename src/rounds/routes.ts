/**
 * Hash routes of mock rounds, parsed apart from router.ts so the rounds feature stays in its own
 * files: `#/rounds` (list and past attempts), `#/rounds/<roundId>` (start page),
 * `#/rounds/attempt/<attemptId>` (the running round) and `#/rounds/report/<attemptId>`.
 */

export type RoundRoute =
  | { kind: 'rounds' }
  | {
      kind: 'round-start';
      roundId: string;
      /**
       * Test-only: `#/rounds/<id>?duration=<seconds>` starts the attempt with this time box instead
       * of the definition's, so browser tests can watch a round run out in seconds.
       */
      durationSeconds?: number;
    }
  | { kind: 'round-attempt'; attemptId: string }
  | { kind: 'round-report'; attemptId: string };

const ROUND_ROUTE_KINDS = new Set(['rounds', 'round-start', 'round-attempt', 'round-report']);

export function isRoundRoute(route: { kind: string }): route is RoundRoute {
  return ROUND_ROUTE_KINDS.has(route.kind);
}

/** A route for `path` (the hash without its query), or undefined when it is not a rounds path. */
export function parseRoundPath(path: string, query: URLSearchParams): RoundRoute | undefined {
  if (path === '/rounds' || path === '/rounds/') return { kind: 'rounds' };
  const match = /^\/rounds\/(?:(attempt|report)\/)?([A-Za-z0-9-]+)\/?$/.exec(path);
  if (!match) return undefined;
  const [, sub, id] = match;
  if (sub === 'attempt') return { kind: 'round-attempt', attemptId: id };
  if (sub === 'report') return { kind: 'round-report', attemptId: id };
  const route: RoundRoute = { kind: 'round-start', roundId: id };
  const duration = Number(query.get('duration'));
  if (query.has('duration') && Number.isFinite(duration) && duration > 0) route.durationSeconds = duration;
  return route;
}

export const roundsHref = (): string => '#/rounds';
export const roundStartHref = (roundId: string): string => `#/rounds/${roundId}`;
export const attemptHref = (attemptId: string): string => `#/rounds/attempt/${attemptId}`;
export const reportHref = (attemptId: string): string => `#/rounds/report/${attemptId}`;
