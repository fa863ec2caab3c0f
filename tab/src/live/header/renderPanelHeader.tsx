import { Caption1, mergeClasses, Text } from '@fluentui/react-components';
import { PHASE_TITLES } from '../../../../src/domain/phases';
import type { ClockView } from '../../../../src/domain/session';
import { Notice } from '../../shared/components/Notice';
import { formatClock, STATUS_LABELS } from '../../shared/format';
import { timeLeftText } from '../../shared/timerText';
import { EndButton, EndConfirm } from './EndControl';
import { LeaderControls } from './LeaderControls';
import { ShareToStage } from './ShareToStage';
import { SpareOffer } from './SpareOffer';
import type { PanelHeaderState } from './usePanelHeader';
import type { usePanelHeaderStyles } from './usePanelHeaderStyles.styles';

type Styles = ReturnType<typeof usePanelHeaderStyles>;

function totalText(clock: ClockView): string {
  const { total } = clock;
  if (clock.status === 'ended')
    return `Finished after ${formatClock(total.spentMs)} of ${formatClock(total.plannedMs)}`;
  const left = total.overrunMs > 0 ? `${formatClock(total.overrunMs)} over` : `${formatClock(total.remainingMs)} left`;
  return `Meeting: ${left} of ${formatClock(total.plannedMs)}`;
}

function renderTime(state: PanelHeaderState, styles: Styles) {
  const { phase, urgency, place } = state;
  if (!phase) return null;
  const inPerson = place === 'inPerson';
  return (
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
  );
}

/** The leader's row: timer controls, Share and End; End's confirmation takes the row's place while it asks. */
function renderControls(state: PanelHeaderState, styles: Styles) {
  const { session, sync, end, place } = state;
  const size = place === 'inPerson' ? 'large' : 'small';
  if (end.asking) return <EndConfirm onCancel={end.cancel} onEnd={end.confirm} size={size} />;
  return (
    <div className={styles.controls}>
      <LeaderControls session={session} busy={sync.busy} onAction={state.act} size={size} />
      {/* Share sits between Next and End, so End is never the Tab stop after Next. */}
      {place === 'meeting' && <ShareToStage onResult={state.setShared} />}
      <EndButton ref={end.endButton} disabled={!state.canEnd} onAsk={end.ask} size={size} />
    </div>
  );
}

function renderStatusLine(state: PanelHeaderState) {
  const { place, sync, waiting } = state;
  if (place === 'inPerson') {
    return (
      <Caption1 role="status" data-testid="sync-status">
        {waiting ?? (sync.stale ? 'Offline — the timer keeps running on this device.' : '')}
      </Caption1>
    );
  }
  return sync.stale ? <Caption1>Reconnecting… the times shown may be a few seconds old.</Caption1> : null;
}

/** Renders the header: who and how it stands, the phase's time, the meeting's time, then the leader's controls. */
export function renderPanelHeader(state: PanelHeaderState, styles: Styles) {
  const { clock, withName, leads, session, spare, sync, place } = state;
  return (
    <section className={mergeClasses(styles.root, place === 'inPerson' && styles.inPerson)} aria-label="Session">
      <div className={styles.row}>
        <Text weight="semibold" truncate wrap={false} className={styles.who}>
          {withName ? `With ${withName}` : 'Waiting for the other person'}
        </Text>
        <Text size={200} weight="semibold" className={mergeClasses(styles.status, styles[clock.status])}>
          {STATUS_LABELS[clock.status]}
        </Text>
      </div>
      {renderTime(state, styles)}
      <Caption1 className={styles.time} data-testid="total-time">
        {totalText(clock)}
      </Caption1>
      {leads && renderControls(state, styles)}
      {state.offerShown && session.status !== 'notStarted' && (
        <SpareOffer
          phase={session.phase}
          spare={spare}
          onGive={() => state.act('giveSpare')}
          onDismiss={state.closeOffer}
        />
      )}
      <div aria-live="polite">
        {state.shared && <Caption1>{state.shared}</Caption1>}
        {state.cue && <Caption1 className={styles.cue}>{state.cue}</Caption1>}
      </div>
      {sync.error && <Notice intent="error">{sync.error}</Notice>}
      {renderStatusLine(state)}
    </section>
  );
}
