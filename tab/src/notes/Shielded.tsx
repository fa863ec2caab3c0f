import { mergeClasses } from '@fluentui/react-components';
import { useShieldedStyles } from './Shielded.styles';
import type { ReactNode } from 'react';

/** Props of a shielded block. */
interface ShieldedProps {
  /** True while "Hide notes" is on: the block is blurred, hidden from screen readers and cannot be used. */
  readonly on: boolean;
  readonly className?: string;
  readonly children: ReactNode;
}

/** Private content that the privacy shield blurs for screen sharing. */
export function Shielded({ on, className, children }: ShieldedProps) {
  const styles = useShieldedStyles();
  return (
    <div className={mergeClasses(className, on && styles.shielded)} aria-hidden={on} inert={on} data-shielded={on}>
      {children}
    </div>
  );
}
