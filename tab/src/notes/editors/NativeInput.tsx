import { mergeClasses } from '@fluentui/react-components';
import type { InputHTMLAttributes } from 'react';
import { useControlStyles } from './useControlStyles.styles';

/** Props of a native input: those of `<input>`, with the value handed to `onValue`. */
interface NativeInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  readonly onValue: (value: string) => void;
}

/** A browser input styled with Fluent tokens; the side panel's lighter stand-in for Fluent's Input. */
export function NativeInput({ onValue, className, ...rest }: NativeInputProps) {
  const styles = useControlStyles();
  return (
    <input {...rest} className={mergeClasses(styles.control, className)} onChange={(e) => onValue(e.target.value)} />
  );
}
