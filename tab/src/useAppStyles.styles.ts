import { makeStyles } from '@fluentui/react-components';

/** Styles for the tab's root. */
export const useAppStyles = makeStyles({
  provider: { minHeight: '100vh', boxSizing: 'border-box' },
});
