import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Styles of the confirm dialog's danger action.
 * What cannot be undone is said in the danger colour too, not only in words (high contrast maps it to its own colours).
 */
export const useConfirmDialogStyles = makeStyles({
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': {
      backgroundColor: tokens.colorStatusDangerBackground3Hover,
      color: tokens.colorNeutralForegroundOnBrand,
    },
    ':hover:active': {
      backgroundColor: tokens.colorStatusDangerBackground3Pressed,
      color: tokens.colorNeutralForegroundOnBrand,
    },
  },
});
