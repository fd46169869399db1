/**
 * The demo tenant's people: departments and users from a template's
 * demo-users.json, all with the same demo password. Only the demo tenant gets them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TenantStore } from '../store/port.js';
import { createDepartment } from '../identity/departments.js';
import { UserDirectory, type User } from '../identity/users.js';

export const DEMO_PASSWORD = 'demo1234';

interface DemoUser {
  id: string;
  name: { 'zh-CN': string; en: string };
  email: string;
  role: string;
  manager?: string;
  team?: string;
}

const DEPARTMENT_NAMES: Record<string, string> = { sales: '销售部 Sales', team1: '销售一组 Team 1', team2: '销售二组 Team 2' };

export async function installDemoUsers(store: TenantStore, templateDir: string, locale: string): Promise<User[]> {
  const demo = JSON.parse(await readFile(join(templateDir, 'demo-users.json'), 'utf8')) as DemoUser[];
  const teams = [...new Set(demo.map((u) => u.team).filter((t): t is string => !!t))];
  // The department that holds the others comes first so children can name it.
  const parent = teams.find((t) => demo.some((u) => u.team === t && !u.manager && u.role !== 'admin'));
  for (const id of [...teams].sort((a, b) => (a === parent ? -1 : b === parent ? 1 : a.localeCompare(b)))) {
    await createDepartment(store, { id, name: DEPARTMENT_NAMES[id] ?? id, parent: id === parent ? null : (parent ?? null) });
  }
  const users = new UserDirectory(store);
  const created: User[] = [];
  const pending = [...demo];
  // Managers before their reports.
  while (pending.length) {
    const next = pending.findIndex((u) => !u.manager || created.some((c) => c.id === u.manager));
    const [u] = pending.splice(next < 0 ? 0 : next, 1);
    created.push(
      await users.create({
        id: u.id,
        email: u.email,
        name: locale === 'en' ? u.name.en : u.name['zh-CN'],
        password: DEMO_PASSWORD,
        roles: [u.role],
        manager: u.manager ?? null,
        department: u.team ?? null,
      }),
    );
  }
  return created;
}
