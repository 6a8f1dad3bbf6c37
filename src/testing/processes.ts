/** Responsible for the process checks several process-tier tests share. */

/** True while a process with this pid exists (signal 0 only checks, it delivers nothing). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
