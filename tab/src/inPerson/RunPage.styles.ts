import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the in-person run page: one column whose every control is a 44 px touch target. */
export const useRunPageStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '560px',
    minWidth: 0,
    boxSizing: 'border-box',
    overflowWrap: 'anywhere',
    overflowX: 'hidden',
    // Every control the shared panel parts bring (phase tabs, Add, spare minutes…) is a 44 px touch target here.
    '& button, & select, & input:not([type="checkbox"]):not([type="radio"])': { minHeight: '44px' },
  },
  top: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  touch: { minHeight: '44px', minWidth: '44px' },
});
