import { Button, Caption1, mergeClasses, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { PHASE_TITLES, PHASES } from '../../../../src/domain/phases';
import type { ClockView, Session } from '../../../../src/domain/session';
import { formatClock, STATUS_LABELS } from '../../shared/format';
import type { SessionSync } from '../session/useSession';
import { cueFor, currentPhase, timeLeftText, urgencyOf } from '../../shared/timerText';
import { LeaderControls } from './LeaderControls';
import { Notice } from '../../shared/components/Notice';
import { EndControl } from './EndControl';
import { ShareToStage } from './ShareToStage';
import { usePanelHeaderStyles } from './usePanelHeaderStyles.styles';

/** Props of the panel's header. */
export interface PanelHeaderProps {
  readonly clock: ClockView;
  readonly sync: SessionSync;
  readonly role: 'leader' | 'member';
  /** Who the intro is with, as the viewer sees it. */
  readonly withName: string | undefined;
  /** Whole minutes the previous phase left unused, which the leader may give to the current one. */
  readonly spare: number;
  /**
   * Where the intro runs: in a meeting (Share to stage) or in person (large time and buttons for a phone, no stage).
   * @default 'meeting'
   */
  readonly place?: 'meeting' | 'inPerson';
  /** In person: what is kept on this device waiting to be sent, for the status line. */
  readonly waiting?: string;
}

function totalText(clock: ClockView): string {
  const { total } = clock;
  if (clock.status === 'ended')
    return `Finished after ${formatClock(total.spentMs)} of ${formatClock(total.plannedMs)}`;
  const left = total.overrunMs > 0 ? `${formatClock(total.overrunMs)} over` : `${formatClock(total.remainingMs)} left`;
  return `Meeting: ${left} of ${formatClock(total.plannedMs)}`;
}

function SpareOffer({ session, spare, onGive }: { session: Session; spare: number; onGive: () => void }) {
  const [dismissed, setDismissed] = useState<number | undefined>(undefined);
  if (spare < 1 || session.status === 'notStarted' || session.status === 'ended' || dismissed === session.phase)
    return null;
  const before = PHASE_TITLES[PHASES[session.phase - 1] ?? 'goals'];
  const now = PHASE_TITLES[PHASES[session.phase]];
  return (
    <Notice
      actions={
        <>
          <Button size="small" appearance="primary" onClick={onGive}>
            {`Give ${spare} min to ${now}`}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => setDismissed(session.phase)}>
            No thanks
          </Button>
        </>
      }
    >
      {`${before} ended with ${spare} min to spare.`}
    </Notice>
  );
}

/** The compact header that stays in view: phase, time, and the leader's controls. */
export function PanelHeader({ clock, sync, role, withName, spare, place = 'meeting', waiting }: PanelHeaderProps) {
  const styles = usePanelHeaderStyles();
  const [shared, setShared] = useState<string | undefined>(undefined);
  const session = sync.view.session;
  const phase = currentPhase(clock);
  const live = phase && clock.status !== 'ended';
  const urgency = live ? urgencyOf(phase) : 'normal';
  const cue = cueFor(clock);
  const inPerson = place === 'inPerson';
  return (
    <section className={mergeClasses(styles.root, inPerson && styles.inPerson)} aria-label="Session">
      <div className={styles.row}>
        <Text weight="semibold">{withName ? `With ${withName}` : 'Waiting for the other person'}</Text>
        <Text size={200} weight="semibold" className={mergeClasses(styles.status, styles[clock.status])}>
          {STATUS_LABELS[clock.status]}
        </Text>
      </div>
      {live && (
        <div className={styles.row}>
          <Text weight="semibold" size={inPerson ? 500 : 300} data-testid="phase-name">
            {PHASE_TITLES[phase.phase]}
          </Text>
          <Text
            role="timer"
            aria-label="Phase time"
            data-testid="phase-time"
            data-urgency={urgency}
            size={inPerson ? 800 : 500}
            weight="semibold"
            className={mergeClasses(
              styles.time,
              urgency === 'warning' && styles.warning,
              urgency === 'danger' && styles.danger,
            )}
          >
            {timeLeftText(phase)}
          </Text>
        </div>
      )}
      <Caption1 className={styles.time} data-testid="total-time">
        {totalText(clock)}
      </Caption1>
      {role === 'leader' && clock.status !== 'ended' && (
        <>
          <LeaderControls
            session={session}
            busy={sync.busy}
            onAction={(action) => sync.act({ action })}
            size={inPerson ? 'large' : 'small'}
          />
          {/* Share sits between Next and End, so End is never the Tab stop after Next. */}
          <div className={styles.actions}>
            {!inPerson && <ShareToStage onResult={setShared} />}
            <EndControl
              disabled={sync.busy || (session.status !== 'running' && session.status !== 'paused')}
              onEnd={() => sync.act({ action: 'end' })}
              size={inPerson ? 'large' : 'small'}
            />
          </div>
          <SpareOffer session={session} spare={spare} onGive={() => sync.act({ action: 'giveSpare' })} />
        </>
      )}
      <div aria-live="polite">
        {shared && <Caption1>{shared}</Caption1>}
        {cue && <Notice>{cue}</Notice>}
      </div>
      {sync.error && <Notice intent="error">{sync.error}</Notice>}
      {inPerson ? (
        <Caption1 role="status" data-testid="sync-status">
          {waiting ?? (sync.stale ? 'Offline — the timer keeps running on this device.' : '')}
        </Caption1>
      ) : (
        sync.stale && <Caption1>Reconnecting… the times shown may be a few seconds old.</Caption1>
      )}
    </section>
  );
}
