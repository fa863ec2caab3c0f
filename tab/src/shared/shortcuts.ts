import { useEffect, useRef } from 'react';

/** The panel's keyboard shortcuts, as `aria-keyshortcuts` spells them; the key is matched by its code. */
export const SHORTCUTS = {
  startPause: { keys: 'Alt+Shift+P', code: 'KeyP' },
  previous: { keys: 'Alt+Shift+B', code: 'KeyB' },
  next: { keys: 'Alt+Shift+N', code: 'KeyN' },
  follow: { keys: 'Alt+Shift+F', code: 'KeyF' },
  end: { keys: 'Alt+Shift+E', code: 'KeyE' },
} as const;

/** A shortcut's name. */
export type ShortcutName = keyof typeof SHORTCUTS;

/** Runs the handler of a pressed shortcut (Alt+Shift+letter, by key code so keyboard layouts do not matter). */
export function useShortcuts(handlers: Partial<Record<ShortcutName, () => void>>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      const name = (Object.keys(SHORTCUTS) as ShortcutName[]).find((key) => SHORTCUTS[key].code === event.code);
      const handler = name && latest.current[name];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
