/** One finding of `feedwright check`: errors make the check fail; warnings only with `--strict`. */
export interface CheckProblem {
  /** Feed file, relative to the checked folder, `/`-separated. */
  file: string;
  severity: "error" | "warning";
  message: string;
}

/** A checker's finding before the file is known. */
export type Finding = Omit<CheckProblem, "file">;

/** Shorthands for findings. */
export const error = (message: string): Finding => ({ severity: "error", message });
export const warning = (message: string): Finding => ({ severity: "warning", message });
