/**
 * The organisation as access needs it: who reports to whom (recursively) and
 * who shares a department (including sub-departments). Built per request from
 * the tenant's users, so a change in the hierarchy applies at once everywhere.
 */
import type { TenantStore } from '../store/port.js';
import { DEPARTMENTS, USERS } from '../identity/users.js';

export interface OrgPerson {
  id: string;
  manager: string | null;
  department: string | null;
}

export class OrgChart {
  private readonly reports = new Map<string, string[]>();
  private readonly people = new Map<string, OrgPerson>();
  private readonly childDepartments = new Map<string, string[]>();

  constructor(people: readonly OrgPerson[], departments: readonly { id: string; parent: string | null }[]) {
    for (const p of people) {
      this.people.set(p.id, p);
      if (p.manager) this.reports.set(p.manager, [...(this.reports.get(p.manager) ?? []), p.id]);
    }
    for (const d of departments) {
      if (d.parent) this.childDepartments.set(d.parent, [...(this.childDepartments.get(d.parent) ?? []), d.id]);
    }
  }

  static async load(store: TenantStore): Promise<OrgChart> {
    const [users, departments] = await Promise.all([
      store.collection(USERS).find({}, { projection: { manager: 1, department: 1 } }),
      store.collection(DEPARTMENTS).find({}, { projection: { parent: 1 } }),
    ]);
    return new OrgChart(
      users.map((u) => ({ id: String(u._id), manager: (u.manager as string) ?? null, department: (u.department as string) ?? null })),
      departments.map((d) => ({ id: String(d._id), parent: (d.parent as string) ?? null })),
    );
  }

  /** The user and everyone below them in the manager hierarchy. */
  team(userId: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const stack = [userId];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue; // a broken hierarchy with a cycle still terminates
      seen.add(id);
      out.push(id);
      stack.push(...(this.reports.get(id) ?? []));
    }
    return out;
  }

  /** Everyone in the user's department or any department below it (just the user when they have none). */
  department(userId: string): string[] {
    const home = this.people.get(userId)?.department;
    return home ? this.membersOf(home) : [userId];
  }

  /** Everyone in the department or any department below it. */
  membersOf(department: string): string[] {
    const departments = new Set<string>();
    const stack = [department];
    while (stack.length) {
      const d = stack.pop()!;
      if (departments.has(d)) continue;
      departments.add(d);
      stack.push(...(this.childDepartments.get(d) ?? []));
    }
    return [...this.people.values()].filter((p) => p.department && departments.has(p.department)).map((p) => p.id);
  }

  /** The chain from `from` up to `to` through managers, or null when `to` is not above `from`. */
  pathUp(from: string, to: string): string[] | null {
    const path = [from];
    for (let at = this.people.get(from)?.manager ?? null; at && path.length < 1000; at = this.people.get(at)?.manager ?? null) {
      path.push(at);
      if (at === to) return path;
    }
    return from === to ? path : null;
  }

  departmentOf(userId: string): string | null {
    return this.people.get(userId)?.department ?? null;
  }
}
