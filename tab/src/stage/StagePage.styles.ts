import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the meeting stage: a large clock with its warning and danger colours. */
export const useStagePageStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
    maxWidth: '960px',
    boxSizing: 'border-box',
  },
  heading: { margin: 0 },
  timer: { fontVariantNumeric: 'tabular-nums', fontSize: tokens.fontSizeHero1000, lineHeight: 1.1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  danger: { color: tokens.colorStatusDangerForeground3, textDecorationLine: 'underline' },
});
