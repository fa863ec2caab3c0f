import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of a labelled field: the field, its hint and its error in one column. */
export const useLabelledFieldStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});
