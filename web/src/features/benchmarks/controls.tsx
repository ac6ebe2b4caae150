import { useQuery } from '@tanstack/react-query';
import { Form, Select, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { benchmarkIndicatorsQuery, peerGroupsQuery } from '../../api/benchmarks';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';
import { nameOf } from './benchText';
import { benchSearch, benchYears, type BenchParams } from './useBenchParams';

const PAGES: { key: string; path: string; labelKey: MessageKey }[] = [
  { key: 'ranking', path: '/benchmarks', labelKey: 'bench.tab.ranking' },
  { key: 'compare', path: '/benchmarks/compare', labelKey: 'bench.tab.compare' },
  { key: 'profile', path: '/benchmarks/profile', labelKey: 'bench.tab.profile' },
  { key: 'index', path: '/benchmarks/index', labelKey: 'bench.tab.index' },
];

/** The benchmarking pages as tabs; the year and peer group go along. */
export function BenchTabs({ params }: { params: Partial<BenchParams> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = [...PAGES].reverse().find((p) => pathname === p.path || pathname.startsWith(`${p.path}/`)) ?? PAGES[0]!;
  return (
    <Tabs
      activeKey={active.key}
      aria-label={t('bench.tabs')}
      onChange={(key) => {
        const page = PAGES.find((p) => p.key === key)!;
        void navigate(`${page.path}${benchSearch({ year: params.year, group: params.group })}`);
      }}
      items={PAGES.map((p) => ({ key: p.key, label: <span data-testid={`bench-tab-${p.key}`}>{t(p.labelKey)}</span> }))}
      style={{ marginBottom: 8 }}
    />
  );
}

/** Inline filter bar; each control is labelled. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
      {children}
    </Form>
  );
}

export function IndicatorSelect({ id, value, onChange }: { id: string; value: string; onChange: (code: string) => void }) {
  const { t, locale } = useI18n();
  const inds = useQuery(benchmarkIndicatorsQuery());
  return (
    <Form.Item label={t('bench.indicator')} htmlFor={id}>
      <Select<string>
        id={id}
        value={value}
        loading={inds.isPending}
        options={(inds.data ?? []).map((i) => ({ value: i.code, label: nameOf(i, locale) }))}
        onChange={onChange}
        style={{ width: 260 }}
        data-testid={id}
      />
    </Form.Item>
  );
}

export function YearSelect({ id, value, onChange }: { id: string; value: number; onChange: (year: number) => void }) {
  const { t } = useI18n();
  return (
    <Form.Item label={t('filters.year')} htmlFor={id}>
      <Select<number>
        id={id}
        value={value}
        options={benchYears().map((y) => ({ value: y, label: t('filters.yearOption', { year: y }) }))}
        onChange={onChange}
        style={{ width: 120 }}
        data-testid={id}
      />
    </Form.Item>
  );
}

export function GroupSelect({ id, value, onChange }: { id: string; value: string; onChange: (code: string) => void }) {
  const { t, locale } = useI18n();
  const groups = useQuery(peerGroupsQuery());
  return (
    <Form.Item label={t('bench.group')} htmlFor={id}>
      <Select<string>
        id={id}
        value={value}
        loading={groups.isPending}
        options={(groups.data ?? []).map((g) => ({
          value: g.code,
          label: g.builtIn ? nameOf(g, locale) : t('bench.group.customName', { name: nameOf(g, locale) }),
        }))}
        onChange={onChange}
        style={{ width: 240 }}
        data-testid={id}
      />
    </Form.Item>
  );
}
