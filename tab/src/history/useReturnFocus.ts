import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Brings focus back to the list after the detail view closes: to the entry that was open, or to the list's heading
 * when that entry is no longer there. Waits while the list is loading, so a reload does not drop the focus.
 */
export function useReturnFocus(loading: boolean) {
  const [target, setTarget] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const links = useRef(new Map<string, HTMLElement>());

  useEffect(() => {
    if (target === undefined || loading) return;
    (links.current.get(target) ?? heading.current)?.focus();
    setTarget(undefined);
  }, [target, loading]);

  const registerLink = useCallback((introId: string, element: HTMLElement | null) => {
    if (element) links.current.set(introId, element);
    else links.current.delete(introId);
  }, []);

  return { returnTo: setTarget, heading, registerLink };
}
