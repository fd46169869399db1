/** Departments (部门) and teams as a tree; a user's department scope covers their department and all below it. */
import { conflict, invalid } from '../errors.js';
import { DuplicateKeyError, type TenantStore } from '../store/port.js';
import { DEPARTMENTS } from './users.js';

export interface Department {
  id: string;
  name: string;
  parent: string | null;
}

const DEPARTMENT_ID = /^[a-z][a-zA-Z0-9_-]{0,63}$/;

export async function listDepartments(store: TenantStore): Promise<Department[]> {
  const docs = await store.collection(DEPARTMENTS).find({}, { sort: { _id: 1 } });
  return docs.map((d) => ({ id: String(d._id), name: d.name as string, parent: (d.parent as string | null) ?? null }));
}

export async function createDepartment(store: TenantStore, input: Department): Promise<Department> {
  if (typeof input.id !== 'string' || !DEPARTMENT_ID.test(input.id)) throw invalid('the department is invalid', [{ path: '/id', message: 'must be a short identifier' }]);
  if (typeof input.name !== 'string' || input.name.length < 1 || input.name.length > 100) throw invalid('the department is invalid', [{ path: '/name', message: 'must be 1–100 characters' }]);
  if (input.parent && !(await store.collection(DEPARTMENTS).findOne({ _id: input.parent }))) {
    throw invalid('the parent department does not exist', [{ path: '/parent', message: `no department "${input.parent}"` }]);
  }
  try {
    await store.collection(DEPARTMENTS).insertOne({ _id: input.id, name: input.name, parent: input.parent ?? null });
  } catch (e) {
    if (e instanceof DuplicateKeyError) throw conflict('DEPARTMENT_EXISTS', `department "${input.id}" already exists`);
    throw e;
  }
  return { id: input.id, name: input.name, parent: input.parent ?? null };
}
