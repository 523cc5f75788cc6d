// Child process for lock.test.ts: takes the lock, registers releaseOnExit,
// reports "locked", then ends the way argv[3] says (exit | SIGTERM | SIGINT).
import { acquireLock, releaseOnExit } from "../../../dist/publish/lock.js";

const [lockPath, how] = process.argv.slice(2);
const lock = await acquireLock(lockPath, { waitMs: 0 });
releaseOnExit(lock);
console.log("locked");
if (how === "exit") process.exit(0);
else process.kill(process.pid, how);
setTimeout(() => {}, 10_000);
