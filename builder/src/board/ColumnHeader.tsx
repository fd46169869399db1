/** A column's head: the stage, its record count, the sum of amounts and the weighted sum (amount × probability). */
import { Tooltip } from 'antd';
import type { StageSummary } from '../../../runtime/pipelines/summary.js';
import { formatCurrency } from '../../../runtime/ui/format.js';
import { localize } from '../../../runtime/ui/labels.js';
import { useRenderer } from '../../../runtime/ui/RendererContext.js';
import { useLocale } from '../i18n/LocaleContext.js';

export function ColumnHeader({ stage, color }: { stage: StageSummary; color?: string }) {
  const { locale, t } = useLocale();
  const { currency } = useRenderer();
  const money = (n: number) => formatCurrency(n, currency, locale, 0);
  return (
    <header className="sc-board-column-head" style={color ? { borderTopColor: color } : undefined}>
      <div className="sc-board-column-title">
        <span className="sc-board-column-label">{localize(stage.label, locale, stage.stage)}</span>
        <span className="sc-board-column-count">{t('columnCount', { count: stage.count })}</span>
        <Tooltip title={`${stage.probability}%`}><span className="sc-board-column-probability">{stage.probability}%</span></Tooltip>
      </div>
      {stage.amount !== null && (
        <div className="sc-board-column-sums sc-num">
          <span className="sc-board-column-amount">{money(stage.amount)}</span>
          {stage.weightedAmount !== null && <span className="sc-board-column-weighted">{t('columnWeighted', { amount: money(stage.weightedAmount) })}</span>}
        </div>
      )}
    </header>
  );
}
