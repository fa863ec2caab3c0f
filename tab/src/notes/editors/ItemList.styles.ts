import { makeStyles, tokens } from '@fluentui/react-components';
import { stackedList } from '../../shared/styles/fragments';

/** Styles of an editable list of items: each item with its row of actions, and the field that adds one. */
export const useItemListStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  list: stackedList(tokens.spacingVerticalXS),
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    minWidth: 0,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  add: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-end', minWidth: 0 },
  input: { flexGrow: 1, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
});
