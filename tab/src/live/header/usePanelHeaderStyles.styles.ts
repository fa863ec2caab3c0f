import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

/** Styles for the panel's sticky header. */
export const usePanelHeaderStyles = makeStyles({
  root: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  // In person the header is the phone's whole top: roomier, and the time reads from across a table.
  inPerson: { gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  who: { minWidth: 0, flexShrink: 1 },
  // Timer controls, Share and End on one row; End's confirmation replaces the row rather than growing the header.
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  compact: { minWidth: 'auto' },
  touch: { minHeight: '44px', minWidth: '44px' },
  confirm: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusDangerBorder1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dangerButton: {
    color: tokens.colorStatusDangerForeground1,
    ...shorthands.borderColor(tokens.colorStatusDangerBorder1),
  },
  // The spare-minutes offer: one line, inside the header's room.
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  barText: { flexGrow: 1, minWidth: 0 },
  cue: { color: tokens.colorNeutralForeground2 },
  time: { fontVariantNumeric: 'tabular-nums' },
  status: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid`,
  },
  notStarted: { color: tokens.colorNeutralForeground2, ...shorthands.borderColor(tokens.colorNeutralStroke1) },
  running: {
    color: tokens.colorStatusSuccessForeground1,
    backgroundColor: tokens.colorStatusSuccessBackground1,
    ...shorthands.borderColor(tokens.colorStatusSuccessBorder1),
  },
  paused: {
    color: tokens.colorStatusWarningForeground1,
    backgroundColor: tokens.colorStatusWarningBackground1,
    ...shorthands.borderColor(tokens.colorStatusWarningBorder1),
  },
  ended: { color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  warning: { color: tokens.colorStatusWarningForeground3 },
  // Overrun is also underlined: high contrast maps the status colours to plain text, so colour cannot carry it there.
  danger: {
    color: tokens.colorStatusDangerForeground3,
    textDecorationLine: 'underline',
    textDecorationThickness: tokens.strokeWidthThick,
    textUnderlineOffset: '3px',
  },
});
