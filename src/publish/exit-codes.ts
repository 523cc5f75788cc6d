/**
 * The exit codes of `feedwright build`, as data, so the CLI, the README and
 * the tests all read the same table. Cron and systemd act on these numbers,
 * so they never change meaning once released.
 */
export const EXIT = {
  /** Published cleanly: every source file was used or deliberately held back (draft, scheduled). */
  ok: 0,
  /** Published, but some files were skipped or produced warnings (reported as `path:line: reason`). */
  warnings: 1,
  /** Usage or configuration error: bad flags or an invalid config file. Nothing was written. */
  usage: 2,
  /** Could not publish (for example the out dir is not writable, or `--strict` found warnings). Nothing changed in `out/`. */
  failed: 3,
  /**
   * Another run holds the lock (EX_TEMPFAIL from sysexits.h): a temporary condition,
   * so cron wrappers and systemd can treat it as "try again later" rather than an error.
   */
  locked: 75,
} as const;

/** One of the exit codes in {@link EXIT}. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
