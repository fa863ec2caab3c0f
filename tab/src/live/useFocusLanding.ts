import { useEffect, useRef, type RefObject } from 'react';
import type { Session } from '../../../src/domain/session';

/** Where the keyboard goes next: the leader's Start, the phase's notes (or its tab), or the summary after End. */
type Landing = 'start' | 'notes' | 'tab' | 'summary';

const SELECTORS: Readonly<Record<Landing, string>> = {
  start: '[role="toolbar"][aria-label="Timer controls"] button',
  notes: '[data-landing="notes"] textarea:not([disabled])',
  // The member's notes follow the leader's phase while the focus is not in an editor: land on the phase's tab.
  tab: '[role="tablist"][aria-label="Your notes by phase"] [aria-selected="true"]',
  // The summary's heading (focusable by script only): a screen reader reads what was captured, Tab reaches its links.
  summary: '[data-landing="summary"] h2',
};

/** How long to look for a target that is still loading (the notes, the summary's code). */
const TRIES = 30;
const TRY_MS = 100;

/** Whether the focus fell to the page, or sits in the header where the control just pressed has gone or changed. */
function adrift(root: HTMLElement, allowHeader: boolean): boolean {
  const active = root.ownerDocument.activeElement;
  if (!active || active === root.ownerDocument.body) return true;
  return allowHeader && active.closest('section[aria-label="Session"]') !== null;
}

function land(root: HTMLElement, landing: Landing, allowHeader: boolean, tries = TRIES): void {
  if (!adrift(root, allowHeader)) return;
  const target = root.querySelector<HTMLElement>(SELECTORS[landing]);
  if (target) target.focus();
  else if (tries > 0) setTimeout(() => land(root, landing, allowHeader, tries - 1), TRY_MS);
}

function landingOf(status: Session['status'], role: 'leader' | 'member'): Landing {
  if (status === 'ended') return 'summary';
  if (role === 'member') return 'tab';
  return status === 'notStarted' ? 'start' : 'notes';
}

/**
 * Focus never falls to the page: when the panel opens (after "Set up this intro 1:1") it goes to the next useful
 * control; after Start, to the phase's notes; after End now, to the summary. Focus someone put elsewhere stays.
 */
export function useFocusLanding(
  root: RefObject<HTMLElement | null>,
  status: Session['status'],
  role: 'leader' | 'member',
): void {
  const previous = useRef<Session['status'] | undefined>(undefined);
  useEffect(() => {
    const element = root.current;
    const before = previous.current;
    previous.current = status;
    if (!element || before === status) return;
    // On opening only focus that fell to the page moves; after Start or End, also focus left on the pressed button.
    const changed = before !== undefined && (before === 'notStarted' || status === 'ended');
    land(element, landingOf(status, role), changed);
  }, [root, status, role]);
}
