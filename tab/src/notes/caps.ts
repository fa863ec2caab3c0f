import { MAX_ITEM_CHARS, MAX_ITEMS, MAX_TEXT_CHARS, type NoteText, type NotesBody } from '../../../src/domain/notes';
import { PHASE_TITLES } from '../../../src/domain/phases';

/** Why a body cannot be saved, naming the field as the API does. */
interface CapError {
  readonly field: string;
  readonly message: string;
}

const TEXT_NAMES: Readonly<Record<keyof NoteText, string>> = { prep: 'Prep notes', ...PHASE_TITLES };

/** Checks the caps the API enforces (the domain's constants) with plain length checks, so zod stays out of the tab. */
export function checkCaps(body: NotesBody): CapError | undefined {
  for (const key of Object.keys(body.text) as (keyof NoteText)[]) {
    const length = body.text[key].length;
    if (length > MAX_TEXT_CHARS) {
      return {
        field: `text.${key}`,
        message: `${TEXT_NAMES[key]} notes are ${length.toLocaleString('en')} characters; the most is ${MAX_TEXT_CHARS.toLocaleString('en')}. Shorten them to save.`,
      };
    }
  }
  const items = [...body.goals, ...body.issues, ...body.feedback, ...body.followUps];
  if (items.length > MAX_ITEMS) {
    return {
      field: 'items',
      message: `You have ${items.length} items; the most is ${MAX_ITEMS}. Remove some to save.`,
    };
  }
  const long = items.find((item) => item.text.length > MAX_ITEM_CHARS);
  if (long)
    return { field: 'items', message: `An item is longer than ${MAX_ITEM_CHARS} characters. Shorten it to save.` };
  return undefined;
}
