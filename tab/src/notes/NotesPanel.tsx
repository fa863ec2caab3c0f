import { Button, Switch, Text } from '@fluentui/react-components';
import { useNotesPanelStyles } from './NotesPanel.styles';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Goal } from '../../../src/domain/notes';
import type { PhaseId } from '../../../src/domain/phases';
import { PHASE_TITLES } from '../../../src/domain/phases';
import type { NotesHandle } from './useNotes';
import { SHORTCUTS, useShortcuts } from '../shared/shortcuts';
import { NoteField } from './editors/NoteField';
import { PhaseTabs, tabIds } from './PhaseTabs';
import { SaveStatus } from './SaveStatus';
import { Shielded } from './Shielded';
import { StructuredCapture, type ItemDrafts, type ListKey, type OwnerNames } from './editors/StructuredCapture';

/** Props of the private notes section. */
interface NotesPanelProps {
  readonly notes: NotesHandle;
  /** The leader's phase, undefined before the start; the notes follow it only when the person is not in them. */
  readonly current: PhaseId | undefined;
  readonly role: 'leader' | 'member';
  readonly names: OwnerNames;
  /** Whether "Hide notes" is on; the parent owns it, as it shields other private content too. */
  readonly shielded: boolean;
  readonly onShieldedChange: (on: boolean) => void;
  /** The shield's name: "Hide notes" in a meeting, "Discreet mode" in person, where a tap shows them again. */
  readonly shieldLabel?: string;
  /** Last time's goals (the leader's), to frame this time's feedback in. */
  readonly carriedGoals?: readonly Goal[];
}

function useItemDrafts(): ItemDrafts {
  const [values, setValues] = useState<ItemDrafts['values']>({});
  const set = useCallback((key: ListKey, value: string) => setValues((all) => ({ ...all, [key]: value })), []);
  return { values, set };
}

/**
 * Which phase's notes are open: the person's own choice. A phase change opens the new phase's notes only when the
 * focus is not in the notes' editors, so an editor, its focus and caret never move under someone typing.
 */
function useOpenPhase(current: PhaseId | undefined, root: React.RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState<PhaseId>(current ?? 'goals');
  useEffect(() => {
    if (!current) return;
    const typing = root.current?.contains(root.current.ownerDocument.activeElement) ?? false;
    if (!typing) setOpen(current);
  }, [current, root]);
  return [open, setOpen] as const;
}

/** The person's private notes, one tab per phase: free text and structured capture; a privacy shield blurs them. */
export function NotesPanel(props: NotesPanelProps) {
  const { notes, current, role, names, shielded, onShieldedChange, shieldLabel } = props;
  const styles = useNotesPanelStyles();
  const drafts = useItemDrafts();
  const root = useRef<HTMLElement>(null);
  const idBase = useId();
  const headingId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useOpenPhase(current, panel);
  // Alt+Shift+F opens the current phase's notes and puts the caret in them, once they are on screen (one render on).
  const [caretWanted, setCaretWanted] = useState(false);
  useEffect(() => {
    if (!caretWanted) return;
    setCaretWanted(false);
    panel.current?.querySelector('textarea')?.focus();
  }, [caretWanted]);
  const follow = () => {
    if (current) setOpen(current);
    setCaretWanted(true);
  };
  useShortcuts({ follow });
  // Prep stays once shown: emptying it must not remove the field being typed in.
  const { loading, body } = notes.state;
  const [showPrep, setShowPrep] = useState(false);
  if (body.text.prep && !showPrep) setShowPrep(true);
  const hint =
    role === 'leader' ? 'Only you can see these.' : 'Only you can see these: what you want to raise, what you heard.';
  return (
    <section ref={root} className={styles.root} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Text as="h2" id={headingId} weight="semibold" size={400} className={styles.heading}>
          Your private notes
        </Text>
        <Switch
          label={shieldLabel ?? 'Hide notes'}
          checked={shielded}
          onChange={(_, data) => onShieldedChange(data.checked)}
        />
      </div>
      {shielded && shieldLabel && (
        <Button size="large" appearance="secondary" onClick={() => onShieldedChange(false)}>
          Notes hidden — tap to show
        </Button>
      )}
      <SaveStatus state={notes.state} />
      {current && current !== open && (
        <Button size="small" appearance="secondary" aria-keyshortcuts={SHORTCUTS.follow.keys} onClick={follow}>
          {`Now: ${PHASE_TITLES[current]} — open its notes (Alt+Shift+F)`}
        </Button>
      )}
      <PhaseTabs selected={open} current={current} onSelect={setOpen} idBase={idBase} />
      <Shielded on={shielded} className={styles.body}>
        <div
          ref={panel}
          data-landing="notes"
          role="tabpanel"
          id={tabIds(idBase, open).panel}
          aria-labelledby={tabIds(idBase, open).tab}
          className={styles.body}
        >
          <NoteField key={open} notes={notes} field={open} label={`Notes: ${PHASE_TITLES[open]}`} hint={hint} />
          <StructuredCapture
            phase={open}
            role={role}
            names={names}
            body={body}
            edit={notes.edit}
            drafts={drafts}
            disabled={loading}
            carriedGoals={props.carriedGoals}
          />
        </div>
        {showPrep && <NoteField notes={notes} field="prep" label="Your prep" rows={2} />}
      </Shielded>
    </section>
  );
}
