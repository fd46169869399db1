/** The loaded tenant (settings, definitions, API) that every page of the app works in. */
import { createContext, useContext } from 'react';
import type { EntityDefinition } from '../../../schemas/entity.js';
import type { TenantApi } from '../api/tenantApi.js';
import type { AppManifest } from '../api/types.js';

export interface TenantState {
  tenant: string;
  manifest: AppManifest;
  api: TenantApi;
  entity(name: string): EntityDefinition | undefined;
  /** Path of an entity's list, or of one record / a new one. */
  path(entity: string, record?: string): string;
}

export const TenantContext = createContext<TenantState | null>(null);

export function useTenant(): TenantState {
  const state = useContext(TenantContext);
  if (!state) throw new Error('useTenant outside TenantApp');
  return state;
}
