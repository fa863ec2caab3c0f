import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Session, SessionAction } from '../../../src/domain/session';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Props of the leader's controls. */
export interface LeaderControlsProps {
  readonly session: Session;
  readonly busy: boolean;
  readonly onAction: (action: SessionAction) => void;
}

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

const LABELS: Readonly<Record<SessionAction, string>> = {
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  next: 'Next',
  previous: 'Back',
  end: 'End',
};

/** Start / Pause / Resume / Back / Next / End, each disabled when it makes no sense now. */
export function LeaderControls({ session, busy, onAction }: LeaderControlsProps) {
  const styles = useStyles();
  const first: SessionAction =
    session.status === 'notStarted' ? 'start' : session.status === 'paused' ? 'resume' : 'pause';
  const actions: SessionAction[] = [first, 'previous', 'next', 'end'];
  return (
    <div role="toolbar" aria-label="Timer controls" className={styles.root}>
      {actions.map((action, position) => (
        // Keyed by position: Start becomes Pause in the same button, so keyboard focus stays on it.
        <Button
          key={position}
          size="small"
          appearance={action === first ? 'primary' : 'secondary'}
          disabled={busy || !allowed(session, action)}
          disabledFocusable={busy && allowed(session, action)}
          onClick={() => onAction(action)}
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
