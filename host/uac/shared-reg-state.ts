// The registration states every worker must see (uac_reg_status, reg_dump): with workers the
// primary thread registers and writes each record's state here; enable/disable from any worker
// set the disabled bit here, which the primary picks up at its next tick. One thread: unused.
import type Database from 'better-sqlite3';
import type { SharedState } from '../shared/shared-state.js';

export interface SharedReg {
  state: number;
  timerExpires: number;
  lastRegister: number;
}

export class SharedRegState {
  private readonly get: Database.Statement<[string], { state: number; timer_expires: number; last_register: number }>;
  private readonly put: Database.Statement<[string, number, number, number]>;
  private readonly all: Database.Statement<[], { l_uuid: string; state: number }>;

  constructor(private readonly shared: SharedState) {
    this.get = shared.db.prepare('SELECT state, timer_expires, last_register FROM uac_reg_state WHERE l_uuid = ?');
    this.put = shared.db.prepare('INSERT INTO uac_reg_state (l_uuid, state, timer_expires, last_register) VALUES (?, ?, ?, ?) ON CONFLICT (l_uuid) DO UPDATE SET state = excluded.state, timer_expires = excluded.timer_expires, last_register = excluded.last_register');
    this.all = shared.db.prepare('SELECT l_uuid, state FROM uac_reg_state');
  }

  read(uuid: string): SharedReg | null {
    const row = this.get.get(uuid);
    return row ? { state: row.state, timerExpires: row.timer_expires, lastRegister: row.last_register } : null;
  }

  write(uuid: string, r: SharedReg): void {
    this.shared.write(() => this.put.run(uuid, r.state, Math.round(r.timerExpires), Math.round(r.lastRegister)));
  }

  /** Sets or clears bits of a record's state (enable/disable from any worker). */
  update(uuid: string, fallback: SharedReg, change: (state: number) => number): void {
    this.shared.write(() => {
      const cur = this.read(uuid) ?? fallback;
      this.put.run(uuid, change(cur.state), Math.round(cur.timerExpires), Math.round(cur.lastRegister));
    });
  }

  states(): Map<string, number> {
    return new Map(this.all.all().map((r) => [r.l_uuid, r.state]));
  }
}
