import { Switch } from '@fluentui/react-components';
import type { FEEDBACK_KINDS } from '../../../../src/domain/notes';
import { HORIZONS, type NotesBody } from '../../../../src/domain/notes';
import type { PhaseId } from '../../../../src/domain/phases';
import { newItemId } from '../../notes/statusText';
import { ItemList } from './ItemList';
import { NativeInput } from './NativeInput';
import { NativeSelect } from './NativeSelect';

type Edit = (update: (body: NotesBody) => NotesBody) => void;

/** Props of the structured capture for one phase. */
export interface StructuredCaptureProps {
  readonly phase: PhaseId;
  readonly body: NotesBody;
  readonly edit: Edit;
}

type ListKey = 'goals' | 'issues' | 'feedback' | 'followUps';

function listEditor<K extends ListKey>(edit: Edit, key: K) {
  type Item = NotesBody[K][number];
  const change = (update: (items: Item[]) => Item[]) =>
    edit((body) => ({ ...body, [key]: update(body[key] as Item[]) }));
  return {
    add: (item: Item) => change((items) => [...items, item]),
    remove: (id: string) => change((items) => items.filter((item) => item.id !== id)),
    patch: (id: string, patch: Partial<Item>) =>
      change((items) => items.map((item) => (item.id === id ? { ...item, ...patch } : item))),
  };
}

const HORIZON_LABELS = { short: 'Short term', medium: 'Medium term', long: 'Long term' } as const;

function Goals({ body, edit }: Omit<StructuredCaptureProps, 'phase'>) {
  const goals = listEditor(edit, 'goals');
  return (
    <ItemList
      title="Goals"
      noun="goal"
      items={body.goals}
      onAdd={(text) => goals.add({ id: newItemId(), text, horizon: 'short' })}
      onRemove={goals.remove}
      renderControls={(item) => (
        <NativeSelect
          label={`Horizon of ${item.text}`}
          value={item.horizon}
          onChange={(value) => goals.patch(item.id, { horizon: value as (typeof HORIZONS)[number] })}
        >
          {HORIZONS.map((horizon) => (
            <option key={horizon} value={horizon}>
              {HORIZON_LABELS[horizon]}
            </option>
          ))}
        </NativeSelect>
      )}
    />
  );
}

function Issues({ body, edit }: Omit<StructuredCaptureProps, 'phase'>) {
  const issues = listEditor(edit, 'issues');
  return (
    <ItemList
      title="Issues raised"
      noun="issue"
      items={body.issues}
      onAdd={(text) => issues.add({ id: newItemId(), text, paraphrased: false })}
      onRemove={issues.remove}
      renderControls={(item) => (
        <Switch
          label="Paraphrased and confirmed"
          checked={item.paraphrased}
          onChange={(_, data) => issues.patch(item.id, { paraphrased: data.checked })}
        />
      )}
    />
  );
}

function Feedback({ body, edit }: Omit<StructuredCaptureProps, 'phase'>) {
  const feedback = listEditor(edit, 'feedback');
  return (
    <ItemList
      title="Feedback given"
      noun="feedback"
      items={body.feedback}
      onAdd={(text) => feedback.add({ id: newItemId(), text, kind: 'celebratory' })}
      onRemove={feedback.remove}
      renderControls={(item) => (
        <>
          <NativeSelect
            label={`Kind of ${item.text}`}
            value={item.kind}
            onChange={(value) => feedback.patch(item.id, { kind: value as (typeof FEEDBACK_KINDS)[number] })}
          >
            <option value="celebratory">Celebratory</option>
            <option value="critical">Critical</option>
          </NativeSelect>
          <NativeSelect
            label={`Goal of ${item.text}`}
            value={item.goalId ?? ''}
            onChange={(value) => feedback.patch(item.id, { goalId: value || undefined })}
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
  );
}

/** Follow-ups with an owner and an optional due date. */
export function FollowUps({ body, edit }: Omit<StructuredCaptureProps, 'phase'>) {
  const followUps = listEditor(edit, 'followUps');
  return (
    <ItemList
      title="Follow-ups"
      noun="follow-up"
      items={body.followUps}
      onAdd={(text) => followUps.add({ id: newItemId(), text, owner: 'leader', done: false })}
      onRemove={followUps.remove}
      renderControls={(item) => (
        <>
          <NativeSelect
            label={`Owner of ${item.text}`}
            value={item.owner}
            onChange={(value) => followUps.patch(item.id, { owner: value === 'member' ? 'member' : 'leader' })}
          >
            <option value="leader">Owner: leader</option>
            <option value="member">Owner: member</option>
          </NativeSelect>
          <NativeInput
            type="date"
            aria-label={`Due date of ${item.text}`}
            value={item.due ?? ''}
            onValue={(value) => followUps.patch(item.id, { due: value || undefined })}
          />
        </>
      )}
    />
  );
}

/** Goals in the goals phase, issues raised while listening, feedback and follow-ups in the last phase. */
export function StructuredCapture({ phase, body, edit }: StructuredCaptureProps) {
  switch (phase) {
    case 'goals':
      return <Goals body={body} edit={edit} />;
    case 'pullFeedback':
      return <Issues body={body} edit={edit} />;
    case 'pushFeedback':
      return (
        <>
          <Feedback body={body} edit={edit} />
          <FollowUps body={body} edit={edit} />
        </>
      );
  }
}
