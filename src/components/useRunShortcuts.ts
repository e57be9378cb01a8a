import { useEffect } from 'react';

/**
 * Page-level Ctrl/⌘+Enter (run) and Ctrl/⌘+Shift+Enter (submit). Inside Monaco the editor's own
 * actions handle the same keys, so key presses from the editor are left alone here. Ctrl/⌘+S
 * saves the draft now (anywhere on the page, the editor included) instead of opening the
 * browser's "Save page" dialog.
 */
export function useRunShortcuts(run: () => void, submit: () => void, save?: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (save && event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey) {
        event.preventDefault();
        save();
        return;
      }
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest('[data-testid="editor"]')) return;
      event.preventDefault();
      if (event.shiftKey) submit();
      else run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run, submit, save]);
}
