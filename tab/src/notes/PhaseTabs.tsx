import { Button, Text } from '@fluentui/react-components';
import { usePhaseTabsStyles } from './PhaseTabs.styles';
import type { KeyboardEvent } from 'react';
import { PHASE_TITLES, PHASES, type PhaseId } from '../../../src/domain/phases';

/** Props of the phase tabs. */
interface PhaseTabsProps {
  readonly selected: PhaseId;
  /** The phase the leader is in, marked "now"; undefined before the start. */
  readonly current: PhaseId | undefined;
  readonly onSelect: (phase: PhaseId) => void;
  /** Id prefix shared with the tab panel. */
  readonly idBase: string;
}

/** The id of a phase's tab and of its panel. */
export const tabIds = (idBase: string, phase: PhaseId) => ({ tab: `${idBase}-tab-${phase}`, panel: `${idBase}-panel` });

/** One tab per phase for the person's own notes; arrow keys move between them, as in any tab list. */
export function PhaseTabs({ selected, current, onSelect, idBase }: PhaseTabsProps) {
  const styles = usePhaseTabsStyles();
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = PHASES[(PHASES.indexOf(selected) + step + PHASES.length) % PHASES.length] ?? selected;
    onSelect(next);
    document.getElementById(tabIds(idBase, next).tab)?.focus();
  };
  return (
    <div role="tablist" aria-label="Your notes by phase" className={styles.list} onKeyDown={onKeyDown}>
      {PHASES.map((phase) => (
        <Button
          key={phase}
          id={tabIds(idBase, phase).tab}
          role="tab"
          size="small"
          appearance={phase === selected ? 'primary' : 'subtle'}
          aria-selected={phase === selected}
          aria-controls={tabIds(idBase, phase).panel}
          tabIndex={phase === selected ? 0 : -1}
          onClick={() => onSelect(phase)}
        >
          {PHASE_TITLES[phase]}
          {/* Named in words ("… now"), not by the tag's colour alone. */}
          {phase === current && ' '}
          {phase === current && (
            <Text size={100} weight="semibold" className={styles.now}>
              now
            </Text>
          )}
        </Button>
      ))}
    </div>
  );
}
