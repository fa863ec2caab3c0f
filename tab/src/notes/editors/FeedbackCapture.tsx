import { Button, Text } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { FEEDBACK_KINDS, type Goal, type NotesBody } from '../../../../src/domain/notes';
import { ItemList } from './ItemList';
import { NativeSelect } from './NativeSelect';
import { useFeedbackCapture } from './useFeedbackCapture';
import { useFeedbackCaptureStyles } from './useFeedbackCaptureStyles.styles';

const KIND_LABELS = { celebratory: 'Celebratory', critical: 'Critical' } as const;

/** Props of the leader's feedback capture. */
interface FeedbackCaptureProps {
  readonly body: NotesBody;
  readonly edit: (update: (body: NotesBody) => NotesBody) => void;
  /** Last time's goals, carried forward. */
  readonly carriedGoals: readonly Goal[];
  readonly draft?: string;
  readonly onDraftChange?: (draft: string) => void;
  readonly disabled?: boolean;
}

/** Feedback framed in the person's goals: their goals beside the editor, one press to frame, the kind chosen. */
export function FeedbackCapture({ body, edit, carriedGoals, ...list }: FeedbackCaptureProps) {
  const styles = useFeedbackCaptureStyles();
  const state = useFeedbackCapture(body, edit, carriedGoals);
  const headingId = useId();
  const kindName = useId();
  const patch = (id: string, change: Partial<NotesBody['feedback'][number]>) =>
    edit((latest) => ({
      ...latest,
      feedback: latest.feedback.map((item) => (item.id === id ? { ...item, ...change } : item)),
    }));
  return (
    <>
      <section className={styles.goals} aria-labelledby={headingId}>
        <Text as="h3" id={headingId} weight="semibold" className={styles.heading}>
          Their goals to frame feedback in
        </Text>
        {state.goals.length === 0 ? (
          <Text size={200} className={styles.hint}>
            No goals yet: add them in the Goals phase.
          </Text>
        ) : (
          <ul className={styles.goalList}>
            {state.goals.map(({ goal, carried }) => (
              <li key={goal.id} className={styles.goalItem}>
                <Button
                  size="small"
                  className={styles.goal}
                  appearance={state.goalId === goal.id ? 'primary' : 'outline'}
                  aria-pressed={state.goalId === goal.id}
                  // A tick as well as the fill: high contrast draws both appearances alike.
                  icon={state.goalId === goal.id ? <CheckmarkRegular /> : undefined}
                  aria-label={`About: ${goal.text}`}
                  onClick={() => state.toggleGoal(goal.id)}
                >
                  {carried ? `${goal.text} (last time)` : goal.text}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ItemList
        {...list}
        title="Feedback given"
        noun="feedback"
        items={body.feedback}
        canAdd={state.kind !== undefined}
        onAdd={state.add}
        onRemove={(id) => edit((latest) => ({ ...latest, feedback: latest.feedback.filter((item) => item.id !== id) }))}
        addControls={
          <fieldset className={styles.kind}>
            <legend className={styles.legend}>Kind (choose one)</legend>
            {FEEDBACK_KINDS.map((kind) => (
              <label key={kind} className={styles.radio}>
                <input
                  type="radio"
                  name={kindName}
                  className={styles.input}
                  checked={state.kind === kind}
                  onChange={() => state.setKind(kind)}
                />
                {KIND_LABELS[kind]}
              </label>
            ))}
          </fieldset>
        }
        renderControls={(item) => (
          <>
            <NativeSelect
              label={`Kind of ${item.text}`}
              value={item.kind}
              onChange={(value) => patch(item.id, { kind: value === 'critical' ? 'critical' : 'celebratory' })}
            >
              {FEEDBACK_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect
              label={`Goal of ${item.text}`}
              value={item.goalId ?? ''}
              onChange={(value) => patch(item.id, { goalId: value || undefined })}
            >
              <option value="">No goal</option>
              {body.goals.map((goal) => (
                <option key={goal.id} value={goal.id}>
                  {goal.text}
                </option>
              ))}
            </NativeSelect>
          </>
        )}
      />
    </>
  );
}
