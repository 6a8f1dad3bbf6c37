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
