import { useEffect } from 'react';
import { prefetchReadyPanel, renderSidePanel } from './renderSidePanel';
import { useSidePanel, type SidePanelProps } from './useSidePanel';
import { useSidePanelStyles } from './useSidePanelStyles.styles';

/** The meeting side panel: the intro's agenda, session status and time left, or an offer to set one up. */
export function SidePanel(props: SidePanelProps) {
  const state = useSidePanel(props);
  const styles = useSidePanelStyles();
  // After the first paint (the agenda), while SSO and the intro load: the running intro's code.
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(prefetchReadyPanel));
    return () => cancelAnimationFrame(frame);
  }, []);
  return renderSidePanel(state, styles);
}
