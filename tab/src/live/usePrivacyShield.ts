import { useCallback, useState } from 'react';

function read(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

/** Whether notes are blurred for screen sharing, remembered per person in this browser. */
export function usePrivacyShield(personKey: string): [boolean, (on: boolean) => void] {
  const key = `intro11.privacyShield:${personKey}`;
  const [on, setOn] = useState(() => read(key));
  const set = useCallback(
    (next: boolean) => {
      setOn(next);
      try {
        window.localStorage.setItem(key, next ? '1' : '0');
      } catch {
        // Remembering is a convenience; the shield still works for this visit.
      }
    },
    [key],
  );
  return [on, set];
}
