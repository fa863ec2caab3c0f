import {
  addSample,
  bestRecent,
  OFFSET_WINDOW,
  sampleOffset,
  type OffsetSample,
} from '../../../tab/src/live/session/clockOffset';

const feed = (samples: readonly OffsetSample[], size = OFFSET_WINDOW): readonly OffsetSample[] =>
  samples.reduce<readonly OffsetSample[]>((recent, next) => addSample(recent, next, size), []);

describe('clock offset over a sliding window', () => {
  it('has no estimate before the first sample', () => {
    expect(bestRecent([])).toBeUndefined();
  });

  it('picks the most precise of the recent samples', () => {
    const recent = feed([
      { offsetMs: 400, rttMs: 600 },
      { offsetMs: 100, rttMs: 20 },
      { offsetMs: 250, rttMs: 300 },
    ]);
    expect(bestRecent(recent)).toEqual({ offsetMs: 100, rttMs: 20 });
  });

  it('keeps only the latest samples', () => {
    const recent = feed(Array.from({ length: OFFSET_WINDOW + 5 }, (_, index) => ({ offsetMs: index, rttMs: 50 })));
    expect(recent).toHaveLength(OFFSET_WINDOW);
    expect(recent[0]).toEqual({ offsetMs: 5, rttMs: 50 });
    expect(recent.at(-1)).toEqual({ offsetMs: OFFSET_WINDOW + 4, rttMs: 50 });
  });

  it('follows a step of the client clock once the precise old sample leaves the window', () => {
    // A very precise sample, then the client's clock jumps 90 s ahead: every later sample says so, less precisely.
    const precise = sampleOffset(10_000, 9_995, 10_005);
    let recent = addSample([], precise);
    const afterStep = () => sampleOffset(20_000, 20_000 + 90_000 - 40, 20_000 + 90_000 + 40);
    for (let poll = 1; poll < OFFSET_WINDOW; poll += 1) recent = addSample(recent, afterStep());
    expect(bestRecent(recent)?.offsetMs).toBe(0); // still inside the window
    recent = addSample(recent, afterStep());
    expect(bestRecent(recent)?.offsetMs).toBe(-90_000);
  });

  it('prefers the newer sample when two are equally precise', () => {
    const recent = feed([
      { offsetMs: 1, rttMs: 30 },
      { offsetMs: 2, rttMs: 30 },
    ]);
    expect(bestRecent(recent)?.offsetMs).toBe(2);
  });

  it('never keeps fewer than one sample', () => {
    expect(addSample([{ offsetMs: 1, rttMs: 1 }], { offsetMs: 2, rttMs: 9 }, 0)).toEqual([{ offsetMs: 2, rttMs: 9 }]);
  });
});
