import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { IntroView, NotesView } from '../../../src/contract';
import { clockText, HISTORY_STATUS_TEXT, historyStatus, introDate } from '../../../src/domain/history';
import { PHASE_TITLES } from '../../../src/domain/phases';
import { partsText, ShareWithMember } from '../share/ShareWithMember';
import type { ApiClient } from '../shared/api/client';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorBar } from './ErrorBar';
import { formatDateTime } from './labels';
import { NotesSections } from './NotesSections';
import { PhaseChart } from './PhaseChart';
import { useIntroDetail } from './useIntroDetail';
import { useHistoryStyles } from './useHistoryStyles.styles';

/** Props of the detail view. */
interface IntroDetailProps {
  readonly api: ApiClient;
  readonly introId: string;
  readonly onBack: () => void;
  /** Called after the caller deleted their notes here. */
  readonly onDeleted: () => void;
  /** Called with every copy of the notes saved here (a follow-up ticked), so the list can follow. */
  readonly onSaved?: (notes: NotesView) => void;
}

/** What the leader sent this member, said without the lists themselves (they are in the member's chat). */
function sharedText(view: IntroView): string {
  const mark = view.intro.sharedWithMember;
  if (!mark) return 'Nothing shared yet.';
  return `${view.intro.leader.name} sent you the ${partsText(mark.parts)} from this intro on ${formatDateTime(mark.at)}; they are in your chat with Intro 1:1.`;
}

function MemberView({ view }: { view: IntroView }) {
  const styles = useHistoryStyles();
  return (
    <>
      <section className={styles.section}>
        <Subtitle2 as="h3" className={styles.sectionHeading}>
          Shared by {view.intro.leader.name}
        </Subtitle2>
        <Text>{sharedText(view)}</Text>
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h3" className={styles.sectionHeading}>
          Agenda
        </Subtitle2>
        <ol className={styles.bullets}>
          {view.agenda.items.map((item) => (
            <li key={item.phase}>
              <Text>
                {PHASE_TITLES[item.phase]} · {clockText(item.minutes * 60_000)}
              </Text>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** One intro: who, when, time per phase, and the caller's own notes. */
export function IntroDetail({ api, introId, onBack, onDeleted, onSaved }: IntroDetailProps) {
  const styles = useHistoryStyles();
  const { state, setDone, retry, saving } = useIntroDetail(api, introId, onSaved);
  const heading = useRef<HTMLHeadingElement>(null);
  const backButton = useRef<HTMLButtonElement>(null);
  // The link that opened this view is gone: put focus where the reader is, the heading (or Back when there is none).
  useEffect(() => {
    if (state.status !== 'loading') (heading.current ?? backButton.current)?.focus();
  }, [state.status]);
  const back = (
    <Button ref={backButton} icon={<ArrowLeftRegular />} appearance="subtle" onClick={onBack} className={styles.back}>
      Back to history
    </Button>
  );
  if (state.status === 'loading')
    return (
      <>
        {back}
        <Spinner size="small" label="Loading the intro…" />
      </>
    );
  if (state.status === 'deleted')
    return (
      <>
        {back}
        <MessageBar intent="warning">
          <MessageBarBody>This intro 1:1 was deleted.</MessageBarBody>
        </MessageBar>
      </>
    );
  if (state.status === 'error')
    return (
      <>
        {back}
        <ErrorBar title="Could not load the intro" message={state.message} onRetry={retry} />
      </>
    );
  const { view, notes } = state;
  const other = view.role === 'leader' ? (view.intro.member?.name ?? 'someone not yet joined') : view.intro.leader.name;
  return (
    <article className={styles.section} aria-labelledby="intro-heading">
      {back}
      <Text
        as="h2"
        size={400}
        weight="semibold"
        id="intro-heading"
        className={styles.groupHeading}
        ref={heading}
        tabIndex={-1}
      >
        Intro 1:1 with {other}
      </Text>
      <Text>
        {formatDateTime(introDate(view.intro))} · {clockText(view.intro.durationMinutes * 60_000)} planned ·{' '}
        {HISTORY_STATUS_TEXT[historyStatus(view.intro, view.session.session)]} ·{' '}
        {view.role === 'leader' ? 'You led' : 'You took part'}
      </Text>
      {state.saveError && <ErrorBar title="Could not save" message={state.saveError} />}
      {view.role === 'member' && <MemberView view={view} />}
      <PhaseChart view={view} />
      <NotesSections notes={notes} intro={view.intro} onSetDone={(id, done) => void setDone(id, done)} />
      {view.role === 'leader' && view.intro.member && (
        <ShareWithMember
          api={api}
          introId={view.intro.id}
          memberName={view.intro.member.name}
          counts={{ goals: notes.goals.length, followUps: notes.followUps.length }}
          notesSaved={!saving}
          sharedBefore={view.intro.sharedWithMember}
        />
      )}
      <div>
        <ConfirmDialog
          trigger={<Button disabled={notes.version === 0}>Delete my notes on this intro</Button>}
          title="Delete your notes on this intro 1:1?"
          message="Your notes and items on this intro 1:1 are deleted for good. The other person's notes are not affected."
          confirmLabel="Delete my notes"
          onConfirm={() => api.deleteNotes(introId)}
          onConfirmed={onDeleted}
        />
      </div>
    </article>
  );
}
