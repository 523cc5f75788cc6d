import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { closeOnSignals, type SignalTarget } from "../../src/serve/close-on-signals.js";
import { startServer } from "../../src/serve/start-server.js";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

function fakeProcess(): SignalTarget & { emit(signal: string, value: string): boolean; exits: number[]; listenerCount(s: string): number } {
  const emitter = new EventEmitter() as EventEmitter & { exits: number[]; exit(code: number): void };
  emitter.exits = [];
  emitter.exit = (code: number) => void emitter.exits.push(code);
  return emitter as never;
}

describe("closeOnSignals", () => {
  it.each(["SIGINT", "SIGTERM"])("on %s closes the server (ending keep-alive connections) and exits 0", async (signal) => {
    const dir = await mkdtemp(path.join(tmpdir(), "feedwright-signal-"));
    const server = await startServer({ dir, port: 0 });
    try {
      const proc = fakeProcess();
      const lines: string[] = [];
      closeOnSignals(() => server.close(), (l) => lines.push(l), proc);
      await (await fetch(server.url)).arrayBuffer(); // leaves a keep-alive connection open
      proc.emit(signal, signal);
      for (let i = 0; i < 200 && proc.exits.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(proc.exits).toEqual([0]);
      expect(lines).toEqual([`Received ${signal}, shutting down.`]);
      await expect(fetch(server.url)).rejects.toThrow();
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("exits 1 when closing fails, 130 on a second signal, and can be removed", async () => {
    const proc = fakeProcess();
    let rejectClose!: (e: Error) => void;
    const remove = closeOnSignals(() => new Promise<void>((_, reject) => (rejectClose = reject)), () => {}, proc);
    proc.emit("SIGINT", "SIGINT");
    proc.emit("SIGINT", "SIGINT");
    expect(proc.exits).toEqual([130]);
    rejectClose(new Error("stuck"));
    await new Promise((r) => setTimeout(r, 0));
    expect(proc.exits).toEqual([130, 1]);
    remove();
    expect(proc.listenerCount("SIGINT") + proc.listenerCount("SIGTERM")).toBe(0);
  });
});
