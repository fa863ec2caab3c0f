import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles for the hand-over of the lead: a compact row that wraps at 280 px. */
export const useRoleSwitchStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});
