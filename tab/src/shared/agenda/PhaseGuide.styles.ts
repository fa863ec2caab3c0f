import { makeStyles, tokens } from '@fluentui/react-components';
import { bulletList } from '../styles/fragments';

/** Styles of a phase's guide: a column with a bulleted list and its tips toggle. */
export const usePhaseGuideStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  list: bulletList,
  toggle: { alignSelf: 'flex-start' },
});
