import { Checkbox, Subtitle2, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { NotesView } from '../../../src/contract';
import { feedbackGoal, ownerName } from '../../../src/domain/history';
import type { Intro } from '../../../src/domain/intro';
import { writtenTexts, type FeedbackGiven, type FollowUp } from '../../../src/domain/notes';
import { useHistoryStyles } from './useHistoryStyles.styles';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useHistoryStyles();
  return (
    <section className={styles.section}>
      <Subtitle2 as="h3" className={styles.sectionHeading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

function Bullets({ items }: { items: readonly string[] }) {
  const styles = useHistoryStyles();
  return (
    <ul className={styles.bullets}>
      {items.map((item, index) => (
        <li key={index}>
          <Text>{item}</Text>
        </li>
      ))}
    </ul>
  );
}

/** Props of the notes sections. */
interface NotesSectionsProps {
  readonly notes: NotesView;
  /** The intro the notes are on, for the names of follow-up owners. */
  readonly intro: Intro;
  readonly onSetDone: (followUpId: string, done: boolean) => void;
}

function feedbackText(notes: NotesView, item: FeedbackGiven): string {
  const goal = feedbackGoal(notes, item);
  return `${item.text} (${item.kind})${goal === undefined ? '' : ` — about goal: ${goal}`}`;
}

function followUpLabel(intro: Intro, item: FollowUp): string {
  return `${item.text} (owner: ${ownerName(intro, item.owner)}${item.due ? `, due ${item.due}` : ''})`;
}

/** The caller's own notes and items; follow-ups can be ticked off. */
export function NotesSections({ notes, intro, onSetDone }: NotesSectionsProps) {
  const styles = useHistoryStyles();
  const texts = writtenTexts(notes);
  const empty =
    texts.length + notes.goals.length + notes.issues.length + notes.feedback.length + notes.followUps.length === 0;
  if (empty) return <Text>You have no notes on this intro 1:1.</Text>;
  return (
    <>
      {texts.length > 0 && (
        <Section title="My notes">
          {texts.map(([title, text]) => (
            <p key={title} className={styles.notesText}>
              <Text weight="semibold">{title}: </Text>
              <Text>{text}</Text>
            </p>
          ))}
        </Section>
      )}
      {notes.goals.length > 0 && (
        <Section title="Goals">
          <Bullets items={notes.goals.map((goal) => `${goal.text} (${goal.horizon} term)`)} />
        </Section>
      )}
      {notes.issues.length > 0 && (
        <Section title="Issues raised">
          <Bullets
            items={notes.issues.map(
              (issue) => `${issue.text}${issue.paraphrased ? ' (paraphrased and confirmed)' : ''}`,
            )}
          />
        </Section>
      )}
      {notes.feedback.length > 0 && (
        <Section title="Feedback given">
          <Bullets items={notes.feedback.map((item) => feedbackText(notes, item))} />
        </Section>
      )}
      {notes.followUps.length > 0 && (
        <Section title="Follow-ups">
          {notes.followUps.map((item) => (
            <Checkbox
              key={item.id}
              checked={item.done}
              onChange={(_event, data) => onSetDone(item.id, data.checked === true)}
              label={followUpLabel(intro, item)}
            />
          ))}
        </Section>
      )}
    </>
  );
}
