import { Button, Caption1 } from '@fluentui/react-components';
import { useSaveStatusStyles } from './SaveStatus.styles';
import { useState } from 'react';
import { PHASE_TITLES } from '../../../src/domain/phases';
import type { SaveStatus as Status, NotesSyncState } from './notesSync';
import { statusText } from './statusText';
import { Notice } from '../shared/components/Notice';

const NAMES = { prep: 'Prep', ...PHASE_TITLES } as const;
const ITEM_NAMES = { goals: 'goal', issues: 'issue', feedback: 'feedback', followUps: 'follow-up' } as const;

/** Statuses worth interrupting for; "Saving…" and "Saved" change on every pause in typing and stay visual only. */
const ANNOUNCED: ReadonlySet<Status> = new Set(['offline', 'notStored', 'signInNeeded', 'invalid', 'error']);

/** The save status line, plus a message when something needs the person's attention. */
export function SaveStatus({ state }: { state: NotesSyncState }) {
  const styles = useSaveStatusStyles();
  const text = statusText(state.status);
  // A merge message goes away once read; a new merge (other notes or items) says so again.
  const merged = [...state.conflicts, '|', ...state.itemConflicts].join(',');
  const [read, setRead] = useState<string | undefined>(undefined);
  const unread = merged !== '|' && merged !== read;
  const gotIt = (
    <Button size="small" onClick={() => setRead(merged)}>
      Got it
    </Button>
  );
  return (
    <>
      <Caption1 data-testid="save-status">{text}</Caption1>
      <span role="status" className={styles.hidden} data-testid="save-status-announcement">
        {ANNOUNCED.has(state.status) ? text : ''}
      </span>
      {/* Over a cap the message counts characters as they are typed; the field says it once, so this one is quiet. */}
      {state.message && (
        <Notice intent="error" live={state.status !== 'invalid'}>
          {state.message}
        </Notice>
      )}
      {unread && state.conflicts.length > 0 && (
        <Notice intent="warning" actions={gotIt}>
          You changed {state.conflicts.map((key) => NAMES[key]).join(', ')} notes on another device too. Both versions
          are kept, one under the other; tidy them up when you can.
        </Notice>
      )}
      {unread && state.itemConflicts.length > 0 && (
        <Notice intent="warning" actions={state.conflicts.length > 0 ? undefined : gotIt}>
          You changed the same {state.itemConflicts.map((key) => ITEM_NAMES[key]).join(', ')} on another device too;
          this device&apos;s version was kept.
        </Notice>
      )}
    </>
  );
}
