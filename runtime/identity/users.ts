/**
 * The people of a tenant (业务人员): sign-in identity plus their place in the
 * organisation — roles, manager, department, position, hire date, region and
 * whether they still work here. Passwords never leave this module.
 */
import { badRequest, conflict, invalid, notFound, type ErrorDetail } from '../errors.js';
import { DuplicateKeyError, type Doc, type TenantStore } from '../store/port.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.js';

export const USERS = '_users';
export const DEPARTMENTS = '_departments';

export type UserStatus = 'active' | 'left';

export interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
  manager: string | null;
  department: string | null;
  position: string | null;
  hireDate: string | null;
  region: string | null;
  status: UserStatus;
}

export interface NewUser extends Partial<Omit<User, 'id' | 'email' | 'name'>> {
  id?: string;
  email: string;
  name: string;
  password: string;
}

const USER_ID = /^[a-z][a-z0-9._-]{0,63}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EDITABLE = ['name', 'roles', 'manager', 'department', 'position', 'hireDate', 'region', 'status'] as const;

export function toUser(doc: Doc): User {
  return {
    id: String(doc._id),
    email: doc.email as string,
    name: doc.name as string,
    roles: (doc.roles as string[]) ?? [],
    manager: (doc.manager as string | null) ?? null,
    department: (doc.department as string | null) ?? null,
    position: (doc.position as string | null) ?? null,
    hireDate: (doc.hireDate as string | null) ?? null,
    region: (doc.region as string | null) ?? null,
    status: (doc.status as UserStatus) ?? 'active',
  };
}

export function checkPassword(password: unknown, path = '/password'): asserts password is string {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw invalid('the password is not acceptable', [{ path, message: `must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters` }]);
  }
}

function checkProfile(input: Record<string, unknown>, problems: ErrorDetail[]): void {
  const str = (key: string, max: number) => {
    const v = input[key];
    if (v !== undefined && v !== null && (typeof v !== 'string' || v.length > max)) problems.push({ path: `/${key}`, message: `must be text of at most ${max} characters` });
  };
  if (input.name !== undefined && (typeof input.name !== 'string' || input.name.trim() === '' || input.name.length > 100)) problems.push({ path: '/name', message: 'must be 1–100 characters' });
  str('manager', 64);
  str('department', 64);
  str('position', 100);
  str('region', 64);
  if (input.hireDate !== undefined && input.hireDate !== null && (typeof input.hireDate !== 'string' || !DATE.test(input.hireDate))) problems.push({ path: '/hireDate', message: 'must be a date YYYY-MM-DD' });
  if (input.status !== undefined && input.status !== 'active' && input.status !== 'left') problems.push({ path: '/status', message: 'must be active or left' });
  if (input.roles !== undefined && (!Array.isArray(input.roles) || input.roles.length > 20 || input.roles.some((r) => typeof r !== 'string' || !/^[a-z][a-zA-Z0-9]{0,62}$/.test(r)))) {
    problems.push({ path: '/roles', message: 'must be a list of role names' });
  }
}

export class UserDirectory {
  constructor(private readonly store: TenantStore) {}

  private get users() {
    return this.store.collection(USERS);
  }

  async ensureIndexes(): Promise<void> {
    await this.users.createIndex({ name: 'u_email', keys: { email: 1 }, unique: true });
    await this.users.createIndex({ name: 'i_manager', keys: { manager: 1 } });
  }

  async get(id: string): Promise<User | null> {
    const doc = await this.users.findOne({ _id: id });
    return doc ? toUser(doc) : null;
  }

  async require(id: string): Promise<User> {
    const user = await this.get(id);
    if (!user) throw notFound(`no user "${id}"`);
    return user;
  }

  /** The stored document incl. password hash and lockout counters, for sign-in only. */
  async credentials(email: string): Promise<Doc | null> {
    return this.users.findOne({ email: email.trim().toLowerCase() });
  }

  async list(): Promise<User[]> {
    return (await this.users.find({}, { sort: { _id: 1 }, projection: { passwordHash: 0 } })).map(toUser);
  }

  async create(input: NewUser): Promise<User> {
    const problems: ErrorDetail[] = [];
    const id = input.id ?? `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    if (!USER_ID.test(id)) problems.push({ path: '/id', message: 'must be 1–64 lower-case letters, digits, dots, dashes or underscores' });
    if (typeof input.email !== 'string' || !EMAIL.test(input.email)) problems.push({ path: '/email', message: 'must be an e-mail address' });
    if (typeof input.name !== 'string') problems.push({ path: '/name', message: 'is required' });
    checkProfile(input as unknown as Record<string, unknown>, problems);
    if (problems.length) throw invalid('the user is invalid', problems);
    checkPassword(input.password);
    if (input.manager && !(await this.get(input.manager))) throw invalid('the manager does not exist', [{ path: '/manager', message: `no user "${input.manager}"` }]);
    const doc = {
      _id: id,
      email: input.email.trim().toLowerCase(),
      name: input.name,
      roles: input.roles ?? [],
      manager: input.manager ?? null,
      department: input.department ?? null,
      position: input.position ?? null,
      hireDate: input.hireDate ?? null,
      region: input.region ?? null,
      status: input.status ?? 'active',
      passwordHash: await hashPassword(input.password),
      failedLogins: 0,
      lockedUntil: null,
      createdAt: new Date(),
    };
    try {
      await this.users.insertOne(doc);
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw conflict('USER_EXISTS', 'a user with this id or e-mail already exists', [{ path: '/email', message: 'must be unique' }]);
      throw e;
    }
    return toUser(doc);
  }

  async update(id: string, input: Record<string, unknown>): Promise<{ before: User; after: User }> {
    const before = await this.require(id);
    const problems: ErrorDetail[] = [];
    for (const key of Object.keys(input)) {
      if (!(EDITABLE as readonly string[]).includes(key)) problems.push({ path: `/${key}`, message: 'cannot be changed here' });
    }
    checkProfile(input, problems);
    if (problems.length) throw invalid('the change is invalid', problems);
    if (typeof input.manager === 'string') await this.checkManager(id, input.manager);
    await this.users.updateOne({ _id: id }, { $set: { ...input, updatedAt: new Date() } });
    return { before, after: await this.require(id) };
  }

  /** A manager must exist and must not be the user or anyone below them. */
  private async checkManager(id: string, manager: string): Promise<void> {
    if (!(await this.get(manager))) throw invalid('the manager does not exist', [{ path: '/manager', message: `no user "${manager}"` }]);
    const all = await this.list();
    const byId = new Map(all.map((u) => [u.id, u]));
    for (let at: string | null = manager, hops = 0; at && hops < 1000; at = byId.get(at)?.manager ?? null, hops++) {
      if (at === id) throw invalid('a manager cannot report to their own report', [{ path: '/manager', message: 'would make a cycle' }]);
    }
  }

  async setPassword(id: string, password: unknown): Promise<void> {
    checkPassword(password);
    const { matchedCount } = await this.users.updateOne({ _id: id }, { $set: { passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null } });
    if (matchedCount === 0) throw notFound(`no user "${id}"`);
  }

  async recordFailure(id: string, maxFailures: number, lockMs: number): Promise<void> {
    const doc = await this.users.findOne({ _id: id });
    if (!doc) return;
    const failures = ((doc.failedLogins as number) ?? 0) + 1;
    const lock = failures >= maxFailures ? new Date(Date.now() + lockMs) : null;
    await this.users.updateOne({ _id: id }, { $set: { failedLogins: lock ? 0 : failures, lockedUntil: lock ?? doc.lockedUntil ?? null } });
  }

  async recordSuccess(id: string): Promise<void> {
    await this.users.updateOne({ _id: id }, { $set: { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() } });
  }
}

export function assertNoExtraKeys(input: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(input).filter((k) => !allowed.includes(k));
  if (extra.length) throw badRequest('INVALID_BODY', 'the body has unknown properties', extra.map((k) => ({ path: `/${k}`, message: 'is not allowed' })));
}
