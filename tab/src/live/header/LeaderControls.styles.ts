import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the leader's controls: a wrapping row, compact in a panel and 44 px on a phone. */
export const useLeaderControlsStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  // In a 320 px panel the three buttons, Share and End share one row: no button is wider than its word.
  compact: { minWidth: 'auto' },
  // Touch targets of at least 44 px on a phone; the buttons share the row so none scrolls sideways.
  touch: { minHeight: '44px', minWidth: '44px', flexGrow: 1 },
});
