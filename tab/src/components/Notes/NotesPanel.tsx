import { makeStyles, mergeClasses, Switch, Text, tokens } from '@fluentui/react-components';
import type { PhaseId } from '../../../../src/domain/phases';
import { PHASE_TITLES } from '../../../../src/domain/phases';
import type { NotesHandle } from '../../hooks/useNotes';
import { usePrivacyShield } from '../../hooks/usePrivacyShield';
import { NoteField } from './NoteField';
import { SaveStatus } from './SaveStatus';
import { FollowUps, StructuredCapture } from './StructuredCapture';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  shielded: { filter: 'blur(6px)', userSelect: 'none' },
});

/** Props of the private notes section. */
export interface NotesPanelProps {
  readonly notes: NotesHandle;
  readonly phase: PhaseId;
  readonly role: 'leader' | 'member';
  /** Key for remembering the privacy shield per person. */
  readonly personKey: string;
}

/** The person's private notes for a phase: prep, free text, structured capture; a privacy shield blurs them. */
export function NotesPanel({ notes, phase, role, personKey }: NotesPanelProps) {
  const styles = useStyles();
  const [shielded, setShielded] = usePrivacyShield(personKey);
  const hint =
    role === 'leader' ? 'Only you can see these.' : 'Only you can see these: what you want to raise, what you heard.';
  return (
    <section className={styles.root} aria-label="Your private notes">
      <div className={styles.header}>
        <Text weight="semibold">Your private notes</Text>
        <Switch label="Hide notes" checked={shielded} onChange={(_, data) => setShielded(data.checked)} />
      </div>
      <SaveStatus state={notes.state} />
      <div className={mergeClasses(styles.body, shielded && styles.shielded)} aria-hidden={shielded} inert={shielded}>
        {notes.state.body.text.prep && <NoteField notes={notes} field="prep" label="Your prep" rows={2} />}
        <NoteField notes={notes} field={phase} label={`Notes: ${PHASE_TITLES[phase]}`} hint={hint} />
        {role === 'leader' ? (
          <StructuredCapture phase={phase} body={notes.state.body} edit={notes.edit} />
        ) : (
          <FollowUps body={notes.state.body} edit={notes.edit} />
        )}
      </div>
    </section>
  );
}
