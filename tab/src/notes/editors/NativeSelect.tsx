import { mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useControlStyles } from './useControlStyles.styles';

/** Props of a native select. */
interface NativeSelectProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly children: ReactNode;
}

/** A browser select styled with Fluent tokens: the keyboard and screen-reader behaviour of Fluent's Select, far smaller. */
export function NativeSelect({ label, value, onChange, children }: NativeSelectProps) {
  const styles = useControlStyles();
  return (
    <select
      aria-label={label}
      className={mergeClasses(styles.control, styles.select)}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {children}
    </select>
  );
}
