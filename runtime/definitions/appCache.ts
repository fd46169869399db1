/**
 * Compiled apps keyed by tenant and published version. Each request asks the
 * store for the latest version number (an index hit) and compiles only when a
 * newer version has been published — by this process or any other.
 */
import type { TenantStore } from '../store/port.js';
import { compileApp } from './compileApp.js';
import type { CompiledApp } from './compiledTypes.js';
import { DefinitionRepository } from './repository.js';

export class AppCache {
  private readonly compiled = new Map<string, Promise<CompiledApp>>();

  async get(store: TenantStore): Promise<CompiledApp> {
    const repo = new DefinitionRepository(store);
    const version = await repo.latestVersion();
    const key = `${store.tenant}@${version}`;
    let app = this.compiled.get(key);
    if (!app) {
      app = (async () => compileApp(version, version ? ((await repo.getVersion(version))?.definitions ?? []) : []))();
      // Older versions of this tenant are no longer needed by new requests.
      for (const k of this.compiled.keys()) if (k.startsWith(`${store.tenant}@`)) this.compiled.delete(k);
      this.compiled.set(key, app);
      app.catch(() => this.compiled.delete(key));
    }
    return app;
  }
}
