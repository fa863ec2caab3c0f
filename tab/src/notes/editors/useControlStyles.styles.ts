import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

/** Token styles that make a native input or select look like Fluent's small controls in every Teams theme. */
export const useControlStyles = makeStyles({
  control: {
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
    height: '24px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    colorScheme: 'inherit',
    ':hover': { ...shorthands.borderColor(tokens.colorNeutralStroke1Hover) },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '1px',
    },
    '::placeholder': { color: tokens.colorNeutralForeground4 },
  },
  select: { cursor: 'pointer', paddingRight: 0 },
});
