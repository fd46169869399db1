/**
 * Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y, ⌘ on macOS) undo and redo designer edits.
 * Inside a text box the browser's own text undo wins, as people expect there.
 */
import { useEffect } from 'react';

const isTextInput = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button'].includes((el as HTMLInputElement).type)) || el.tagName === 'TEXTAREA');

export function useUndoKeys(undo: () => void, redo: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextInput(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
}
