// A lookup table read with a name a script gave: only the table's own entries count. A plain
// object's `table[name]` also answers for "constructor", "toString" or "__proto__" (inherited
// from Object.prototype), which made `t_relay_to_proto("constructor")` force a function as
// the protocol and `t_is_set("toString")` answer 1.

/** table[key] when key is one of the table's own entries, else undefined. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
