import { Button, mergeClasses, Text } from '@fluentui/react-components';
import { forwardRef, useEffect, useId, useRef } from 'react';
import { SHORTCUTS } from '../../shared/shortcuts';
import { usePanelHeaderStyles } from './usePanelHeaderStyles.styles';

/** Props of the End button. */
interface EndButtonProps {
  readonly disabled: boolean;
  readonly onAsk: () => void;
  /** Large on a phone: touch targets of at least 44 px. @default 'small' */
  readonly size?: 'small' | 'large';
}

/** End… only asks; the confirmation takes the controls' place in the header. */
export const EndButton = forwardRef<HTMLButtonElement, EndButtonProps>(function EndButton(
  { disabled, onAsk, size = 'small' },
  ref,
) {
  const styles = usePanelHeaderStyles();
  return (
    <Button
      ref={ref}
      size={size}
      className={size === 'large' ? styles.touch : styles.compact}
      disabled={disabled}
      aria-keyshortcuts={SHORTCUTS.end.keys}
      onClick={onAsk}
    >
      End…
    </Button>
  );
});

/** Props of the End confirmation. */
interface EndConfirmProps {
  readonly onCancel: () => void;
  readonly onEnd: () => void;
  /** @default 'small' */
  readonly size?: 'small' | 'large';
}

/** Says what End does; Keep going has the focus, Escape is Keep going too. */
export function EndConfirm({ onCancel, onEnd, size = 'small' }: EndConfirmProps) {
  const styles = usePanelHeaderStyles();
  const keepGoing = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const detailId = useId();
  useEffect(() => keepGoing.current?.focus(), []);
  const buttonClass = size === 'large' ? styles.touch : undefined;
  return (
    <div
      role="group"
      aria-labelledby={questionId}
      aria-describedby={detailId}
      className={styles.confirm}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <Text size={200}>
        <Text id={questionId} size={200} weight="semibold">
          End for both of you?
        </Text>{' '}
        <span id={detailId}>Your private recap goes to your chat with the Intro 1:1 bot.</span>
      </Text>
      <div className={styles.controls}>
        <Button ref={keepGoing} size={size} className={buttonClass} appearance="primary" onClick={onCancel}>
          Keep going
        </Button>
        <Button size={size} className={mergeClasses(styles.dangerButton, buttonClass)} onClick={onEnd}>
          End now
        </Button>
      </div>
    </div>
  );
}
