import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the Feedback phase's capture: the person's goals beside the feedback, and the kind to choose. */
export const useFeedbackCaptureStyles = makeStyles({
  goals: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  hint: { color: tokens.colorNeutralForeground2 },
  goalList: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0 },
  goalItem: { listStyleType: 'none', minWidth: 0 },
  goal: { maxWidth: '100%', textAlign: 'start', justifyContent: 'flex-start' },
  kind: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    border: 'none',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  legend: { float: 'left', padding: 0, marginRight: tokens.spacingHorizontalS },
  radio: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, cursor: 'pointer' },
  input: { accentColor: tokens.colorCompoundBrandBackground, margin: 0 },
});
