import { Button, Text } from '@fluentui/react-components';
import { usePhaseGuideStyles } from './PhaseGuide.styles';
import { useId, useState } from 'react';
import type { AgendaItem } from '../../../../src/domain/agenda';

/** Props of the phase guide. */
interface PhaseGuideProps {
  readonly item: AgendaItem;
  /** Whether the coaching tips are shown (the leader's view) or only the questions. */
  readonly withTips: boolean;
  /** Names the phase in the heading, where several guides are shown together. */
  readonly named?: boolean;
}

/** The phase's questions and, collapsible, the method's coaching tips. */
export function PhaseGuide({ item, withTips, named = false }: PhaseGuideProps) {
  const styles = usePhaseGuideStyles();
  const [open, setOpen] = useState(false);
  const tipsId = useId();
  return (
    <section className={styles.root} aria-label={`Guide: ${item.title}`}>
      <Text weight="semibold">{named ? `${item.title}: questions to pick from` : 'Questions to pick from'}</Text>
      <ul className={styles.list}>
        {item.prompts.map((prompt) => (
          <li key={prompt}>
            <Text size={200}>{prompt}</Text>
          </li>
        ))}
      </ul>
      {withTips && (
        <>
          <Button
            appearance="subtle"
            size="small"
            className={styles.toggle}
            aria-expanded={open}
            aria-controls={tipsId}
            onClick={() => setOpen((value) => !value)}
          >
            {open ? 'Hide coaching tips' : 'Show coaching tips'}
          </Button>
          {open && (
            <ul id={tipsId} className={styles.list} aria-label="Coaching tips">
              {item.tips.map((tip) => (
                <li key={tip}>
                  <Text size={200}>{tip}</Text>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
