import { Button } from '@fluentui/react-components';
import { useLeaderControlsStyles } from './LeaderControls.styles';
import type { Session, SessionAction } from '../../../../src/domain/session';
import { SHORTCUTS, useShortcuts, type ShortcutName } from '../../shared/shortcuts';

/** Props of the leader's controls. */
interface LeaderControlsProps {
  readonly session: Session;
  readonly busy: boolean;
  readonly onAction: (action: SessionAction) => void;
  /** Large on a phone (in person): touch targets of at least 44 px. @default 'small' */
  readonly size?: 'small' | 'large';
}

/** Whether an action makes sense in the session's state. */
function allowed(session: Session, action: SessionAction): boolean {
  const live = session.status === 'running' || session.status === 'paused';
  switch (action) {
    case 'start':
      return session.status === 'notStarted';
    case 'pause':
      return session.status === 'running';
    case 'resume':
      return session.status === 'paused';
    case 'next':
      return live && session.phase < 2;
    case 'previous':
      return live && session.phase > 0;
    case 'end':
      return live;
  }
}

const LABELS: Readonly<Record<'start' | 'pause' | 'resume' | 'previous' | 'next', string>> = {
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  previous: 'Back',
  next: 'Next',
};

const SHORTCUT_OF: Readonly<Record<'first' | 'previous' | 'next', ShortcutName>> = {
  first: 'startPause',
  previous: 'previous',
  next: 'next',
};

/** Start / Pause / Resume, Back and Next, each with a shortcut and disabled when it makes no sense now. */
export function LeaderControls({ session, busy, onAction, size = 'small' }: LeaderControlsProps) {
  const styles = useLeaderControlsStyles();
  const first = session.status === 'notStarted' ? 'start' : session.status === 'paused' ? 'resume' : 'pause';
  const buttons = [
    { slot: 'first', action: first },
    { slot: 'previous', action: 'previous' },
    { slot: 'next', action: 'next' },
  ] as const;
  const run = (action: SessionAction) => () => !busy && allowed(session, action) && onAction(action);
  useShortcuts({ startPause: run(first), previous: run('previous'), next: run('next') });
  return (
    <div role="toolbar" aria-label="Timer controls" className={styles.root}>
      {buttons.map(({ slot, action }) => (
        // Keyed by slot: Start becomes Pause in the same button, so keyboard focus stays on it.
        <Button
          key={slot}
          size={size}
          className={size === 'large' ? styles.touch : styles.compact}
          appearance={slot === 'first' ? 'primary' : 'secondary'}
          disabled={busy || !allowed(session, action)}
          disabledFocusable={busy && allowed(session, action)}
          onClick={() => onAction(action)}
          aria-keyshortcuts={SHORTCUTS[SHORTCUT_OF[slot]].keys}
          title={SHORTCUTS[SHORTCUT_OF[slot]].keys}
          aria-label={
            action === 'previous' ? 'Back to the previous phase' : action === 'next' ? 'Next phase' : undefined
          }
        >
          {LABELS[action]}
        </Button>
      ))}
    </div>
  );
}
