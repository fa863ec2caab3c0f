import { makeStyles, tokens } from '@fluentui/react-components';
import { bulletList } from '../shared/styles/fragments';

/** Styles of what shows before the start: the opening list and the length picker. */
export const useBeforeStartStyles = makeStyles({
  list: bulletList,
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
});
