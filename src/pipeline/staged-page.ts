import path from "node:path";
import { stagedFile, type StagedFile, type StagedRecord } from "../publish/atomic-write.js";
import { resolveInside } from "../publish/safe-path.js";

/**
 * A page's staged temp file, with paths relative to the output folder: the main thread holds
 * one per article until publishing, and records with absolute paths were 6% of all it held
 * (4 MB of 69 MB at 10,000 articles). {@link stagedPageRecord} gives the full record back.
 */
export interface StagedPage {
  /** The temp file's name, in the page's folder. */
  tempName: string;
  replaces: boolean;
  /** The first folder staging created, relative to the output folder, if any. */
  firstCreated?: string;
}

/** The staged record of a page rendered ahead, its paths resolved in `outDir`. */
export function stagedPageRecord(page: { relPath: string; staged: StagedPage }, outDir: string): StagedRecord {
  const targetPath = resolveInside(outDir, page.relPath);
  const { tempName, replaces, firstCreated } = page.staged;
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
export function stagedPageFile(page: { relPath: string; staged: StagedPage }, outDir: string): StagedFile {
  return new StagedPageFile(page, outDir);
}

class StagedPageFile implements StagedFile {
  constructor(
    private readonly page: { relPath: string; staged: StagedPage },
    private readonly outDir: string,
  ) {}

  get targetPath(): string {
    return resolveInside(this.outDir, this.page.relPath);
  }

  get replaces(): boolean {
    return this.page.staged.replaces;
  }

  get inNewFolder(): boolean {
    return this.page.staged.firstCreated !== undefined;
  }

  commit(): Promise<void> {
    return stagedFile(stagedPageRecord(this.page, this.outDir)).commit();
  }

  abort(): Promise<void> {
    return stagedFile(stagedPageRecord(this.page, this.outDir)).abort();
  }
}
