/**
 * (b) Create-record throughput through the HTTP API: `POST
 * /api/t/:tenant/records/opportunity` of the real server (save pipeline:
 * input gate, defaults, formulas, compiled record schema, lookup check,
 * insert, roll-ups, audit) against a hand-written route on the same fastify
 * instance that checks the body with one precompiled ajv schema and inserts
 * the same document into the same collection. Both sides are driven by
 * fastify `inject` with the same bodies and the same number in flight.
 */
import { Ajv } from 'ajv';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime/runtime.js';
import type { Doc } from '../runtime/store/port.js';
import { OWNERS, opportunityInput } from './generate.js';
import { check, fmtRate, fmtRatio, sideBySide, type SideResult } from './measure.js';
import { ENTITY } from './setup.js';

const RAW_ROUTE = '/bench/raw/:tenant/opportunity';

/** One fixed schema for the bodies the bench sends, compiled once. */
const validateInput = new Ajv({ allErrors: false }).compile({
  type: 'object',
  additionalProperties: false,
  required: ['name', 'account', 'closeDate', 'stage'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    account: { type: 'string', minLength: 1, maxLength: 64 },
    amount: { type: 'number', minimum: 0 },
    closeDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    stage: { enum: ['prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost'] },
    probability: { type: 'number', minimum: 0, maximum: 100 },
    type: { enum: ['new', 'upsell', 'renewal'] },
    source: { enum: ['website', 'referral', 'exhibition', 'coldCall', 'advertising', 'partner', 'socialMedia', 'other'] },
    owner: { enum: OWNERS },
  },
});

/** The hand-written side: validate, shape the stored document as the pipeline does, insert, answer 201. */
export function addRawRoute(app: FastifyInstance, runtime: Runtime): void {
  app.post<{ Params: { tenant: string }; Body: Record<string, unknown> }>(RAW_ROUTE, async (request, reply) => {
    const body = request.body;
    if (!validateInput(body)) return reply.status(422).send({ error: { code: 'INVALID', message: 'invalid', details: validateInput.errors } });
    const now = new Date();
    const amount = body.amount as number | undefined;
    const doc: Doc = {
      ...body,
      weightedAmount: amount === undefined ? null : (amount * ((body.probability as number | undefined) ?? 10)) / 100,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: null,
      updatedBy: null,
    };
    const id = await runtime.store.tenant(request.params.tenant).collection(`records.${ENTITY}`).insertOne(doc);
    return reply.status(201).send({ ...doc, _id: undefined, id, createdAt: now.toISOString(), updatedAt: now.toISOString() });
  });
}

export interface CreateRow {
  inFlight: number;
  perRound: number;
  results: SideResult[];
}

/** Sends `count` bodies starting at input `first`, keeping `inFlight` requests open; every answer must be 201. */
async function drive(app: FastifyInstance, url: string, first: number, count: number, inFlight: number, accounts: readonly string[], token: string): Promise<void> {
  let next = first;
  const end = first + count;
  const worker = async () => {
    while (next < end) {
      const i = next++;
      const res = await app.inject({ method: 'POST', url, payload: opportunityInput(i, accounts), headers: { authorization: `Bearer ${token}` } });
      check(res.statusCode === 201, `POST ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

export async function benchCreate(
  app: FastifyInstance,
  tenant: string,
  accounts: readonly string[],
  opts: { inFlight: number; perRound: number; rounds: number; warmup: number; firstInput: number; token: string },
): Promise<CreateRow> {
  const apiUrl = `/api/t/${tenant}/records/${ENTITY}`;
  const rawUrl = RAW_ROUTE.replace(':tenant', tenant);
  // Round r sends inputs firstInput + r*perRound …, the same bodies on both sides.
  const first = (round: number) => opts.firstInput + round * opts.perRound;
  const results = await sideBySide(
    [
      { name: 'API (save pipeline)', run: (r) => drive(app, apiUrl, first(r), opts.perRound, opts.inFlight, accounts, opts.token) },
      { name: 'hand-written route', run: (r) => drive(app, rawUrl, first(r), opts.perRound, opts.inFlight, accounts, opts.token) },
    ],
    opts,
  );
  return { inFlight: opts.inFlight, perRound: opts.perRound, results };
}

export function createRowCells(row: CreateRow): string[] {
  const [api, raw] = row.results;
  const rate = (ms: number) => (row.perRound * 1000) / ms;
  return [
    `${row.inFlight} in flight`,
    `${row.results[0].times.length}×${row.perRound}`,
    fmtRate(rate(api.median)),
    fmtRate(rate(raw.median)),
    fmtRatio(rate(raw.median) / rate(api.median)),
  ];
}
