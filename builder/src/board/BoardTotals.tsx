/** The board's totals over all its stages: records, amount and weighted amount (the forecast). */
import { Space, Typography } from 'antd';
import { formatCurrency } from '../../../runtime/ui/format.js';
import { useRenderer } from '../../../runtime/ui/RendererContext.js';
import { useLocale } from '../i18n/LocaleContext.js';
import type { BoardState } from './boardState.js';

export function BoardTotals({ board }: { board: BoardState }) {
  const { locale, t } = useLocale();
  const { currency } = useRenderer();
  const stages = board.columns.map((c) => c.stage);
  const count = stages.reduce((n, s) => n + s.count, 0);
  const money = (pick: 'amount' | 'weightedAmount') =>
    formatCurrency(stages.reduce((n, s) => n + (s[pick] ?? 0), 0), currency, locale, 0);
  return (
    <Space size="large" wrap className="sc-board-totals sc-num">
      <Typography.Text type="secondary">{t('boardCount')} <Typography.Text strong>{count}</Typography.Text></Typography.Text>
      {board.amountField && (
        <>
          <Typography.Text type="secondary">{t('boardAmount')} <Typography.Text strong>{money('amount')}</Typography.Text></Typography.Text>
          <Typography.Text type="secondary">{t('boardWeighted')} <Typography.Text strong>{money('weightedAmount')}</Typography.Text></Typography.Text>
        </>
      )}
    </Space>
  );
}
