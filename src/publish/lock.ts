import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseJsonObject } from "../parse-json-object.js";

/**
 * One feedwright run at a time per out dir, with an `O_EXCL` lock file.
 *
 * The file holds JSON naming its owner (pid, host, start time, command), so a
 * second run can say who holds it, and a lock left by a crashed run (its pid
 * is gone) can be recognised and taken over.
 */

/** Default name of the lock file, at the top of the out dir. */
export const LOCK_FILE = ".feedwright.lock";

/** What a lock file says about its owner. */
export interface LockInfo {
  pid: number;
  hostname: string;
  /** ISO 8601 instant the owner took the lock. */
  startedAt: string;
  /** The owner's command line, for a human reading the file. */
  command: string;
  /** Random per-acquisition value, so `release` never removes a lock someone else took over. */
  token: string;
}

/** A held lock. Release it when the run ends; {@link releaseOnExit} covers signals and `process.exit`. */
export interface Lock {
  readonly path: string;
  readonly info: LockInfo;
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): Promise<void>;
  /** Synchronous {@link Lock.release}, for `process.on("exit")` handlers. */
  releaseSync(): void;
}

export interface AcquireLockOptions {
  /** How long to wait for another run to finish before giving up with {@link LockHeldError}. */
  waitMs: number;
  /** How often to look at the lock file while waiting. Default 200 ms. */
  pollMs?: number;
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Whether a pid on this host is running. Default: `process.kill(pid, 0)`. */
  isProcessAlive?: (pid: number) => boolean;
  /** Recorded in the lock file. Default: this process's argv. */
  command?: string;
}

/**
 * A lock file that cannot be parsed is normally one being written right now
 * (created with O_EXCL, content not yet flushed). Only once it is older than
 * this is it treated as debris from a crash.
 */
export const UNPARSEABLE_LOCK_STALE_MS = 5_000;

/** Thrown when another run still holds the lock after the wait. The message is one line naming the holder. */
export class LockHeldError extends Error {
  override readonly name = "LockHeldError";
  constructor(
    readonly lockPath: string,
    /** The holder as read from the lock file, or null when the file could not be read or parsed. */
    readonly holder: LockInfo | null,
  ) {
    const who =
      holder === null
        ? "another feedwright run (owner unknown: the lock file is unreadable or still being written)"
        : `another feedwright run (pid ${holder.pid} on host ${holder.hostname}, started ${holder.startedAt})`;
    super(`${who} holds the lock ${lockPath}; try again later or remove the file if that run is gone`);
  }
}

/**
 * Whether `pid` names a running process on this host. EPERM means it exists
 * but belongs to another user, so it counts as alive.
 */
export function defaultIsProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/** Parses lock file text; null when it is not a complete, sane lock record. */
export function parseLockInfo(text: string): LockInfo | null {
  const record = parseJsonObject(text);
  if (record === null) return null;
  // pid 0 or negative would make process.kill signal a whole process group: never accept it.
  if (typeof record.pid !== "number" || !Number.isInteger(record.pid) || record.pid <= 0) return null;
  if (typeof record.hostname !== "string" || typeof record.startedAt !== "string") return null;
  return {
    pid: record.pid,
    hostname: record.hostname,
    startedAt: record.startedAt,
    command: typeof record.command === "string" ? record.command : "",
    token: typeof record.token === "string" ? record.token : "",
  };
}

type LockState =
  | { kind: "absent" }
  | { kind: "held"; info: LockInfo | null; raw: Buffer }
  | { kind: "stale"; info: LockInfo | null; raw: Buffer };

async function inspectLock(
  lockPath: string,
  now: () => number,
  isProcessAlive: (pid: number) => boolean,
): Promise<LockState> {
  let raw: Buffer;
  let mtimeMs: number;
  try {
    [raw, mtimeMs] = await Promise.all([fsp.readFile(lockPath), fsp.stat(lockPath).then((s) => s.mtimeMs)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "absent" };
    throw error;
  }
  const info = parseLockInfo(raw.toString("utf8"));
  if (info === null) {
    return now() - mtimeMs > UNPARSEABLE_LOCK_STALE_MS ? { kind: "stale", info, raw } : { kind: "held", info, raw };
  }
  // A pid on another host cannot be checked from here, so such a lock is always respected.
  if (info.hostname === os.hostname() && !isProcessAlive(info.pid)) return { kind: "stale", info, raw };
  return { kind: "held", info, raw };
}

/**
 * Removes a file, but only if it still holds exactly `expectedRaw`.
 * Compare-and-delete is not atomic on POSIX, so the file is renamed aside
 * (atomic) and then checked: if it is not the expected one, it is linked back
 * with `link`, which fails rather than overwrite if the name was taken in the
 * meantime. Used only where that small window is acceptable (see below).
 */
async function removeIfUnchanged(filePath: string, expectedRaw: Buffer): Promise<void> {
  const aside = `${filePath}.stale.${process.pid}.${randomBytes(6).toString("hex")}`;
  try {
    await fsp.rename(filePath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // someone else removed it first
    throw error;
  }
  const moved = await fsp.readFile(aside);
  if (Buffer.compare(moved, expectedRaw) !== 0) {
    await fsp.link(aside, filePath).catch(() => {});
  }
  await fsp.rm(aside, { force: true });
}

/**
 * Removes a stale lock file so the caller can try to take the lock again.
 * Returns false when another run is taking it over right now.
 *
 * Waiting runs keep trying to create the lock file, so removing a stale lock
 * with a plain "check, then unlink" could delete a fresh lock another run
 * created in between. So takeovers are serialised by a second O_EXCL file,
 * the takeover guard: while a run holds the guard, the only way the lock file
 * can change is through that run (its owner is dead), so "still the same
 * stale bytes, then unlink" is safe. The guard is held for a few
 * milliseconds; if a run dies holding it, the guard itself goes stale by the
 * same rules and is removed with {@link removeIfUnchanged}.
 */
async function removeStaleLock(
  lockPath: string,
  staleRaw: Buffer,
  now: () => number,
  isProcessAlive: (pid: number) => boolean,
): Promise<boolean> {
  const guardPath = `${lockPath}.takeover`;
  const guardInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date(now()).toISOString() };
  if (!(await tryCreateExclusive(guardPath, guardInfo))) {
    const guard = await inspectLock(guardPath, now, isProcessAlive);
    if (guard.kind === "stale") await removeIfUnchanged(guardPath, guard.raw);
    return guard.kind !== "held";
  }
  try {
    const current = await fsp.readFile(lockPath).catch(() => null);
    if (current !== null && Buffer.compare(current, staleRaw) === 0) await fsp.rm(lockPath, { force: true });
  } finally {
    await fsp.rm(guardPath, { force: true });
  }
  return true;
}

/** Creates `filePath` with O_EXCL holding `record` as JSON; false if it already exists. */
async function tryCreateExclusive(filePath: string, record: object): Promise<boolean> {
  let handle;
  try {
    handle = await fsp.open(filePath, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(record, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

function ownsLockFileSync(lockPath: string, token: string): boolean {
  try {
    return parseLockInfo(fs.readFileSync(lockPath, "utf8"))?.token === token;
  } catch {
    return false;
  }
}

function makeLock(lockPath: string, info: LockInfo): Lock {
  let released = false;
  return {
    path: lockPath,
    info,
    async release() {
      if (released) return;
      released = true;
      try {
        const current = parseLockInfo(await fsp.readFile(lockPath, "utf8"));
        if (current?.token === info.token) await fsp.rm(lockPath, { force: true });
      } catch {
        // Already gone: nothing to release.
      }
    },
    releaseSync() {
      if (released) return;
      released = true;
      if (ownsLockFileSync(lockPath, info.token)) fs.rmSync(lockPath, { force: true });
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock at `lockPath`, creating its folder if needed.
 *
 * If another live run holds it, polls every `pollMs` until it is free or
 * `waitMs` has passed, then throws {@link LockHeldError}. A lock whose owner
 * is a dead pid on this host, or an unparseable lock file older than
 * {@link UNPARSEABLE_LOCK_STALE_MS}, is stale and taken over.
 */
export async function acquireLock(lockPath: string, opts: AcquireLockOptions): Promise<Lock> {
  const now = opts.now ?? Date.now;
  const pollMs = opts.pollMs ?? 200;
  const isProcessAlive = opts.isProcessAlive ?? defaultIsProcessAlive;
  const startedAt = now();
  const info: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date(startedAt).toISOString(),
    command: opts.command ?? process.argv.join(" "),
    token: randomBytes(12).toString("hex"),
  };
  await fsp.mkdir(path.dirname(lockPath), { recursive: true });

  for (;;) {
    if (await tryCreateExclusive(lockPath, info)) return makeLock(lockPath, info);
    const state = await inspectLock(lockPath, now, isProcessAlive);
    if (state.kind === "absent") continue;
    if (state.kind === "stale" && (await removeStaleLock(lockPath, state.raw, now, isProcessAlive))) continue;
    if (now() - startedAt >= opts.waitMs) throw new LockHeldError(lockPath, state.info);
    await sleep(pollMs);
  }
}

/**
 * Releases `lock` when the process exits, or on SIGINT/SIGTERM/SIGHUP (then
 * re-raises the signal so the exit status still says how the run ended).
 * Returns a function that removes these handlers, for after a normal release.
 */
export function releaseOnExit(lock: Lock): () => void {
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  const onExit = () => lock.releaseSync();
  const onSignal = (signal: NodeJS.Signals) => {
    lock.releaseSync();
    unregister();
    // With our handler gone and no other, the default action (terminate) applies again.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const unregister = () => {
    process.off("exit", onExit);
    for (const signal of signals) process.off(signal, onSignal);
  };
  process.on("exit", onExit);
  for (const signal of signals) process.on(signal, onSignal);
  return unregister;
}
