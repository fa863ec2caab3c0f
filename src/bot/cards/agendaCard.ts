import type { Agenda, AgendaItem } from '../../domain/agenda';
import { CLOSING, METHOD_SUMMARY, OPENING } from '../../domain/method';
import { PHASE_TITLES } from '../../domain/phases';
import { adaptiveCard, bullets, commandButton, heading, text, type AdaptiveCard, type CardElement } from './card';

/** The heading of one phase, e.g. "1. Goals — 15 min". */
export function phaseHeading(item: AgendaItem, index: number): string {
  return `${index + 1}. ${PHASE_TITLES[item.phase]} — ${item.minutes} min`;
}

function phaseSection(item: AgendaItem, index: number): CardElement {
  const tipsId = `tips-${item.phase}`;
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      heading(phaseHeading(item, index)),
      text(item.purpose, { isSubtle: true, spacing: 'None' }),
      text('Questions to pick from', { weight: 'Bolder' }),
      bullets(item.prompts, { spacing: 'None' }),
      {
        type: 'ActionSet',
        actions: [{ type: 'Action.ToggleVisibility', title: 'Show or hide tips', targetElements: [tipsId] }],
      },
      { type: 'Container', id: tipsId, isVisible: false, items: [bullets(item.tips)] },
    ],
  };
}

/** The agenda card: opening lines, the three phases with their minutes, prompts and collapsible tips. */
export function agendaCard(agenda: Agenda): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`Your intro 1:1 — ${agenda.durationMinutes} minutes`, 'Large'),
      text(METHOD_SUMMARY, { isSubtle: true }),
      text('Opening', { weight: 'Bolder' }),
      bullets(OPENING, { spacing: 'None' }),
      ...agenda.items.map(phaseSection),
      { type: 'Container', separator: true, items: [text('After', { weight: 'Bolder' }), bullets(CLOSING)] },
    ],
    [commandButton('Agenda for 30 minutes', 'agenda 30'), commandButton('Help', 'help')],
  );
}
