import { Button, Field, Input, Radio, RadioGroup, Select, Subtitle2, Text } from '@fluentui/react-components';
import { useStartInPersonStyles } from './StartInPerson.styles';
import { useEffect, useState } from 'react';
import type { IntroView } from '../../../src/contract';
import { SETTING_LABELS } from '../../../src/domain/intro';
import type { ApiClient } from '../shared/api/client';
import { IN_PERSON, peopleToMeet, timeOfDay, type InPersonSetting, type KnownPerson } from './people';

/** Props of the start form. */
interface StartInPersonProps {
  readonly api: ApiClient;
  /** The caller's user id, to find the people they scheduled. */
  readonly me: string;
  readonly onStarted: (view: IntroView) => void;
  readonly onCancel: () => void;
}

const LENGTHS = [30, 35, 40, 45, 50, 55, 60];
const TYPED = 'typed';

/** Loads the people the caller scheduled, today's first; none when the list cannot load (a name can be typed). */
function usePeople(api: ApiClient, me: string): KnownPerson[] {
  const [people, setPeople] = useState<KnownPerson[]>([]);
  useEffect(() => {
    let alive = true;
    api.listIntros(100).then(
      (list) => alive && setPeople(peopleToMeet(list.items, me, Date.now())),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [api, me]);
  return people;
}

/** Asks whom the caller is meeting (someone they scheduled, or a typed name), where, and for how long; then starts. */
export function StartInPerson({ api, me, onStarted, onCancel }: StartInPersonProps) {
  const styles = useStartInPersonStyles();
  const people = usePeople(api, me);
  const [whom, setWhom] = useState<string>(TYPED);
  const [name, setName] = useState('');
  const [setting, setSetting] = useState<InPersonSetting>('coffee');
  const [minutes, setMinutes] = useState(45);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const chosen = people.find((person) => person.id === whom);
  const canStart = !busy && (chosen !== undefined || name.trim() !== '');

  const start = (event: React.FormEvent) => {
    event.preventDefault();
    if (!canStart) return;
    setBusy(true);
    setError(undefined);
    const member = chosen ? { memberId: chosen.id, memberName: chosen.name } : { memberName: name.trim() };
    api.startInPerson({ ...member, setting, durationMinutes: minutes }).then(onStarted, (failure: unknown) => {
      setError(failure instanceof Error ? failure.message : 'Could not start the intro. Try again.');
      setBusy(false);
    });
  };

  return (
    <form className={styles.root} onSubmit={start} aria-labelledby="start-in-person">
      <Subtitle2 as="h2" id="start-in-person" className={styles.heading}>
        Start an intro in person
      </Subtitle2>
      <Field label="Whom are you meeting?">
        <RadioGroup value={whom} onChange={(_, data) => setWhom(data.value)}>
          {people.map((person) => (
            <Radio
              key={person.id}
              value={person.id}
              className={styles.radio}
              label={person.today ? `${person.name} (today ${timeOfDay(person.today)})` : person.name}
            />
          ))}
          <Radio value={TYPED} className={styles.radio} label="Someone else" />
        </RadioGroup>
      </Field>
      {whom === TYPED && (
        <Field label="Their name" hint="For someone who does not use the app yet.">
          <Input value={name} onChange={(_, data) => setName(data.value)} maxLength={200} className={styles.touch} />
        </Field>
      )}
      <Field label="Where">
        <RadioGroup
          layout="horizontal"
          value={setting}
          onChange={(_, data) => setSetting(data.value as InPersonSetting)}
        >
          {IN_PERSON.map((value) => (
            <Radio key={value} value={value} className={styles.radio} label={SETTING_LABELS[value]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Length" hint="30 to 60 minutes; 45 is what the method recommends.">
        <Select value={String(minutes)} onChange={(_, data) => setMinutes(Number(data.value))} className={styles.touch}>
          {LENGTHS.map((value) => (
            <option key={value} value={value}>{`${value} minutes`}</option>
          ))}
        </Select>
      </Field>
      {error && (
        <Text role="alert" weight="semibold">
          {error}
        </Text>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="large" className={styles.touch} disabledFocusable={!canStart}>
          {busy ? 'Starting…' : 'Open the run view'}
        </Button>
        <Button type="button" size="large" className={styles.touch} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
