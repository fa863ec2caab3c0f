import { Text } from '@fluentui/react-components';
import { useMemberGuideStyles } from './MemberGuide.styles';
import { MEMBER_GUIDE } from '../../../../src/domain/method';
import { PHASE_TITLES, type PhaseId } from '../../../../src/domain/phases';

/** The member's side of a phase, in their words: what it is for them and what they might bring or ask. */
export function MemberGuide({ phase }: { readonly phase: PhaseId }) {
  const styles = useMemberGuideStyles();
  const guide = MEMBER_GUIDE[phase];
  return (
    <div className={styles.root}>
      <Text weight="semibold">{`${PHASE_TITLES[phase]}: ${guide.purpose}`}</Text>
      <ul className={styles.list} aria-label={`Ideas for ${PHASE_TITLES[phase]}`}>
        {guide.prompts.map((prompt) => (
          <li key={prompt}>
            <Text size={200}>{prompt}</Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
