import { useEffect, useState } from 'react';

/** The client's time, re-read every `intervalMs` so a timer display re-renders; the state it shows is never ticked. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
