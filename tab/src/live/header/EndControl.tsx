import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';

const useStyles = makeStyles({
  confirm: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusDangerBorder1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  touch: { minHeight: '44px', minWidth: '44px' },
});

/** Props of the End control. */
export interface EndControlProps {
  readonly disabled: boolean;
  readonly onEnd: () => void;
  /** Large on a phone: touch targets of at least 44 px. @default 'small' */
  readonly size?: 'small' | 'large';
}

/** End asks first and says what happens next; Keep going (the default focus) puts the focus back on End. */
export function EndControl({ disabled, onEnd, size = 'small' }: EndControlProps) {
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  const keepGoing = useRef<HTMLButtonElement>(null);
  const end = useRef<HTMLButtonElement>(null);
  const textId = useId();
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking) keepGoing.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      end.current?.focus();
    }
  }, [asking]);
  if (!asking) {
    return (
      <Button
        ref={end}
        size={size}
        className={size === 'large' ? styles.touch : undefined}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        End…
      </Button>
    );
  }
  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  return (
    <div
      role="group"
      aria-labelledby={textId}
      className={styles.confirm}
      onKeyDown={(event) => event.key === 'Escape' && cancel()}
    >
      <Text id={textId} size={200}>
        End the intro 1:1 for both of you? The timer stops, and your private recap goes to your chat with the Intro 1:1
        bot.
      </Text>
      <div className={styles.row}>
        <Button
          ref={keepGoing}
          size={size}
          className={size === 'large' ? styles.touch : undefined}
          appearance="primary"
          onClick={cancel}
        >
          Keep going
        </Button>
        <Button
          size={size}
          className={size === 'large' ? styles.touch : undefined}
          onClick={() => {
            setAsking(false);
            onEnd();
          }}
        >
          End now
        </Button>
      </div>
    </div>
  );
}
