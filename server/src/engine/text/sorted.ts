// Search in arrays kept in order.

/**
 * How many leading items of `items` satisfy `before`, for items ordered so that every item
 * that satisfies it comes first (a binary search: the index of the first item that does not).
 */
export function countBefore<T>(items: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(items[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}
