/**
 * Responsible for how a command-line tool ends: its exit code, and an unexpected error
 * printed as one line on stderr (with `prefix`) instead of an unhandled rejection.
 */
export function runCommand(main: (argv: readonly string[]) => Promise<number>, prefix = ''): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${prefix}${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/**
 * A command's arguments parsed by `parse`, or the exit code once the usage is printed:
 * 0 after --help, 2 after the problems `parse` found (each on stderr, then the usage).
 */
export function argumentsOrExitCode<T>(argv: readonly string[], usage: string, parse: (argv: readonly string[]) => T | string[]): T | number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const parsed = parse(argv);
  if (!Array.isArray(parsed)) return parsed;
  for (const problem of parsed) process.stderr.write(`${problem}\n`);
  process.stderr.write(`\n${usage}\n`);
  return 2;
}
