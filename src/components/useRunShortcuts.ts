import { useEffect } from 'react';

/**
 * Page-level Ctrl/⌘+Enter (run) and Ctrl/⌘+Shift+Enter (submit). Inside Monaco the editor's own
 * actions handle the same keys, so key presses from the editor are left alone here.
 */
export function useRunShortcuts(run: () => void, submit: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest('[data-testid="editor"]')) return;
      event.preventDefault();
      if (event.shiftKey) submit();
      else run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run, submit]);
}
