import { Button, Text } from '@fluentui/react-components';
import type { IntroView } from '../../../../src/contract';
import type { ApiClient } from '../../shared/api/client';
import { useRoleSwitch, type RoleSwitchState } from './useRoleSwitch';
import { Notice } from '../../shared/components/Notice';
import { useRoleSwitchStyles } from './useRoleSwitchStyles.styles';

/** Props of the hand-over of the lead. */
interface RoleSwitchProps {
  readonly api: ApiClient;
  readonly view: IntroView;
}

type Styles = ReturnType<typeof useRoleSwitchStyles>;

/** What this person sees and may do about who leads; nothing once the intro has ended or while nobody has joined. */
function renderRoleSwitch(view: IntroView, state: RoleSwitchState, styles: Styles) {
  const { intro, role } = view;
  const { session, busy, act } = state;
  if (!intro.member || session.session.status === 'ended') return null;
  const pending = session.roleSwitch !== undefined && session.leaderId === intro.leader.id;
  if (role === 'leader' && !pending) {
    return (
      <div className={styles.actions}>
        <Button size="small" disabled={busy} onClick={() => act('request')}>
          Hand over the lead
        </Button>
      </div>
    );
  }
  if (role === 'leader') {
    return (
      <>
        <Text size={200}>Waiting for {intro.member.name} to accept…</Text>
        <div className={styles.actions}>
          <Button size="small" disabled={busy} onClick={() => act('cancel')}>
            Cancel
          </Button>
        </div>
      </>
    );
  }
  if (!pending) return null;
  return (
    <>
      <Text size={200}>{intro.leader.name} asks you to lead.</Text>
      <div className={styles.actions}>
        <Button size="small" appearance="primary" disabled={busy} onClick={() => act('accept')}>
          Accept
        </Button>
        <Button size="small" disabled={busy} onClick={() => act('decline')}>
          Decline
        </Button>
      </div>
    </>
  );
}

/** Lets the leader hand the lead to the member, who accepts or declines; each panel follows within a poll. */
export function RoleSwitch({ api, view }: RoleSwitchProps) {
  const styles = useRoleSwitchStyles();
  const state = useRoleSwitch(api, view);
  return (
    <section className={styles.root} aria-label="Who leads" aria-live="polite">
      {renderRoleSwitch(view, state, styles)}
      {state.error && <Notice intent="error">{state.error}</Notice>}
    </section>
  );
}
