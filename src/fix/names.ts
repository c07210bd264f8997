import type { EnvEntry } from './types.js';

/**
 * Variable names for the values that move to the env file: the same value keeps one name (also
 * one already in the env file), and a different value that wants a taken name gets NAME_2.
 */
export class NameBook {
  private readonly byName = new Map<string, string>();
  private readonly byValue = new Map<string, string>();
  private readonly added: EnvEntry[] = [];

  constructor(existing: readonly EnvEntry[]) {
    for (const e of existing) {
      this.byName.set(e.name, e.value);
      if (!this.byValue.has(e.value)) this.byValue.set(e.value, e.name);
    }
  }

  /** The name for a value; `avoid` is a prefix the name may not carry (GITHUB_ in Actions). */
  nameFor(desired: string, value: string, avoid?: string): string {
    const known = this.byValue.get(value);
    if (known && !(avoid && known.startsWith(avoid))) return known;
    const base = avoid && desired.startsWith(avoid) ? `GH_${desired.slice(avoid.length)}` : desired;
    let name = base;
    for (let n = 2; this.byName.has(name) && this.byName.get(name) !== value; n++) name = `${base}_${n}`;
    this.claim(name, value);
    return name;
  }

  /** Record an entry under a fixed name (TF_VAR_x for Terraform's variable x). */
  claim(name: string, value: string): void {
    if (this.byName.get(name) === value) return;
    this.byName.set(name, value);
    if (!this.byValue.has(value)) this.byValue.set(value, name);
    this.added.push({ name, value });
  }

  /** Whether a name is free for this value (Terraform cannot rename var.x to var.x_2 silently). */
  fits(name: string, value: string): boolean {
    const held = this.byName.get(name);
    return held === undefined || held === value;
  }

  /** Undo the names given since `mark()` (a file whose edit could not be completed). */
  mark(): number {
    return this.added.length;
  }

  rollback(mark: number): void {
    for (const e of this.added.splice(mark)) {
      this.byName.delete(e.name);
      if (this.byValue.get(e.value) === e.name) this.byValue.delete(e.value);
    }
  }

  newEntries(): EnvEntry[] {
    return [...this.added];
  }
}
