import { execFile, spawn, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { LockHeldError, UNPARSEABLE_LOCK_STALE_MS, acquireLock, parseLockInfo } from "../../src/publish/lock.js";
import { assertCompiled, helperScript } from "./helpers/compiled.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const created: string[] = [];
afterEach(() => removeTempDirs(created));
const run = promisify(execFile);

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid as number;
}

async function writeLockFile(lockPath: string, record: object): Promise<void> {
  await fs.writeFile(lockPath, JSON.stringify(record));
}

describe("acquireLock in one process", () => {
  it("creates an O_EXCL lock file naming its owner, and release removes it", async () => {
    const dir = await makeTempDir(created);
    const lockPath = path.join(dir, "out", ".feedwright.lock");
    const lock = await acquireLock(lockPath, { waitMs: 0, command: "feedwright build" });
    const info = parseLockInfo(await fs.readFile(lockPath, "utf8"));
    expect(info).toMatchObject({ pid: process.pid, hostname: os.hostname(), command: "feedwright build" });
    expect(new Date(info?.startedAt ?? "").toISOString()).toBe(info?.startedAt);
    await lock.release();
    await expect(fs.stat(lockPath)).rejects.toThrow();
    await lock.release(); // idempotent
  });

  it("makes a second run wait, then fail with one line naming the holder", async () => {
    const dir = await makeTempDir(created);
    const lockPath = path.join(dir, ".feedwright.lock");
    const first = await acquireLock(lockPath, { waitMs: 0 });
    let polls = 0;
    const error = await acquireLock(lockPath, {
      waitMs: 1_000,
      pollMs: 1,
      // A fake clock that advances 100 ms per look keeps the test fast and exact.
      now: () => Date.parse("2026-11-24T10:00:00Z") + 100 * polls++,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockHeldError);
    const message = (error as LockHeldError).message;
    expect(message).not.toContain("\n");
    expect(message).toBe(
      `another feedwright run (pid ${process.pid} on host ${os.hostname()}, started ${first.info.startedAt}) holds the lock ${lockPath}; try again later or remove the file if that run is gone`,
    );
    expect(polls).toBeGreaterThan(5); // it did wait before giving up
    expect((error as LockHeldError).holder?.token).toBe(first.info.token);
    await first.release();
  });

  it("gets the lock once the holder releases it during the wait", async () => {
    const dir = await makeTempDir(created);
    const lockPath = path.join(dir, ".feedwright.lock");
    const first = await acquireLock(lockPath, { waitMs: 0 });
    const second = acquireLock(lockPath, { waitMs: 20_000, pollMs: 5 });
    setTimeout(() => void first.release(), 30);
    const lock = await second;
    expect(parseLockInfo(await fs.readFile(lockPath, "utf8"))?.token).toBe(lock.info.token);
    await lock.release();
  });

  it("takes over a lock left by a dead pid on this host", async () => {
    const dir = await makeTempDir(created);
    const lockPath = path.join(dir, ".feedwright.lock");
    const pid = deadPid();
    await writeLockFile(lockPath, { pid, hostname: os.hostname(), startedAt: "2026-11-24T09:00:00.000Z", command: "x" });
    const lock = await acquireLock(lockPath, { waitMs: 0 });
    expect(parseLockInfo(await fs.readFile(lockPath, "utf8"))?.pid).toBe(process.pid);
    expect(await fs.readdir(dir)).toEqual([".feedwright.lock"]); // the set-aside stale file is gone
    await lock.release();
  });

  it("clears a takeover guard left by a run that died mid-takeover", async () => {
    const dir = await makeTempDir(created);
    const lockPath = path.join(dir, ".feedwright.lock");
    const stale = { hostname: os.hostname(), startedAt: "2026-11-24T09:00:00.000Z" };
    await writeLockFile(lockPath, { ...stale, pid: deadPid() });
    await writeLockFile(`${lockPath}.takeover`, { ...stale, pid: deadPid() });
    const lock = await acquireLock(lockPath, { waitMs: 0 });
    expect(await fs.readdir(dir)).toEqual([".feedwright.lock"]);
    await lock.release();
  });

  it("respects a lock from another host, whose pid it cannot check", async () => {
    const dir = await makeTempDir(created);
    const lockPath = path.join(dir, ".feedwright.lock");
    await writeLockFile(lockPath, { pid: deadPid(), hostname: "elsewhere.example", startedAt: "2026-11-24T09:00:00.000Z" });
    await expect(acquireLock(lockPath, { waitMs: 0 })).rejects.toThrow(/pid \d+ on host elsewhere\.example/);
  });

  it("treats an unparseable lock file as held while fresh and stale once old", async () => {
    const dir = await makeTempDir(created);
    const lockPath = path.join(dir, ".feedwright.lock");
    await fs.writeFile(lockPath, "");
    const mtime = (await fs.stat(lockPath)).mtimeMs;
    await expect(acquireLock(lockPath, { waitMs: 0, now: () => mtime + 1_000 })).rejects.toThrow(
      "another feedwright run (owner unknown: the lock file is unreadable or still being written) holds the lock",
    );
    const lock = await acquireLock(lockPath, { waitMs: 0, now: () => mtime + UNPARSEABLE_LOCK_STALE_MS + 1 });
    expect(parseLockInfo(await fs.readFile(lockPath, "utf8"))?.token).toBe(lock.info.token);
    await lock.release();
  });

  it("never accepts pid 0 or a negative pid (those would signal process groups)", () => {
    for (const pid of [0, -1, 1.5, "12"]) {
      expect(parseLockInfo(JSON.stringify({ pid, hostname: "h", startedAt: "s" }))).toBeNull();
    }
  });

  it("release leaves alone a lock file that is no longer its own", async () => {
    const dir = await makeTempDir(created);
    const lockPath = path.join(dir, ".feedwright.lock");
    const lock = await acquireLock(lockPath, { waitMs: 0 });
    const someoneElse = { ...lock.info, token: "other" };
    await writeLockFile(lockPath, someoneElse);
    await lock.release();
    lock.releaseSync();
    expect(parseLockInfo(await fs.readFile(lockPath, "utf8"))?.token).toBe("other");
  });
});

describe("acquireLock across processes", () => {
  beforeAll(() => assertCompiled("lock"));

  it("never lets two runs hold it at once, even racing to take over stale locks", async () => {
    const dir = await makeTempDir(created);
    const lockPath = path.join(dir, ".feedwright.lock");
    const marker = path.join(dir, "holder");
    await writeLockFile(lockPath, { pid: deadPid(), hostname: os.hostname(), startedAt: "2026-11-24T09:00:00.000Z" });
    const workers = [
      ...Array.from({ length: 3 }, () => ["normal", "25"]),
      // Crashers exit while holding the lock, so the others keep racing over stale locks.
      ...Array.from({ length: 6 }, () => ["crash", "1"]),
    ].map(([mode, iterations]) =>
      run(process.execPath, [helperScript("lock-worker.mjs"), lockPath, marker, iterations as string, mode as string]),
    );
    const results = await Promise.all(workers);
    for (const { stdout } of results) expect(stdout).not.toContain("VIOLATION");
    expect(results.filter(({ stdout }) => stdout.includes("done"))).toHaveLength(3);
  });

  it.each(["exit", "SIGTERM", "SIGINT"])("releaseOnExit removes the lock on %s", async (how) => {
    const dir = await makeTempDir(created);
    const lockPath = path.join(dir, ".feedwright.lock");
    const child = spawn(process.execPath, [helperScript("lock-exit.mjs"), lockPath, how], { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on("exit", (c, s) => resolve([c, s])),
    );
    expect(stdout).toContain("locked");
    await expect(fs.stat(lockPath)).rejects.toThrow();
    if (how === "exit") expect(code).toBe(0);
    else expect(signal).toBe(how);
  });
});
