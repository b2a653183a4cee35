/**
 * Rendezvous hashing, the couple's way of agreeing without talking (SPEC §13): each candidate
 * gets a score from a seed and its own stable name, the highest score wins. Two browsers with the
 * same seed and names rank alike, whatever order or language they hold them in, and adding or
 * removing one candidate moves only the places that candidate wins or held.
 */

/**
 * A 32-bit hash of `text` that every JavaScript engine computes alike: FNV-1a over the UTF-16
 * code units, then MurmurHash3's finaliser so that every output bit depends on every input bit.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** An item's score under `seed` for rendezvous hashing; the separator keeps fields apart. */
export function score(seed: string, item: string): number {
  return hash32(`${seed}\u0000${item}`);
}

/** `items` from the highest score under `seed` to the lowest; ties (1 in 4 billion) by name. */
export function rankBy<T>(items: readonly T[], seed: string, nameOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, name: nameOf(item), score: score(seed, nameOf(item)) }))
    .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ item }) => item);
}
