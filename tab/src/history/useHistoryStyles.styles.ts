import { makeStyles, tokens } from '@fluentui/react-components';
import { cardSurface, stackedList } from '../shared/styles/fragments';

/** Styles of the personal tab's history. */
export const useHistoryStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  field: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: '160px',
    flex: '1 1 160px',
  },
  searchBlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  searchRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  search: { flexGrow: 1, flexShrink: 1, minWidth: 0, width: 'auto' },
  keep: { flexShrink: 0, whiteSpace: 'nowrap', minWidth: 'auto' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  groupHeading: { margin: 0 },
  list: stackedList(tokens.spacingVerticalS),
  item: cardSurface,
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    color: tokens.colorNeutralForeground2,
  },
  snippet: { color: tokens.colorNeutralForeground2, margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sectionHeading: { margin: 0 },
  chart: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  chartRow: {
    display: 'grid',
    gridTemplateColumns: 'minmax(90px, 30%) 1fr',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  bar: { height: '10px', borderRadius: tokens.borderRadiusSmall, minWidth: '2px', boxSizing: 'border-box' },
  planned: {
    backgroundColor: tokens.colorNeutralBackground5,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
  },
  actual: {
    backgroundColor: tokens.colorBrandBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
  },
  over: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder2}`,
  },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  swatch: {
    display: 'inline-block',
    width: '12px',
    height: '10px',
    marginRight: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
  },
  table: { width: '100%', maxWidth: '480px' },
  notesText: { whiteSpace: 'pre-wrap', margin: 0 },
  bullets: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  sentinel: { height: '1px' },
  back: { alignSelf: 'flex-start' },
});
