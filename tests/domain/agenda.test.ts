import { allocateMinutes, buildAgenda } from '../../src/domain/agenda';
import { PHASES } from '../../src/domain/phases';

describe('allocateMinutes', () => {
  it.each([
    [30, 10, 13, 7],
    [31, 10, 14, 7],
    [45, 15, 20, 10],
    [59, 20, 26, 13],
    [60, 20, 27, 13],
  ])('splits %i minutes into %i / %i / %i', (duration, goals, pull, push) => {
    expect(allocateMinutes(duration)).toEqual({ goals, pullFeedback: pull, pushFeedback: push });
  });

  it('sums exactly to every duration from 30 to 60, with pull feedback the longest phase', () => {
    for (let duration = 30; duration <= 60; duration++) {
      const minutes = allocateMinutes(duration);
      expect(minutes.goals + minutes.pullFeedback + minutes.pushFeedback).toBe(duration);
      expect(minutes.pullFeedback).toBeGreaterThan(minutes.goals);
      expect(minutes.goals).toBeGreaterThan(minutes.pushFeedback);
    }
  });
});

describe('buildAgenda', () => {
  it('lists the three phases in the method order with prompts and tips', () => {
    const agenda = buildAgenda(45);
    expect(agenda.items.map((item) => item.phase)).toEqual([...PHASES]);
    expect(agenda.items.map((item) => item.minutes)).toEqual([15, 20, 10]);
    for (const item of agenda.items) {
      expect(item.prompts.length).toBeGreaterThan(0);
      expect(item.tips.length).toBeGreaterThan(0);
    }
  });

  it('coaches the leader to listen and paraphrase while pulling feedback', () => {
    const tips = buildAgenda(45).items[1].tips.join(' ').toLowerCase();
    expect(tips).toContain('paraphrase');
    expect(tips).toContain('listen');
    expect(tips).toContain('defend');
  });
});
