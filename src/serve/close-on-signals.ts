/** The signals that mean "stop": Ctrl+C in a terminal, and `kill` / service managers. */
export const SHUTDOWN_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Calls `close` once when SIGINT or SIGTERM arrives, then exits with 0
 * (or 1 if closing failed). A second signal exits at once, for a user who
 * presses Ctrl+C twice. Returns a function that removes the handlers.
 */
export function closeOnSignals(close: () => Promise<void>, log: (line: string) => void = () => {}): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    log(`Received ${signal}, shutting down.`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`Shutdown was not clean: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SHUTDOWN_SIGNALS) process.off(signal, handler);
  };
}
