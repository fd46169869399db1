/** The loaded tenant (settings, definitions, API, signed-in user) that every page of the app works in. */
import { createContext, useContext } from 'react';
import type { EntityDefinition } from '../../../schemas/entity.js';
import type { TenantApi } from '../api/tenantApi.js';
import type { AppManifest, EntityAction, Me } from '../api/types.js';

export interface TenantState {
  tenant: string;
  manifest: AppManifest;
  api: TenantApi;
  /** Who is signed in and what their roles allow. */
  me: Me;
  entity(name: string): EntityDefinition | undefined;
  /** Whether the user's roles grant `action` on `entity` for at least some records. */
  can(entity: string, action: EntityAction): boolean;
  /** Fields of `entity` the user's roles may see but not change. */
  readOnlyFields(entity: string): ReadonlySet<string>;
  /** Path of an entity's list, or of one record / a new one. */
  path(entity: string, record?: string): string;
  signOut(): Promise<void>;
  /** Calls `listener` after each write the server accepted from this app; returns the unsubscribe. */
  onWrite(listener: () => void): () => void;
}

export const TenantContext = createContext<TenantState | null>(null);

export function useTenant(): TenantState {
  const state = useContext(TenantContext);
  if (!state) throw new Error('useTenant outside TenantApp');
  return state;
}
