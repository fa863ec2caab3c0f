import { tokens, type GriffelStyle } from '@fluentui/react-components';

/** A list without bullets whose items stack with `gap` between them. */
export const stackedList = (gap: string): GriffelStyle => ({
  listStyleType: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap,
});

/** A bulleted list of short lines (questions, tips, goals), indented and tightly stacked. */
export const bulletList: GriffelStyle = {
  margin: 0,
  paddingLeft: tokens.spacingHorizontalL,
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalXXS,
};

/** The bordered surface of one entry in a list (an agenda phase, an intro in history). */
export const cardSurface: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalXXS,
  padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  backgroundColor: tokens.colorNeutralBackground1,
};
