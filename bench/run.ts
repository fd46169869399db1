/**
 * `npm run bench`: Stagecraft against hand-written baselines, side by side in
 * one run (absolute times on a shared machine mislead; ratios hold up better).
 *
 *   (a) list page: stage + owner filter, sort by close date, page 3 of 50,
 *       at two sizes of one tenant's opportunities;
 *   (b) create-record throughput through the HTTP API;
 *   (c) sum of amount by owner and month in Asia/Shanghai;
 *   (d) scheduler throughput: due jobs per second, 1 vs 4 instances on one store;
 *   (e) the cost of a save with 50 active workflows on the entity vs none;
 *   (f) first-load JavaScript (gzip) of the app shell and of /builder, from the Vite build;
 *   (g) /builder → interactive form designer in headless Chromium, 200-field entity vs the account form.
 *
 * BENCH_SCALE=small runs 10k / 100k records instead of 100k / 1M. The store
 * lives in a temporary DATA_DIR that is removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { Runtime } from '../runtime/runtime.js';
import { openStore } from '../runtime/store/open.js';
import type { Doc, Store } from '../runtime/store/port.js';
import { build } from '../server/app.js';
import { aggregateRowCells, benchAggregate, VARIANTS, type AggregateRow, type Variant } from './aggregate.js';
import { addRawRoute, benchCreate, createRowCells, type CreateRow } from './createThroughput.js';
import { ACCOUNT_COUNT, generateAccounts, generateOpportunities, OWNERS } from './generate.js';
import { UserDirectory } from '../runtime/identity/users.js';
import type { FastifyInstance } from 'fastify';
import { benchListQuery, listRowCells, PAGE, PAGE_SIZE, type ListRow } from './listQuery.js';
import { BenchCheckError, check, fmtCount, fmtRate, heading, memoryMb, table } from './measure.js';
import { benchScheduler, schedulerHeader, schedulerRowCells, type SchedulerRow } from './scheduler.js';
import { benchWorkflowSave, workflowSaveCells, workflowSaveHeader } from './workflowSave.js';
import { benchBuilderLoad, builderLoadTable } from './builderLoad.js';
import { bundleTable } from './bundleSize.js';
import { bulkInsert, checkGeneratedShape, createBenchTenant, ENTITY, LIST_INDEX, TEMPLATES_DIR, TIME_ZONE } from './setup.js';

interface Scale {
  name: string;
  listSizes: number[];
  listRounds: number;
  aggregateRounds: number;
  aggregateBudgetMs: number;
  createPerRound: number;
  createRounds: number;
}

const SCALES: Record<string, Scale> = {
  small: { name: 'small', listSizes: [10_000, 100_000], listRounds: 15, aggregateRounds: 5, aggregateBudgetMs: 20_000, createPerRound: 300, createRounds: 5 },
  full: { name: 'full', listSizes: [100_000, 1_000_000], listRounds: 21, aggregateRounds: 5, aggregateBudgetMs: 60_000, createPerRound: 1000, createRounds: 5 },
};

const HEAP_MB = 12_288;

/** 1M documents in a JS array next to the store's own copies need more than Node's default heap: re-run with a larger one. */
function ensureHeap(): void {
  if (getHeapStatistics().heap_size_limit >= (HEAP_MB - 512) * 2 ** 20) return;
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

async function main(): Promise<void> {
  const scale = SCALES[process.env.BENCH_SCALE ?? 'full'];
  if (!scale) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
  const started = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'stagecraft-bench-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('SIGINT', () => {
    removeDataDir();
    process.exit(130);
  });

  console.log(`Stagecraft bench — scale ${scale.name}, node ${process.version}, ${availableParallelism()} CPUs, heap limit ${Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)} MiB`);
  console.log(`DATA_DIR ${dataDir} (embedded store, removed at the end)`);
  console.log('Each table row is measured side by side in this run: rounds alternate the sides, numbers are medians.');

  let store: Store | undefined;
  const listRows: ListRow[] = [];
  const aggregateRows: AggregateRow[] = [];
  const createRows: CreateRow[] = [];
  let aggregateSize = '';
  try {
    store = await openStore({ dataDir });
    const runtime = new Runtime(store);

    // ---- one tenant with many opportunities: (a) and (c) -----------------------------
    // Both tenants are installed up front, from the template as it is when the run starts.
    const readTenant = 'bench-read';
    const writeTenant = 'bench-write';
    const setup = await createBenchTenant(runtime, readTenant);
    await createBenchTenant(runtime, writeTenant);
    console.log(`template: ${setup.note}`);
    console.log(`index {${LIST_INDEX.join(', ')}} on ${ENTITY}: ${setup.indexAdded ? 'added by the bench (published as a new version)' : 'already in the template'}`);
    const ctx = await runtime.context(readTenant, { user: null, channel: 'api' });
    const entity = ctx.app.entities.get(ENTITY);
    check(entity, `no compiled entity ${ENTITY}`);
    const collection = ctx.store.collection(entity.collection);
    await bulkInsert(ctx.store.collection(ctx.app.entities.get('account')!.collection), generateAccounts());

    let docs: Doc[] = [];
    heading(`(a) list query: {stage, owner}, sort closeDate, page ${PAGE} of ${PAGE_SIZE}`);
    for (const size of scale.listSizes) {
      const t0 = performance.now();
      const fresh = generateOpportunities(docs.length, size);
      if (docs.length === 0) checkGeneratedShape(entity, fresh.slice(0, 2000));
      const t1 = performance.now();
      // Loaded in chunks of a tenth of the largest size, to show how insert speed changes as the collection grows.
      const chunk = Math.max(...scale.listSizes) / 10;
      const rates: string[] = [];
      for (let i = 0; i < fresh.length; i += chunk) {
        const c0 = performance.now();
        const part = fresh.slice(i, i + chunk);
        await bulkInsert(collection, part);
        rates.push(fmtRate((part.length * 1000) / (performance.now() - c0)).replace('/s', ''));
      }
      const t2 = performance.now();
      docs = docs.concat(fresh);
      check((await collection.count({})) === size, `the store holds ${await collection.count({})} opportunities, expected ${size}`);
      console.log(
        `loaded ${fmtCount(size)} opportunities (+${fmtCount(fresh.length)}: generated in ${((t1 - t0) / 1000).toFixed(1)} s, ` +
          `insertMany in batches of 5000: ${((t2 - t1) / 1000).toFixed(1)} s = ${fmtRate((fresh.length * 1000) / (t2 - t1))}` +
          `${rates.length > 1 ? `; per ${fmtCount(chunk)} as the collection grows: ${rates.join(', ')} docs/s` : ''}); ${memoryMb()}`,
      );
      const row = await benchListQuery(ctx, collection, docs, { rounds: scale.listRounds, warmup: 2 });
      listRows.push(row);
      console.log(table(listHeader, [listRowCells(row)]));
    }

    heading(`(c) sum(amount) by owner × month (${TIME_ZONE}) over ${fmtCount(docs.length)} opportunities`);
    aggregateSize = fmtCount(docs.length);
    for (const variant of Object.keys(VARIANTS) as Variant[]) {
      const row = await benchAggregate(collection, docs, variant, { rounds: scale.aggregateRounds, warmup: 0, budgetMs: scale.aggregateBudgetMs });
      aggregateRows.push(row);
      console.log(table(aggregateHeader, [aggregateRowCells(row, aggregateSize)]));
    }
    console.log('totals, counts and groups of the store equal the JS loop (to the cent) ✓');
    docs = [];
    await ctx.store.dropCollection(entity.collection);

    // ---- (b) create through HTTP, on a fresh tenant -----------------------------------
    heading('(b) create opportunity through HTTP (fastify inject)');
    const accounts = generateAccounts();
    await bulkInsert(store.tenant(writeTenant).collection('records.account'), accounts);
    const app = await build({ runtime, templatesDir: TEMPLATES_DIR });
    addRawRoute(app, runtime);
    await app.ready();
    // The API needs a signed-in user; the records' owners must be people of the tenant.
    const token = await signInBenchAdmin(app, store, writeTenant);
    try {
      const accountIds = accounts.slice(0, ACCOUNT_COUNT).map((a) => String(a._id));
      let firstInput = 0;
      for (const inFlight of [1, 16]) {
        const opts = { inFlight, perRound: scale.createPerRound, rounds: scale.createRounds, warmup: 1, firstInput, token };
        const row = await benchCreate(app, writeTenant, accountIds, opts);
        firstInput += (opts.rounds + opts.warmup) * opts.perRound;
        createRows.push(row);
        console.log(table(createHeader, [createRowCells(row)]));
      }
      const stored = await store.tenant(writeTenant).collection(`records.${ENTITY}`).count({});
      check(stored === 2 * firstInput, `the store holds ${stored} created opportunities, expected ${2 * firstInput}`);
    } finally {
      await app.close();
    }

    const schedulerRows: SchedulerRow[] = await benchScheduler(store, { jobs: scale.name === 'small' ? 1000 : 2000 });
    const workflowRow = await benchWorkflowSave(runtime, { saves: 20, rounds: scale.name === 'small' ? 5 : 9 });
    const builder = await benchBuilderLoad({ rounds: scale.name === 'small' ? 3 : 7 });

    heading('summary');
    console.log(`(a) list page, ratio = Stagecraft time / JS time (lower is better; < 1 means faster than the JS scan)`);
    console.log(table(listHeader, listRows.map(listRowCells)));
    console.log(`\n(b) creates per second, ratio = hand-written / API (how many times faster the bare route is)`);
    console.log(table(createHeader, createRows.map(createRowCells)));
    console.log(`\n(c) aggregation, ratio = store time / JS time`);
    console.log(table(aggregateHeader, aggregateRows.map((r) => aggregateRowCells(r, aggregateSize))));
    console.log(`\n(d) scheduler, due jobs per second, ratio = 4 instances / 1 (one embedded store: measures claim contention, not scaling)`);
    console.log(table(schedulerHeader, schedulerRows.map(schedulerRowCells)));
    console.log(`\n(e) time per save, ratio = with 50 workflows / with none`);
    console.log(table(workflowSaveHeader, [workflowSaveCells(workflowRow)]));
    console.log(`\n(f) first-load JavaScript, gzip`);
    console.log(bundleTable(builder.bundles));
    console.log(`\n(g) open /builder → form designer interactive (every field on the canvas, the first focusable), headless Chromium`);
    console.log(builderLoadTable(builder.rows));
    console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function signInBenchAdmin(app: FastifyInstance, store: Store, tenant: string): Promise<string> {
  const users = new UserDirectory(store.tenant(tenant));
  for (const id of OWNERS) await users.create({ id, email: `${id}@bench.local`, name: id, password: 'bench-password', roles: ['rep'] });
  await users.create({ id: 'benchadmin', email: 'admin@bench.local', name: 'Bench admin', password: 'bench-password', roles: ['admin'] });
  const res = await app.inject({ method: 'POST', url: `/api/t/${tenant}/auth/login`, payload: { email: 'admin@bench.local', password: 'bench-password' } });
  check(res.statusCode === 200, `bench sign-in answered ${res.statusCode}: ${res.body}`);
  return res.json().token as string;
}

const listHeader = ['opportunities', 'rounds', 'listRecords', 'store find+count', 'JS filter+sort', 'listRecords/JS', 'find+count/JS'];
const aggregateHeader = ['data, month expression', 'groups', 'rounds', 'store aggregate', 'JS loop', 'store/JS'];
const createHeader = ['load', 'rounds×creates', 'API (save pipeline)', 'hand-written route', 'hand/API'];

ensureHeap();
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof BenchCheckError ? `\n${e.message}` : e);
    process.exit(1);
  },
);
