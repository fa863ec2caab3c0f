import { Switch } from '@fluentui/react-components';
import { HORIZONS, type Goal, type NotesBody } from '../../../../src/domain/notes';
import type { PhaseId } from '../../../../src/domain/phases';
import { newItemId } from '../statusText';
import { FeedbackCapture } from './FeedbackCapture';
import { ItemList } from './ItemList';
import { NativeInput } from './NativeInput';
import { NativeSelect } from './NativeSelect';

type Edit = (update: (body: NotesBody) => NotesBody) => void;

/** The structured lists of a person's notes. */
export type ListKey = 'goals' | 'issues' | 'feedback' | 'followUps';

/** Typed-but-not-added text per list, kept above the phase switch so a phase change does not lose it. */
export interface ItemDrafts {
  readonly values: Readonly<Partial<Record<ListKey, string>>>;
  readonly set: (key: ListKey, value: string) => void;
}

/** The two people's names, so owners read as names. */
export interface OwnerNames {
  readonly leader: string;
  readonly member: string;
}

/** Props of the structured capture for one phase. */
interface StructuredCaptureProps {
  readonly phase: PhaseId;
  readonly role: 'leader' | 'member';
  readonly names: OwnerNames;
  readonly body: NotesBody;
  readonly edit: Edit;
  readonly drafts?: ItemDrafts;
  /** True while the saved notes are loading. */
  readonly disabled?: boolean;
  /** Last time's goals, which feedback may be framed in too. */
  readonly carriedGoals?: readonly Goal[];
}

function draftOf(drafts: ItemDrafts | undefined, key: ListKey) {
  return drafts ? { draft: drafts.values[key] ?? '', onDraftChange: (value: string) => drafts.set(key, value) } : {};
}

/** What every list takes from the capture's props: its draft and whether it can be used yet. */
function listProps({ drafts, disabled }: Pick<StructuredCaptureProps, 'drafts' | 'disabled'>, key: ListKey) {
  return { ...draftOf(drafts, key), disabled };
}

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

type ListProps = Omit<StructuredCaptureProps, 'phase'>;

function Goals({ body, edit, role, ...rest }: ListProps) {
  const goals = listEditor(edit, 'goals');
  return (
    <ItemList
      {...listProps(rest, 'goals')}
      title={role === 'leader' ? 'Their goals' : 'Your goals'}
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

function Issues({ body, edit, ...rest }: ListProps) {
  const issues = listEditor(edit, 'issues');
  return (
    <ItemList
      {...listProps(rest, 'issues')}
      title="Issues raised"
      noun="issue"
      items={body.issues}
      onAdd={(text) => issues.add({ id: newItemId(), text, paraphrased: false })}
      onRemove={issues.remove}
      renderControls={(item) => (
        <Switch
          label="Paraphrased and confirmed"
          aria-label={`Paraphrased and confirmed: ${item.text}`}
          checked={item.paraphrased}
          onChange={(_, data) => issues.patch(item.id, { paraphrased: data.checked })}
        />
      )}
    />
  );
}

/** Follow-ups with an owner and an optional due date. */
function FollowUps({ body, edit, names, ...rest }: ListProps) {
  const followUps = listEditor(edit, 'followUps');
  return (
    <ItemList
      {...listProps(rest, 'followUps')}
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
            <option value="leader">{`Owner: ${names.leader}`}</option>
            <option value="member">{`Owner: ${names.member}`}</option>
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

/** Goals in the goals phase, issues raised while listening, feedback and follow-ups in the last phase; the member
 * keeps their own goals and follow-ups. */
export function StructuredCapture({ phase, ...props }: StructuredCaptureProps) {
  switch (phase) {
    case 'goals':
      return <Goals {...props} />;
    case 'pullFeedback':
      return props.role === 'leader' ? <Issues {...props} /> : null;
    case 'pushFeedback':
      return (
        <>
          {props.role === 'leader' && (
            <FeedbackCapture
              {...listProps(props, 'feedback')}
              body={props.body}
              edit={props.edit}
              carriedGoals={props.carriedGoals ?? []}
            />
          )}
          <FollowUps {...props} />
        </>
      );
  }
}
