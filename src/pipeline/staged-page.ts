import path from "node:path";
import { stagedFile, type StagedFile, type StagedRecord } from "../publish/atomic-write.js";
import { resolveInside } from "../publish/safe-path.js";

/**
 * A page's staged temp file, with paths relative to the output folder: the main thread holds
 * one per article until publishing, and records with absolute paths were 6% of all it held
 * (4 MB of 69 MB at 10,000 articles). {@link stagedPageFile} works the full paths out again.
 */
export interface StagedPage {
  /** The temp file's name, in the page's folder. */
  tempName: string;
  replaces: boolean;
  /** The first folder staging created, relative to the output folder, if any. */
  firstCreated?: string;
}

/** The staged record of the page at `relPath`, its paths resolved in `outDir`. */
function stagedPageRecord(relPath: string, staged: StagedPage, outDir: string): StagedRecord {
  const targetPath = resolveInside(outDir, relPath);
  const { tempName, replaces, firstCreated } = staged;
  return {
    targetPath,
    tempPath: path.join(path.dirname(targetPath), tempName),
    replaces,
    ...(firstCreated === undefined ? {} : { firstCreated: path.join(outDir, firstCreated) }),
  };
}

/** {@link StagedPage} of a staged record: what a deriving thread sends back for a page it staged. */
export function compactStaged(record: StagedRecord | "unchanged", outDir: string): StagedPage | "unchanged" {
  if (record === "unchanged") return record;
  return {
    tempName: path.basename(record.tempPath),
    replaces: record.replaces,
    ...(record.firstCreated === undefined ? {} : { firstCreated: path.relative(outDir, record.firstCreated) }),
  };
}

/**
 * The {@link StagedFile} of a page rendered ahead. Its absolute paths are worked out when it
 * is committed or aborted, not held: every page of a cold build waits in one until publishing.
 */
export function stagedPageFile(relPath: string, staged: StagedPage, outDir: string): StagedFile {
  return new StagedPageFile(relPath, staged, outDir);
}

class StagedPageFile implements StagedFile {
  constructor(
    private readonly relPath: string,
    private readonly staged: StagedPage,
    private readonly outDir: string,
  ) {}

  get targetPath(): string {
    return resolveInside(this.outDir, this.relPath);
  }

  get replaces(): boolean {
    return this.staged.replaces;
  }

  get inNewFolder(): boolean {
    return this.staged.firstCreated !== undefined;
  }

  commit(): Promise<void> {
    return stagedFile(stagedPageRecord(this.relPath, this.staged, this.outDir)).commit();
  }

  abort(): Promise<void> {
    return stagedFile(stagedPageRecord(this.relPath, this.staged, this.outDir)).abort();
  }
}
