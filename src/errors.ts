/** Wrong usage or unusable input: the CLI prints the message and exits 1 (CONTRACT.md). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
