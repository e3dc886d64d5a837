// Grouping into a map of lists, in first-seen order: the rules and features group by speaker, noun, URI, sentence…

/** Appends an item to the list under a key, starting the list if there is none. */
export function pushTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** The items by key, each list in the items' order (push, not spread: a group can hold thousands). */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) pushTo(map, key(item), item);
  return map;
}
