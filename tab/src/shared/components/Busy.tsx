import { Text } from '@fluentui/react-components';
import { useBusyStyles } from './useBusyStyles.styles';

/** Props of the busy indicator. */
interface BusyProps {
  /** What is happening; read by screen readers and shown beside the ring when given. */
  readonly label?: string;
}

/** A small spinning ring with a label: the side panel's stand-in for Fluent's Spinner, at a fraction of its size. */
export function Busy({ label }: BusyProps) {
  const styles = useBusyStyles();
  return (
    <span className={styles.root} role={label ? 'status' : undefined} aria-hidden={label ? undefined : true}>
      <span className={styles.ring} aria-hidden="true" />
      {label && <Text>{label}</Text>}
    </span>
  );
}
