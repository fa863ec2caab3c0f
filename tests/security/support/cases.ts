/** Counts the cases one security suite ran and prints the count when the suite ends, so the CI log shows it. */
export interface CaseCounter {
  /** Call once per case, after its assertions passed. */
  bump(): void;
  readonly count: number;
}

/**
 * A counter for `suite`, with an `afterAll` that writes `security: <suite> <n> cases`. Call at the top of a test
 * file (it registers the hook).
 */
export function countCases(suite: string): CaseCounter {
  let count = 0;
  afterAll(() => {
    process.stdout.write(`security: ${suite} ${count} cases\n`);
  });
  return {
    bump: () => {
      count += 1;
    },
    get count() {
      return count;
    },
  };
}
