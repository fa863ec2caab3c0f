import { Textarea } from '@fluentui/react-components';
import { MAX_TEXT_CHARS, type NoteText } from '../../../../src/domain/notes';
import type { NotesHandle } from '../useNotes';
import { LabelledField } from './LabelledField';

/** Said once when a note goes over its cap; the live count is in the field's hint, which is not announced. */
const TOO_LONG_MESSAGE = `Too long to save — shorten it to ${MAX_TEXT_CHARS.toLocaleString('en')} characters`;

/** Props of one free-text note. */
interface NoteFieldProps {
  readonly notes: NotesHandle;
  readonly field: keyof NoteText;
  readonly label: string;
  readonly hint?: string;
  readonly rows?: number;
}

/** A free-text note that autosaves; over its cap it says so once and is not sent. */
export function NoteField({ notes, field, label, hint, rows = 4 }: NoteFieldProps) {
  const value = notes.state.body.text[field];
  const over = value.length > MAX_TEXT_CHARS;
  const count = `${value.length.toLocaleString('en')} of ${MAX_TEXT_CHARS.toLocaleString('en')} characters.`;
  return (
    <LabelledField
      label={label}
      hint={over ? [count, hint].filter(Boolean).join(' ') : hint}
      error={over ? TOO_LONG_MESSAGE : undefined}
    >
      {(wiring) => (
        <Textarea
          {...wiring}
          resize="vertical"
          rows={rows}
          value={value}
          disabled={notes.state.loading}
          onChange={(_, data) => notes.edit((body) => ({ ...body, text: { ...body.text, [field]: data.value } }))}
        />
      )}
    </LabelledField>
  );
}
