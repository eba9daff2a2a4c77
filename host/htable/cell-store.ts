// Where one table's items live: a Map of the thread (one thread serves), or rows of the workers'
// shared state (shared-cell-store.ts). The semantics (expiry, initval, bounds) are table.ts's,
// written once against this interface; `atomic` makes a read-modify-write one step: nothing
// for the Map (a KSR call runs whole in its thread), one shared.write() for the shared rows.

export interface Cell {
  readonly value: string | number;
  /** Epoch seconds after which the item is gone; 0: never. */
  readonly expire: number;
}

export interface CellStore {
  get(name: string): Cell | null;
  put(name: string, cell: Cell): void;
  delete(name: string): boolean;
  /** Every item, expired ones included (the caller filters). */
  all(): Array<[string, Cell]>;
  size(): number;
  clear(): void;
  atomic<T>(fn: () => T): T;
}

export class MapCellStore implements CellStore {
  private readonly cells = new Map<string, Cell>();

  get(name: string): Cell | null {
    return this.cells.get(name) ?? null;
  }

  put(name: string, cell: Cell): void {
    this.cells.set(name, cell);
  }

  delete(name: string): boolean {
    return this.cells.delete(name);
  }

  all(): Array<[string, Cell]> {
    return [...this.cells];
  }

  size(): number {
    return this.cells.size;
  }

  clear(): void {
    this.cells.clear();
  }

  atomic<T>(fn: () => T): T {
    return fn();
  }
}
