/** The signals that mean "stop": Ctrl+C in a terminal, and `kill` / service managers. */
export const SHUTDOWN_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** The part of `process` closeOnSignals uses; tests pass a stand-in. */
export interface SignalTarget {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
}

/**
 * Calls `close` once when SIGINT or SIGTERM arrives, then exits with 0
 * (or 1 if closing failed). A second signal exits at once with 130, for a
 * user who presses Ctrl+C twice. Returns a function that removes the handlers.
 */
export function closeOnSignals(close: () => Promise<void>, log: (line: string) => void = () => {}, target: SignalTarget = process): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      target.exit(130);
      return;
    }
    stopping = true;
    log(`Received ${signal}, shutting down.`);
    close().then(
      () => target.exit(0),
      (error: unknown) => {
        log(`Shutdown was not clean: ${error instanceof Error ? error.message : String(error)}`);
        target.exit(1);
      },
    );
  };
  for (const signal of SHUTDOWN_SIGNALS) target.on(signal, handler);
  return () => {
    for (const signal of SHUTDOWN_SIGNALS) target.off(signal, handler);
  };
}
