import { renderSidePanel } from './renderSidePanel';
import { useSidePanel, type SidePanelProps } from './useSidePanel';
import { useSidePanelStyles } from './useSidePanelStyles.styles';

export type { SidePanelProps } from './useSidePanel';

/** The meeting side panel: the intro's agenda, session status and time left, or an offer to set one up. */
export function SidePanel(props: SidePanelProps) {
  const state = useSidePanel(props);
  const styles = useSidePanelStyles();
  return renderSidePanel(state, styles);
}
