import { makeStyles, Switch, Text, tokens } from '@fluentui/react-components';
import { useCallback, useRef, useState } from 'react';
import type { PhaseId } from '../../../../src/domain/phases';
import { PHASE_TITLES } from '../../../../src/domain/phases';
import type { NotesHandle } from '../../hooks/useNotes';
import { NoteField } from './NoteField';
import { SaveStatus } from './SaveStatus';
import { Shielded } from './Shielded';
import { FollowUps, StructuredCapture, type ItemDrafts, type ListKey } from './StructuredCapture';

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
});

/** Props of the private notes section. */
export interface NotesPanelProps {
  readonly notes: NotesHandle;
  readonly phase: PhaseId;
  readonly role: 'leader' | 'member';
  /** Whether "Hide notes" is on; the parent owns it, as it shields other private content too. */
  readonly shielded: boolean;
  readonly onShieldedChange: (on: boolean) => void;
}

function useItemDrafts(): ItemDrafts {
  const [values, setValues] = useState<ItemDrafts['values']>({});
  const set = useCallback((key: ListKey, value: string) => setValues((all) => ({ ...all, [key]: value })), []);
  return { values, set };
}

/** The person's private notes for a phase: prep, free text, structured capture; a privacy shield blurs them. */
export function NotesPanel({ notes, phase, role, shielded, onShieldedChange }: NotesPanelProps) {
  const styles = useStyles();
  const drafts = useItemDrafts();
  const focusHandoff = useRef(false);
  // Prep stays once shown: emptying it must not remove the field being typed in.
  const { loading, body } = notes.state;
  const prep = body.text.prep;
  const [showPrep, setShowPrep] = useState(false);
  if (prep && !showPrep) setShowPrep(true);
  const hint =
    role === 'leader' ? 'Only you can see these.' : 'Only you can see these: what you want to raise, what you heard.';
  return (
    <section className={styles.root} aria-label="Your private notes">
      <div className={styles.header}>
        <Text weight="semibold">Your private notes</Text>
        <Switch label="Hide notes" checked={shielded} onChange={(_, data) => onShieldedChange(data.checked)} />
      </div>
      <SaveStatus state={notes.state} />
      <Shielded on={shielded} className={styles.body}>
        {showPrep && <NoteField notes={notes} field="prep" label="Your prep" rows={2} />}
        <NoteField
          key={phase}
          notes={notes}
          field={phase}
          label={`Notes: ${PHASE_TITLES[phase]}`}
          hint={hint}
          focusHandoff={focusHandoff}
        />
        {role === 'leader' ? (
          <StructuredCapture phase={phase} body={body} edit={notes.edit} drafts={drafts} disabled={loading} />
        ) : (
          <FollowUps body={body} edit={notes.edit} drafts={drafts} disabled={loading} />
        )}
      </Shielded>
    </section>
  );
}
