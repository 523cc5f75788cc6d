// @ts-check
/**
 * A small seeded pseudo-random number generator for the benchmark corpus.
 * Math.random is never used: the same seed must give the same corpus, byte for byte,
 * on every machine and Node version.
 */

/**
 * Returns a mulberry32 generator: a function giving floats in [0, 1) from a 32-bit seed.
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes a corpus seed and an article index into one 32-bit seed, so every article
 * has its own stream and can be generated alone (addOne needs that).
 * @param {number} seed
 * @param {number} index
 * @returns {number}
 */
export function articleSeed(seed, index) {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A random-choice toolbox over one generator.
 * @typedef {object} Random
 * @property {() => number} next float in [0, 1)
 * @property {(min: number, max: number) => number} int integer in [min, max]
 * @property {(p: number) => boolean} chance true with probability p
 * @property {<T>(items: readonly T[]) => T} pick one item, uniformly
 * @property {<T>(items: readonly T[], n: number) => T[]} sample n distinct items, uniformly
 */

/**
 * Wraps a generator with the choice helpers the corpus generator needs.
 * @param {() => number} next
 * @returns {Random}
 */
export function randomFrom(next) {
  /** @type {Random["int"]} */
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => /** @type {any} */ (items[Math.floor(next() * items.length)]),
    sample: (items, n) => {
      const pool = items.slice();
      const out = [];
      for (let i = 0; i < n && pool.length > 0; i++) {
        const j = Math.floor(next() * pool.length);
        out.push(/** @type {any} */ (pool[j]));
        pool.splice(j, 1);
      }
      return out;
    },
  };
}

/**
 * Builds a sampler that draws indexes 0..size-1 with Zipf-like weights 1/(rank+1)^exponent,
 * as tag use is on real sites: a few tags on many articles, a long tail on a few.
 * @param {number} size
 * @param {number} exponent
 * @returns {(next: () => number) => number}
 */
export function zipfSampler(size, exponent = 1) {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) {
    total += 1 / Math.pow(rank + 1, exponent);
    cumulative[rank] = total;
  }
  return (next) => {
    const target = next() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (/** @type {number} */ (cumulative[mid]) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
