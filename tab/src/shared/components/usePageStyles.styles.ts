import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles for a full page. */
export const usePageStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '720px',
    boxSizing: 'border-box',
    overflowWrap: 'anywhere',
  },
  heading: { margin: 0 },
});
