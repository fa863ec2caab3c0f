import { Button, Text } from '@fluentui/react-components';
import { buildAgenda } from '../../../src/domain/agenda';
import { DEFAULT_MINUTES } from '../../../src/domain/intro';
import { METHOD_SUMMARY } from '../../../src/domain/method';
import { PHASE_TITLES } from '../../../src/domain/phases';
import { useIntroSetupStyles } from './useSidePanelStyles.styles';
import { Busy } from '../shared/components/Busy';
import { Notice } from '../shared/components/Notice';

/** Props of the intro set-up prompt. */
interface IntroSetupProps {
  readonly settingUp: boolean;
  readonly error?: string;
  readonly onSetUp: () => void;
}

const DEFAULT_PLAN = buildAgenda(DEFAULT_MINUTES)
  .items.map((item) => `${PHASE_TITLES[item.phase]} (${item.minutes} min)`)
  .join(', ');

/** Explains the method and offers to set up an intro 1:1 for this meeting. */
export function IntroSetup({ settingUp, error, onSetUp }: IntroSetupProps) {
  const styles = useIntroSetupStyles();
  return (
    <div className={styles.root}>
      <Text>{METHOD_SUMMARY}</Text>
      <Text size={200}>
        No intro 1:1 is set up for this meeting yet. Setting one up plans {DEFAULT_MINUTES} minutes in three phases:{' '}
        {DEFAULT_PLAN}. The meeting's organizer leads it (else whoever sets it up); if the other participant already
        has, this joins you to it.
      </Text>
      {error && <Notice intent="error">{error}</Notice>}
      <Button
        appearance="primary"
        className={styles.button}
        disabled={settingUp}
        icon={settingUp ? <Busy /> : undefined}
        onClick={onSetUp}
      >
        Set up this intro 1:1
      </Button>
    </div>
  );
}
