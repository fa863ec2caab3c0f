import { makeStyles, tokens } from '@fluentui/react-components';
import { bulletList } from '../styles/fragments';

/** Styles of the member's guide to a phase: a column with a bulleted list. */
export const useMemberGuideStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  list: bulletList,
});
