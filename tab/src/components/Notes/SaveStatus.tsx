import { Caption1 } from '@fluentui/react-components';
import { PHASE_TITLES } from '../../../../src/domain/phases';
import type { NotesSyncState } from '../../notes/notesSync';
import { statusText } from '../../notes/statusText';
import { Notice } from '../Notice/Notice';

const NAMES = { prep: 'Prep', ...PHASE_TITLES } as const;

/** The save status line, plus a message when something needs the person's attention. */
export function SaveStatus({ state }: { state: NotesSyncState }) {
  return (
    <>
      <Caption1 role="status" aria-live="polite" data-testid="save-status">
        {statusText(state.status)}
      </Caption1>
      {state.message && <Notice intent="error">{state.message}</Notice>}
      {state.conflicts.length > 0 && (
        <Notice intent="warning">
          You changed {state.conflicts.map((key) => NAMES[key]).join(', ')} notes on another device too. Both versions
          are kept, one under the other; tidy them up when you can.
        </Notice>
      )}
    </>
  );
}
