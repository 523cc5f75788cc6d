/**
 * A large value's JSON, as JSON.stringify writes it (compact), in parts: arrays and objects
 * are written member by member, so no string holds the whole document. Together with
 * {@link textParts} this keeps multi-megabyte state files out of V8's large-object space.
 * Plain data only: no toJSON, no replacer; undefined and functions are left out of objects
 * and written as null in arrays, as JSON.stringify does.
 */
export function* jsonParts(value: unknown): Generator<string> {
  if (Array.isArray(value) && value.every(isFlat)) {
    // Tens of thousands of paths, numbers or short lists of them: a slice at a time, not a part per item.
    yield "[";
    for (let start = 0; start < value.length; start += PRIMITIVE_SLICE) {
      const slice = JSON.stringify(value.slice(start, start + PRIMITIVE_SLICE));
      yield (start > 0 ? "," : "") + slice.slice(1, -1);
    }
    yield "]";
    return;
  }
  if (Array.isArray(value)) {
    yield "[";
    for (let index = 0; index < value.length; index++) {
      if (index > 0) yield ",";
      const item: unknown = value[index];
      if (item === undefined || typeof item === "function" || typeof item === "symbol") yield "null";
      else yield* jsonParts(item);
    }
    yield "]";
    return;
  }
  if (value !== null && typeof value === "object") {
    yield "{";
    let first = true;
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
      yield `${first ? "" : ","}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonParts(member);
    }
    yield "}";
    return;
  }
  yield JSON.stringify(value) ?? "null";
}

/** Items of an array of flat values written by one JSON.stringify call. */
const PRIMITIVE_SLICE = 256;

/** A value JSON.stringify writes the same alone as inside an array (undefined and functions become null in both). */
function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

/** A primitive, or an array of primitives: small enough to be written a slice of items at a time. */
function isFlat(value: unknown): boolean {
  return isPrimitive(value) || (Array.isArray(value) && value.length <= PRIMITIVE_SLICE && value.every(isPrimitive));
}

/**
 * Joins small parts into parts of about `size` characters (default 16,000), as they come:
 * few enough writes, and each well under V8's large-object size. A part larger than `size`
 * comes out alone.
 */
export function* joinParts(parts: Iterable<string>, size = 16_000): Generator<string> {
  let pending = "";
  for (const part of parts) {
    if (pending.length > 0 && pending.length + part.length > size) {
      yield pending;
      pending = "";
    }
    pending += part;
  }
  if (pending !== "") yield pending;
}

/** {@link joinParts}, collected: for content that is hashed before it is written. */
export function textParts(parts: Iterable<string>, size = 16_000): string[] {
  return [...joinParts(parts, size)];
}
