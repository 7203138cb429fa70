/**
 * Every problem found while loading a lexicon folder, each as
 * `file:line: entry <id>: <what is wrong> — <how to fix>`, so a researcher can fix them all in one go.
 */
export class LexiconError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`lexicon folder has ${problems.length} problem(s):\n${problems.join('\n')}`);
    this.name = 'LexiconError';
    this.problems = problems;
  }
}
