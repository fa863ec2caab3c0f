import { Button, Text } from '@fluentui/react-components';
import type { IntroView } from '../../../src/contract';
import { CLOSING, MEMBER_OPENING, OPENING } from '../../../src/domain/method';
import type { ApiClient } from '../api/client';
import { useMeetingIntro } from '../hooks/useMeetingIntro';
import { useNotes } from '../hooks/useNotes';
import { AgendaList } from './AgendaList/AgendaList';
import { Busy } from './Busy';
import { IntroSetup } from './IntroSetup';
import { LoadError } from './LoadError';
import { NoteField } from './Notes/NoteField';
import { SaveStatus } from './Notes/SaveStatus';
import { Page } from './Page';
import { MemberGuide } from './LiveIntro/MemberGuide';
import { PhaseGuide } from './PhaseGuide';

/** Props of the meeting details page. */
export interface MeetingDetailsProps {
  readonly api: ApiClient;
  readonly meetingId: string;
}

function Checklist({ title, lines }: { title: string; lines: readonly string[] }) {
  return (
    <section aria-label={title}>
      <Text weight="semibold">{title}</Text>
      <ul>
        {lines.map((line) => (
          <li key={line}>
            <Text size={200}>{line}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Prepare({ api, view }: { api: ApiClient; view: IntroView }) {
  const { intro, role, agenda } = view;
  const me = role === 'leader' ? intro.leader : intro.member;
  const notes = useNotes(api, { tenantId: intro.tenantId, userId: me?.id ?? role, introId: intro.id });
  return (
    <>
      <AgendaList agenda={agenda} audience={role} />
      {role === 'leader' ? (
        <Checklist title="Set the scene" lines={OPENING} />
      ) : (
        <Checklist title="What to bring" lines={MEMBER_OPENING} />
      )}
      {agenda.items.map((item) =>
        // The member sees their side of each phase, never the leader's questions or tips.
        role === 'leader' ? (
          <PhaseGuide key={item.phase} item={item} withTips named />
        ) : (
          <MemberGuide key={item.phase} phase={item.phase} />
        ),
      )}
      {role === 'leader' && <Checklist title="Afterwards" lines={CLOSING} />}
      <NoteField
        notes={notes}
        field="prep"
        label="Your prep notes"
        hint="Private to you. They appear in the side panel during the call."
        rows={6}
      />
      <SaveStatus state={notes.state} />
    </>
  );
}

/** The meeting's details tab: the agenda with its questions and one's own prep notes, before the call. */
export function MeetingDetails({ api, meetingId }: MeetingDetailsProps) {
  const { state, retry, setUp } = useMeetingIntro(api, meetingId);
  return (
    <Page title="Meeting details">
      {state.status === 'loading' && <Busy label="Loading the intro…" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={retry} />}
      {state.status === 'none' && <IntroSetup settingUp={state.settingUp} error={state.setupError} onSetUp={setUp} />}
      {state.status === 'awaiting' && (
        <>
          <Text>{state.message}</Text>
          <Button appearance="primary" disabled={state.settingUp} onClick={setUp}>
            Join
          </Button>
        </>
      )}
      {state.status === 'ready' && <Prepare api={api} view={state.view} />}
    </Page>
  );
}
