import { useEffect } from 'react';
import { addActiveTime } from '../storage/history';

/** Time counts only while the tab is visible and the user did something within this window. */
export const IDLE_AFTER_MS = 3 * 60_000;
/** Accumulated time is written at most this often (and on hide/unmount). */
const FLUSH_EVERY_MS = 30_000;
const TICK_MS = 1_000;

/**
 * Measure active practice time while mounted (a problem page): visible tab, recent keyboard or
 * pointer input. Stored per local day through `addActiveTime`.
 */
export function useActiveTime(): void {
  useEffect(() => {
    let lastInput = Date.now();
    let lastTick = Date.now();
    let pending = 0;
    let lastFlush = Date.now();
    const onInput = () => {
      lastInput = Date.now();
    };
    const flush = () => {
      if (pending > 0) void addActiveTime(pending);
      pending = 0;
      lastFlush = Date.now();
    };
    const tick = () => {
      const now = Date.now();
      // Cap a tick's credit so a suspended laptop does not count hours.
      const elapsed = Math.min(now - lastTick, 2 * TICK_MS);
      lastTick = now;
      if (document.visibilityState === 'visible' && now - lastInput < IDLE_AFTER_MS) pending += elapsed;
      if (now - lastFlush >= FLUSH_EVERY_MS) flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
      else lastTick = Date.now();
    };
    const timer = setInterval(tick, TICK_MS);
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onInput, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      clearInterval(timer);
      for (const name of events) window.removeEventListener(name, onInput, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      tick();
      flush();
    };
  }, []);
}
