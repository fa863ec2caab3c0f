import { Textarea } from '@fluentui/react-components';
import { MAX_TEXT_CHARS, type NoteText } from '../../../../src/domain/notes';
import type { NotesHandle } from '../../hooks/useNotes';
import { LabelledField } from './LabelledField';

/** Props of one free-text note. */
export interface NoteFieldProps {
  readonly notes: NotesHandle;
  readonly field: keyof NoteText;
  readonly label: string;
  readonly hint?: string;
  readonly rows?: number;
}

/** A free-text note that autosaves; over its cap it says so and is not sent. */
export function NoteField({ notes, field, label, hint, rows = 4 }: NoteFieldProps) {
  const value = notes.state.body.text[field];
  const over = value.length > MAX_TEXT_CHARS;
  return (
    <LabelledField
      label={label}
      hint={hint}
      error={
        over
          ? `${value.length.toLocaleString('en')} of ${MAX_TEXT_CHARS.toLocaleString('en')} characters: shorten to save.`
          : undefined
      }
    >
      {(wiring) => (
        <Textarea
          {...wiring}
          resize="vertical"
          rows={rows}
          value={value}
          disabled={notes.state.status === 'loading'}
          onChange={(_, data) => notes.edit((body) => ({ ...body, text: { ...body.text, [field]: data.value } }))}
        />
      )}
    </LabelledField>
  );
}
