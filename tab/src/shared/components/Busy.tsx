import { makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  ring: {
    width: '16px',
    height: '16px',
    flexShrink: 0,
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { to: { transform: 'rotate(360deg)' } },
    animationDuration: '0.8s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media (prefers-reduced-motion: reduce)': { animationDuration: '3s' },
  },
});

/** Props of the busy indicator. */
export interface BusyProps {
  /** What is happening; read by screen readers and shown beside the ring when given. */
  readonly label?: string;
}

/** A small spinning ring with a label: the side panel's stand-in for Fluent's Spinner, at a fraction of its size. */
export function Busy({ label }: BusyProps) {
  const styles = useStyles();
  return (
    <span className={styles.root} role={label ? 'status' : undefined} aria-hidden={label ? undefined : true}>
      <span className={styles.ring} aria-hidden="true" />
      {label && <Text>{label}</Text>}
    </span>
  );
}
