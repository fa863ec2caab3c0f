import { Button, Text } from '@fluentui/react-components';
import type { IntroView } from '../../../src/contract';
import { CLOSING, MEMBER_OPENING, OPENING } from '../../../src/domain/method';
import type { ApiClient } from '../shared/api/client';
import { useMeetingIntro } from '../shared/hooks/useMeetingIntro';
import { useNotes } from '../notes/useNotes';
import { AgendaList } from '../shared/agenda/AgendaList';
import { Busy } from '../shared/components/Busy';
import { IntroSetup } from '../sidePanel/IntroSetup';
import { LoadError } from '../shared/components/LoadError';
import { NoteField } from '../notes/editors/NoteField';
import { SaveStatus } from '../notes/SaveStatus';
import { Page } from '../shared/components/Page';
import { MemberGuide } from '../shared/agenda/MemberGuide';
import { PhaseGuide } from '../shared/agenda/PhaseGuide';

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
