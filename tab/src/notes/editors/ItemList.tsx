import { Button, Text } from '@fluentui/react-components';
import { useItemListStyles } from './ItemList.styles';
import { useState, type ReactNode } from 'react';
import { MAX_ITEM_CHARS } from '../../../../src/domain/notes';
import { LabelledField } from './LabelledField';
import { NativeInput } from './NativeInput';

/** Props of a list of structured items. */
interface ItemListProps<T extends { id: string; text: string }> {
  /** The plural heading, e.g. "Goals". */
  readonly title: string;
  /** What one item is called, e.g. "goal". */
  readonly noun: string;
  readonly items: readonly T[];
  readonly onAdd: (text: string) => void;
  readonly onRemove: (id: string) => void;
  /** The controls shown under each item's text. */
  readonly renderControls: (item: T) => ReactNode;
  /** The typed-but-not-added text, when a parent keeps it (so it survives this list being swapped out). */
  readonly draft?: string;
  readonly onDraftChange?: (draft: string) => void;
  /** True while the saved notes are loading: nothing can be added yet. */
  readonly disabled?: boolean;
  /** Choices made before adding (e.g. feedback's kind and goal), shown under the new item's input. */
  readonly addControls?: ReactNode;
  /** False until those choices are made. @default true */
  readonly canAdd?: boolean;
}

/** A titled list of structured items with an input to add one and a Remove button per item. */
export function ItemList<T extends { id: string; text: string }>(props: ItemListProps<T>) {
  const styles = useItemListStyles();
  const [ownDraft, setOwnDraft] = useState('');
  const draft = props.draft ?? ownDraft;
  const setDraft = props.onDraftChange ?? setOwnDraft;
  const add = () => {
    if (props.disabled || props.canAdd === false || !draft.trim()) return;
    props.onAdd(draft.trim());
    setDraft('');
  };
  return (
    <section className={styles.root} aria-label={props.title}>
      <Text as="h3" weight="semibold" className={styles.heading}>
        {props.title}
      </Text>
      {props.items.length > 0 && (
        <ul className={styles.list}>
          {props.items.map((item) => (
            <li key={item.id} className={styles.item}>
              <Text size={200}>{item.text}</Text>
              <div className={styles.row}>
                {props.renderControls(item)}
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => props.onRemove(item.id)}
                  aria-label={`Remove ${props.noun}: ${item.text}`}
                >
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {props.addControls}
      <div className={styles.add}>
        <LabelledField label={`New ${props.noun}`} className={styles.input} size="small">
          {(wiring) => (
            <NativeInput
              {...wiring}
              value={draft}
              maxLength={MAX_ITEM_CHARS}
              disabled={props.disabled}
              onValue={setDraft}
              onKeyDown={(event) => event.key === 'Enter' && add()}
            />
          )}
        </LabelledField>
        <Button
          size="small"
          onClick={add}
          disabled={props.disabled || props.canAdd === false || !draft.trim()}
          aria-label={`Add ${props.noun}`}
        >
          Add
        </Button>
      </div>
    </section>
  );
}
