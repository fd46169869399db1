/**
 * What happens when a card is dropped on another column. A move the pipeline
 * lists and that needs nothing more is shown at once and sent; if the server
 * refuses it, the card goes back where it was and the server's reason shows.
 * A move that needs fields or checklist ticks opens the dialog first (also
 * when the server asks for them with a 422). A move the pipeline does not list
 * is still sent, so the user reads the server's reason. A stale version (409)
 * reloads the board; a record locked by a pending approval (409) says so.
 */
import { App } from 'antd';
import { useCallback, useState } from 'react';
import type { EntityDefinition, FieldDefinition } from '../../../schemas/entity.js';
import type { PipelineDefinition } from '../../../schemas/pipeline.js';
import { localize } from '../../../runtime/ui/labels.js';
import type { ErrorDetail, RecordData } from '../../../runtime/ui/types.js';
import { useLocale } from '../i18n/LocaleContext.js';
import { changedValues } from '../pages/recordChanges.js';
import { useTenant } from '../shell/TenantContext.js';
import { locate, moveCard, type BoardState } from './boardState.js';
import { moveRefusal } from './moveRefusal.js';
import type { TransitionAnswer } from './TransitionDialog.js';
import { needsDialog, transitionNeeds, type ChecklistItem } from './transitionNeeds.js';

export interface PendingMove {
  id: string;
  from: string;
  to: string;
  /** The card as it was when dropped, and where it was in its column. */
  record: RecordData;
  index: number;
  fields: FieldDefinition[];
  checklist: ChecklistItem[];
  errors: ErrorDetail[];
}

interface Options {
  entity: EntityDefinition;
  pipeline: PipelineDefinition;
  board: BoardState | undefined;
  setBoard: (update: (board: BoardState | undefined) => BoardState | undefined) => void;
  refreshSummary: () => Promise<void>;
  reload: () => void;
}

export function useStageMove({ entity, pipeline, board, setBoard, refreshSummary, reload }: Options) {
  const { api } = useTenant();
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<PendingMove | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());

  const stageLabel = useCallback((value: string) =>
    localize(pipeline.stages.find((s) => s.value === value)?.label, locale, value), [pipeline, locale]);
  const fieldsNamed = useCallback((names: readonly string[]) =>
    names.flatMap((n) => entity.fields.find((f) => f.name === n && !f.archived) ?? []), [entity]);

  const refused = useCallback((headline: string, reason: string) => {
    message.error({ content: <div className="sc-move-refused"><strong>{headline}</strong><div>{reason}</div></div>, duration: 6 });
  }, [message]);

  /** Sends the move; true when it was taken. Keeps the dialog in step with the answer. */
  const send = useCallback(async (move: PendingMove, answer: TransitionAnswer, optimistic: boolean): Promise<boolean> => {
    const { id, from, to, record, index } = move;
    const setBusyFor = (on: boolean) => setBusy((s) => {
      const next = new Set(s);
      if (on) next.add(id); else next.delete(id);
      return next;
    });
    setBusyFor(true);
    if (optimistic) setBoard((b) => b && moveCard(b, id, to, { ...record, ...answer.values }));
    try {
      const fields = changedValues(record, answer.values);
      const updated = await api.transition(entity.name, id, { to, fields, version: Number(record.version), checklist: answer.checklist });
      // Optimistic or not, the card ends in `to` as the server answered it (new version, computed fields).
      setBoard((b) => b && moveCard(b, id, to, updated));
      setDialog(null);
      message.success(t('moved', { stage: stageLabel(to) }));
      void refreshSummary().catch(() => undefined); // the sums were adjusted locally; the server's are exact
      return true;
    } catch (e) {
      if (optimistic) setBoard((b) => b && moveCard(b, id, from, record, index));
      const refusal = moveRefusal(e);
      setDialog(refusal.kind === 'askInput' ? {
        ...move,
        fields: fieldsNamed([...new Set([...move.fields.map((f) => f.name), ...transitionNeeds(pipeline, from, to).fields, ...refusal.fields])]),
        checklist: move.checklist.length || !refusal.checklist ? move.checklist : [...(pipeline.stages.find((s) => s.value === from)?.sopChecklist ?? [])],
        errors: refusal.details,
      } : null);
      switch (refusal.kind) {
        case 'askInput': break; // the dialog shows the server's details at the fields
        case 'locked': refused(t('approvalPendingRefused'), refusal.reason); break;
        case 'stale': message.warning(t('moveStale')); reload(); break;
        case 'gone': refused(t('moveInvalid', { to: stageLabel(to) }), refusal.reason); reload(); break;
        case 'forbidden':
          refused(t(refusal.notInPipeline ? 'moveNotInPipeline' : 'moveForbidden', { from: stageLabel(from), to: stageLabel(to) }), refusal.reason);
          break;
        default: refused(t('moveInvalid', { to: stageLabel(to) }), refusal.network ? t('networkError') : refusal.reason);
      }
      return false;
    } finally {
      setBusyFor(false);
    }
  }, [api, entity.name, pipeline, setBoard, refreshSummary, reload, message, t, stageLabel, fieldsNamed, refused]);

  /** A card dropped on column `to`. */
  const drop = useCallback((id: string, to: string) => {
    const found = board && locate(board, id);
    if (!found || found.column.stage.stage === to || busy.has(id)) return;
    const from = found.column.stage.stage;
    const needs = transitionNeeds(pipeline, from, to);
    const move: PendingMove = {
      id, from, to, record: found.record, index: found.column.items.indexOf(found.record),
      fields: fieldsNamed(needs.fields), checklist: needs.checklist, errors: [],
    };
    if (needs.transition && needsDialog(needs)) setDialog(move);
    else void send(move, { values: {}, checklist: [] }, needs.transition !== undefined);
  }, [board, busy, pipeline, fieldsNamed, send]);

  const submitDialog = useCallback(async (answer: TransitionAnswer) => {
    if (!dialog) return;
    setSubmitting(true);
    try {
      await send(dialog, answer, true);
    } finally {
      setSubmitting(false);
    }
  }, [dialog, send]);

  const cancelDialog = useCallback(() => setDialog(null), []);

  return { drop, dialog, submitting, submitDialog, cancelDialog, busy, stageLabel };
}
