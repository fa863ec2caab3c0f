import { makeStyles } from '@fluentui/react-components';

/** Styles of the save status: the live region read out but not shown. */
export const useSaveStatusStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});
