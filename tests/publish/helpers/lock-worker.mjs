// Child process for lock.test.ts: takes the lock repeatedly and proves it is
// alone while holding it by creating a marker file with O_EXCL.
// argv: lockPath markerPath iterations mode(normal|crash)
import fs from "node:fs";
import { acquireLock } from "../../../dist/publish/lock.js";

const [lockPath, markerPath, iterationsText, mode] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

for (let i = 0; i < Number(iterationsText); i++) {
  const lock = await acquireLock(lockPath, { waitMs: 20_000, pollMs: 2 });
  try {
    fs.closeSync(fs.openSync(markerPath, "wx"));
  } catch {
    console.log(`VIOLATION pid ${process.pid}: someone else holds the lock too`);
    process.exit(9);
  }
  await sleep(Math.random() * 4);
  fs.unlinkSync(markerPath);
  // A crashing run leaves its lock file behind for the others to take over.
  if (mode === "crash") process.exit(0);
  await lock.release();
}
console.log("done");
