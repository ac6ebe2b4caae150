import { Tooltip } from 'antd';
import type { Locale } from '../../../../common/enums';
import type { BenchmarkIndicator, RankingRow } from '../../api/benchmarks';
import type { TFunction } from '../../app/i18n';
import { useI18n } from '../../app/i18n';
import { StatusTag } from '../../components/StatusTag';
import { fineDecimals, valueText } from './benchText';
import type { RankCheck } from './rankCheck';

/**
 * The computed and published figures of one unit, sentence by sentence: what was computed, what was
 * published, how each ranks, and why they can differ. Nothing is left out.
 */
export function checkSentences(
  row: RankingRow,
  check: RankCheck,
  ind: BenchmarkIndicator,
  ranked: number,
  t: TFunction,
  locale: Locale,
): string[] {
  const out: string[] = [];
  if (row.rank !== null) {
    out.push(t('bench.check.computed', { rank: row.rank, n: ranked, value: valueText(ind, row.value, locale, fineDecimals(ind)) }));
  }
  if (row.publishedValue !== null) {
    out.push(
      t(row.differsFromPublished ? 'bench.check.valueDiffers' : 'bench.check.valueMatches', {
        published: valueText(ind, row.publishedValue, locale),
      }),
    );
  }
  if (row.publishedValueRank !== null) {
    out.push(
      check.publishedTies > 1
        ? t('bench.check.publishedColumnTied', { rank: row.publishedValueRank, ties: check.publishedTies })
        : t('bench.check.publishedColumn', { rank: row.publishedValueRank }),
    );
  }
  if (row.publishedRank !== null) out.push(t('bench.check.publishedRank', { rank: row.publishedRank }));
  if (check.reasons.includes('rounding')) out.push(t('bench.check.why.rounding'));
  if (check.reasons.includes('scope')) out.push(t('bench.check.why.scope', { n: check.groupSize }));
  else if (check.reasons.includes('coverage')) out.push(t('bench.check.why.coverage', { n: ranked }));
  else if (check.reasons.includes('published_rank')) out.push(t('bench.check.why.publishedRank'));
  if (check.reasons.includes('value')) out.push(t('bench.check.why.value'));
  if (check.status === 'differs') out.push(t('bench.check.allShown'));
  return out;
}

/** "一致" or "有出入" with the sentences in a tooltip (and for screen readers); "—" when nothing is published. */
export function RankCheckTag({ row, check, ind, ranked }: { row: RankingRow; check: RankCheck; ind: BenchmarkIndicator; ranked: number }) {
  const { t, locale } = useI18n();
  if (check.status === 'none') return <span title={t('bench.check.nonePublished')}>—</span>;
  const text = checkSentences(row, check, ind, ranked, t, locale).join(t('bench.sentenceSep'));
  const status = t(check.status === 'match' ? 'bench.check.match' : 'bench.check.differs');
  return (
    <Tooltip title={text}>
      <span tabIndex={0} data-testid={`check-${row.unit}`} data-status={check.status}>
        <StatusTag tone={check.status === 'match' ? 'ok' : 'warn'}>{status}</StatusTag>
        <span className="kc-sr-only">{text}</span>
      </span>
    </Tooltip>
  );
}
