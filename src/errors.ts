/** A mistake in how feedwright was called or configured: nothing is written, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Publishing could not complete (the output folder could not be written): exit code 3. */
export class PublishError extends Error {
  override name = "PublishError";
}
