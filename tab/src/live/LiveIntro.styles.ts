import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the live intro: its parts in one column. */
export const useLiveIntroStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});
