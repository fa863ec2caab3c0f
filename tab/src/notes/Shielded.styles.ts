import { makeStyles } from '@fluentui/react-components';

/** Styles of content shielded from onlookers: blurred and not selectable. */
export const useShieldedStyles = makeStyles({
  shielded: { filter: 'blur(6px)', userSelect: 'none' },
});
