import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the form that starts an in-person intro, with 44 px touch targets. */
export const useStartInPersonStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  touch: { minHeight: '44px', minWidth: '44px' },
  radio: { minHeight: '44px', alignItems: 'center' },
});
