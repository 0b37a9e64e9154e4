/**
 * `--data-dir DIR` or `--data-dir=DIR` from Electron's argv. Chromium switches share that argv,
 * so this looks for the one option Shuttle knows and ignores everything else.
 */
export function dataDirArgument(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || undefined;
    if (arg === '--data-dir') return argv[index + 1];
  }
  return undefined;
}
