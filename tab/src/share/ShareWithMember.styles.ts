import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the send-to-member block: one column that fits a 320 px panel. */
export const useShareStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  choices: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  action: { alignSelf: 'flex-start', maxWidth: '100%' },
});
