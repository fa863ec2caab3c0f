import { PHASES, type PhaseId } from './phases';
import { METHOD, type PhaseGuide } from './method';

/** Share of the time each phase gets: 45 minutes → 15 / 20 / 10. */
const WEIGHTS: Readonly<Record<PhaseId, number>> = { goals: 3, pullFeedback: 4, pushFeedback: 2 };
const WEIGHT_TOTAL = 9;

/** One phase of an agenda, with its minutes and guidance. */
export interface AgendaItem extends PhaseGuide {
  readonly phase: PhaseId;
  readonly minutes: number;
}

/** The phased plan for one intro. */
export interface Agenda {
  readonly durationMinutes: number;
  readonly items: readonly [AgendaItem, AgendaItem, AgendaItem];
}

/**
 * Splits a duration into whole minutes per phase that sum exactly to it
 * (largest remainder; ties go to the earlier phase).
 */
export function allocateMinutes(durationMinutes: number): Record<PhaseId, number> {
  const exact = PHASES.map((phase) => (durationMinutes * WEIGHTS[phase]) / WEIGHT_TOTAL);
  const minutes = exact.map(Math.floor);
  let left = durationMinutes - minutes.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    minutes[index] = (minutes[index] ?? 0) + 1;
    left -= 1;
  }
  return { goals: minutes[0] ?? 0, pullFeedback: minutes[1] ?? 0, pushFeedback: minutes[2] ?? 0 };
}

/** Builds the agenda for a duration the caller has already validated. */
export function buildAgenda(durationMinutes: number): Agenda {
  const minutes = allocateMinutes(durationMinutes);
  const item = (phase: PhaseId): AgendaItem => ({ phase, minutes: minutes[phase], ...METHOD[phase] });
  return { durationMinutes, items: [item('goals'), item('pullFeedback'), item('pushFeedback')] };
}
