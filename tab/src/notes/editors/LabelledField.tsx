import { Label, mergeClasses, Text } from '@fluentui/react-components';
import { useLabelledFieldStyles } from './LabelledField.styles';
import { useId, type ReactNode } from 'react';

/** What the control inside a labelled field needs to be wired to its label, hint and message. */
interface FieldWiring {
  readonly id: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: boolean;
}

/** Props of a labelled field. */
interface LabelledFieldProps {
  readonly label: string;
  readonly hint?: string;
  /** Shown as an error under the control, which is then marked invalid. */
  readonly error?: string;
  readonly size?: 'small' | 'medium';
  readonly className?: string;
  readonly children: (wiring: FieldWiring) => ReactNode;
}

/** A label, the control, a hint and an error message, wired for screen readers; the side panel's lighter Field. */
export function LabelledField({ label, hint, error, size = 'medium', className, children }: LabelledFieldProps) {
  const styles = useLabelledFieldStyles();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : undefined, hint ? hintId : undefined].filter(Boolean).join(' ');
  return (
    <div className={mergeClasses(styles.root, className)}>
      <Label htmlFor={id} size={size}>
        {label}
      </Label>
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined })}
      {error && (
        <Text id={errorId} size={200} role="alert" className={styles.error}>
          {error}
        </Text>
      )}
      {hint && (
        <Text id={hintId} size={200} className={styles.hint}>
          {hint}
        </Text>
      )}
    </div>
  );
}
