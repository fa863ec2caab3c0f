import { Button, Subtitle2, Text } from '@fluentui/react-components';
import { useInPersonSectionStyles } from './InPersonSection.styles';
import { useEffect, useState } from 'react';
import { SETTING_LABELS } from '../../../src/domain/intro';
import type { ApiClient } from '../shared/api/client';
import { runnableInPerson, timeOfDay, type RunnableIntro } from './people';
import { sendKept } from './sendKept';

/** Props of the in-person section of the personal tab. */
interface InPersonSectionProps {
  readonly api: ApiClient;
  readonly me: string;
  readonly tenantId: string;
  readonly onStart: () => void;
  readonly onRun: (introId: string) => void;
}

function describe({ intro, role }: RunnableIntro): string {
  const other = role === 'leader' ? (intro.member?.name ?? 'someone') : intro.leader.name;
  const when = intro.scheduledStart
    ? `, ${new Date(intro.scheduledStart).toLocaleDateString()} ${timeOfDay(intro.scheduledStart)}`
    : '';
  return `${SETTING_LABELS[intro.setting]} with ${other}${when}`;
}

/** "Start an intro in person", and the in-person intros to run now (leader) or follow along (the other person). */
export function InPersonSection({ api, me, tenantId, onStart, onRun }: InPersonSectionProps) {
  const styles = useInPersonSectionStyles();
  const [runnable, setRunnable] = useState<RunnableIntro[]>([]);
  useEffect(() => {
    let alive = true;
    // What this device kept from an earlier visit (closed while offline) goes first, so the list below is current.
    void sendKept(api, { tenantId, userId: me })
      .catch(() => undefined)
      .then(() => api.listIntros(100))
      .then(
        (list) => alive && setRunnable(runnableInPerson(list.items, me)),
        () => undefined,
      );
    return () => {
      alive = false;
    };
  }, [api, me, tenantId]);
  return (
    <section className={styles.root} aria-labelledby="in-person-heading">
      <Subtitle2 as="h2" id="in-person-heading" className={styles.heading}>
        In person
      </Subtitle2>
      <Text size={200}>
        Over coffee, over lunch or in a meeting room: the agenda, timer and your notes on your phone.
      </Text>
      <div>
        <Button appearance="primary" size="large" className={styles.touch} onClick={onStart}>
          Start an intro in person
        </Button>
      </div>
      {runnable.length > 0 && (
        <ul className={styles.list} aria-label="Planned in person">
          {runnable.map((item) => (
            <li key={item.intro.id} className={styles.item}>
              <Text>{describe(item)}</Text>
              <Button className={styles.touch} onClick={() => onRun(item.intro.id)}>
                {item.role === 'leader'
                  ? item.intro.status === 'inProgress'
                    ? 'Resume'
                    : 'Run it now'
                  : 'Follow along'}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
