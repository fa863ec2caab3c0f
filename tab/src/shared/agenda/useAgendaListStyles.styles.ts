import { makeStyles, tokens } from '@fluentui/react-components';
import { cardSurface, stackedList } from '../styles/fragments';

/** Styles for the agenda list. */
export const useAgendaListStyles = makeStyles({
  list: stackedList(tokens.spacingVerticalS),
  item: { ...cardSurface, minWidth: 0 },
  current: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  heading: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  meta: { display: 'inline-flex', alignItems: 'baseline', gap: tokens.spacingHorizontalXS },
  now: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    textTransform: 'uppercase',
  },
  purpose: {
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  overrun: {
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
    textDecorationLine: 'underline',
  },
});
