import { useCallback, useState } from 'react';

function read(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

/**
 * Each place has its own shield, remembered apart: "Hide notes" blurs the meeting panel for screen sharing, "Discreet
 * mode" guards a phone across the table; turning one on never turns on (or off) the other.
 */
const KEY_PREFIX = { meeting: 'intro11.privacyShield', inPerson: 'intro11.discreetMode' } as const;

/** Whether notes are shielded in this place, remembered per person in this browser. */
export function usePrivacyShield(place: 'meeting' | 'inPerson', personKey: string): [boolean, (on: boolean) => void] {
  const key = `${KEY_PREFIX[place]}:${personKey}`;
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
