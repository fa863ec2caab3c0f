import { renderPanelHeader } from './renderPanelHeader';
import { usePanelHeader, type PanelHeaderProps } from './usePanelHeader';
import { usePanelHeaderStyles } from './usePanelHeaderStyles.styles';

/** The compact header that stays in view: phase, time, and the leader's controls, at most a third of the panel. */
export function PanelHeader(props: PanelHeaderProps) {
  const state = usePanelHeader(props);
  const styles = usePanelHeaderStyles();
  return renderPanelHeader(state, styles);
}
