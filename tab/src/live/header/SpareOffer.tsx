import { Button, Text } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { PHASE_TITLES, PHASES } from '../../../../src/domain/phases';
import { usePanelHeaderStyles } from './usePanelHeaderStyles.styles';

/** Props of the spare-minutes offer. */
interface SpareOfferProps {
  /** The current phase's index (at least 1: the offer is about the phase before it). */
  readonly phase: number;
  readonly spare: number;
  readonly onGive: () => void;
  readonly onDismiss: () => void;
}

/** One line in the header: the phase before ended early; give its spare minutes to this one, or not. */
export function SpareOffer({ phase, spare, onGive, onDismiss }: SpareOfferProps) {
  const styles = usePanelHeaderStyles();
  const before = PHASE_TITLES[PHASES[phase - 1] ?? 'goals'];
  const now = PHASE_TITLES[PHASES[phase] ?? 'goals'];
  return (
    <div className={styles.bar} role="group" aria-label="Spare minutes">
      <Text size={200} className={styles.barText}>{`${before}: ${spare} min spare`}</Text>
      <Button size="small" appearance="primary" aria-label={`Give ${spare} min to ${now}`} onClick={onGive}>
        {`Give ${spare} min`}
      </Button>
      <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label="No thanks" onClick={onDismiss} />
    </div>
  );
}
