/**
 * Keeps unsaved designer work from being lost: the browser asks before a
 * reload or closing the tab, and the Back button inside the app asks too
 * (the app's router has no blocking hook, so the builder's URL is restored).
 */
import { useEffect, useRef } from 'react';
import { navigate } from '../../router.js';

export function useUnsavedGuard(dirty: boolean, message: string): (to: string) => void {
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => {
    const here = window.location.pathname + window.location.search;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    const onPopState = () => {
      if (dirtyRef.current && !window.confirm(message)) navigate(here);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('popstate', onPopState);
    };
  }, [message]);

  // In-app links out of the builder go through this.
  return (to: string) => {
    if (!dirtyRef.current || window.confirm(message)) navigate(to);
  };
}
