import { Text } from '@fluentui/react-components';
import { useBeforeStartStyles } from './BeforeStart.styles';
import { MAX_MINUTES, MIN_MINUTES } from '../../../src/domain/intro';
import { MEMBER_OPENING, OPENING } from '../../../src/domain/method';
import { NativeSelect } from '../notes/editors/NativeSelect';

const LENGTHS = Array.from({ length: (MAX_MINUTES - MIN_MINUTES) / 5 + 1 }, (_, index) => MIN_MINUTES + index * 5);

/** Props of what comes before the start. */
interface BeforeStartProps {
  readonly role: 'leader' | 'member';
  readonly minutes: number;
  readonly busy: boolean;
  readonly onMinutes: (minutes: number) => void;
}

/** Before the start: the leader's framing and the length (30–60 minutes); the member's words on what to bring. */
export function BeforeStart({ role, minutes, busy, onMinutes }: BeforeStartProps) {
  const styles = useBeforeStartStyles();
  return (
    <>
      {role === 'leader' && (
        <div className={styles.row}>
          <Text size={200} aria-hidden>
            Length
          </Text>
          <NativeSelect
            label="Length of the intro"
            value={String(minutes)}
            onChange={(v) => !busy && onMinutes(Number(v))}
          >
            {LENGTHS.map((length) => (
              <option key={length} value={length}>
                {`${length} minutes`}
              </option>
            ))}
          </NativeSelect>
        </div>
      )}
      <ul className={styles.list} aria-label={role === 'leader' ? 'How to open' : 'What to bring'}>
        {(role === 'leader' ? OPENING : MEMBER_OPENING).map((line) => (
          <li key={line}>
            <Text size={200}>{line}</Text>
          </li>
        ))}
      </ul>
      {role === 'leader' && (
        <Text size={200} className={styles.hint}>
          Keys: Alt+Shift+P start or pause · B back · N next · F the phase's notes · E end
        </Text>
      )}
    </>
  );
}
