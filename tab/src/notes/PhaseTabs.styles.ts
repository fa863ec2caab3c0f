import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the phase tabs: a wrapping row with the current phase marked. */
export const usePhaseTabsStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  now: {
    marginLeft: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    textTransform: 'uppercase',
  },
});
