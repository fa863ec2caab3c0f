import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of a collapsible section: a heading with its toggle above the content. */
export const useCollapsibleStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  toggle: { justifyContent: 'flex-start', paddingLeft: 0, paddingRight: 0, minWidth: 0 },
});
