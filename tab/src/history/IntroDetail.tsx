import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import type { IntroView } from '../../../src/domain/api';
import { introDate } from '../../../src/domain/history';
import { PHASE_TITLES } from '../../../src/domain/phases';
import type { HistoryApi } from './api';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorBar } from './ErrorBar';
import { formatDateTime, STATUS_TEXT } from './labels';
import { NotesSections } from './NotesSections';
import { PhaseChart } from './PhaseChart';
import { useIntroDetail } from './useIntroDetail';
import { useHistoryStyles } from './useHistoryStyles.styles';

/** Props of the detail view. */
export interface IntroDetailProps {
  readonly api: HistoryApi;
  readonly introId: string;
  readonly onBack: () => void;
  /** Called after the caller deleted their notes here. */
  readonly onDeleted: () => void;
}

function MemberView({ view }: { view: IntroView }) {
  const styles = useHistoryStyles();
  return (
    <>
      <section className={styles.section}>
        <Subtitle2 as="h3" className={styles.sectionHeading}>
          Shared by {view.intro.leader.name}
        </Subtitle2>
        <Text>Nothing shared yet.</Text>
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h3" className={styles.sectionHeading}>
          Agenda
        </Subtitle2>
        <ol className={styles.bullets}>
          {view.agenda.items.map((item) => (
            <li key={item.phase}>
              <Text>
                {PHASE_TITLES[item.phase]} · {item.minutes} min
              </Text>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** One intro: who, when, time per phase, and the caller's own notes. */
export function IntroDetail({ api, introId, onBack, onDeleted }: IntroDetailProps) {
  const styles = useHistoryStyles();
  const { state, setDone, retry } = useIntroDetail(api, introId);
  const back = (
    <Button icon={<ArrowLeftRegular />} appearance="subtle" onClick={onBack} className={styles.back}>
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
      <Subtitle2 as="h2" id="intro-heading" className={styles.groupHeading}>
        Intro 1:1 with {other}
      </Subtitle2>
      <Text>
        {formatDateTime(introDate(view.intro))} · {view.intro.durationMinutes} min · {STATUS_TEXT[view.intro.status]} ·{' '}
        {view.role === 'leader' ? 'You led' : 'You took part'}
      </Text>
      {state.saveError && <ErrorBar title="Could not save" message={state.saveError} />}
      {view.role === 'member' && <MemberView view={view} />}
      <PhaseChart view={view} />
      <NotesSections notes={notes} onSetDone={(id, done) => void setDone(id, done)} />
      <div>
        <ConfirmDialog
          trigger={<Button disabled={notes.version === 0}>Delete my notes on this intro</Button>}
          title="Delete your notes on this intro 1:1?"
          message="Your notes and items on this intro 1:1 are deleted for good. The other person's notes are not affected."
          confirmLabel="Delete my notes"
          onConfirm={async () => {
            await api.deleteNotes(introId);
            onDeleted();
          }}
        />
      </div>
    </article>
  );
}
