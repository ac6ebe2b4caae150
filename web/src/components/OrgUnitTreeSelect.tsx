import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import type { TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { orgUnitsQuery } from '../api/orgunits';
import { useT } from '../app/i18n';
import { buildForest, subtreeCodes, type OrgNode } from './orgTree';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

type Props = Omit<TreeSelectProps<string>, 'treeData' | 'onChange' | 'value'> & {
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** Units that may not be chosen (e.g. a unit and its subtree as its own parent). */
  disabledCodes?: ReadonlySet<string>;
  /** Only this unit and what lies below it (e.g. a plan's region). */
  within?: string;
  'data-testid'?: string;
};

/** Picks one org unit from the hierarchy; searchable by name or code. */
export function OrgUnitTreeSelect({ value, onChange, disabledCodes, within, ...rest }: Props) {
  const t = useT();
  const { data, isPending } = useQuery(orgUnitsQuery());
  const { treeData, roots } = useMemo(() => {
    const toOption = (n: OrgNode): TreeOption => ({
      value: n.unit.code,
      title: `${n.unit.name} ${n.unit.code}`,
      disabled: disabledCodes?.has(n.unit.code) ?? false,
      children: n.children.map(toOption),
    });
    const all = data?.items ?? [];
    const inside = within ? subtreeCodes(within, all) : null;
    const forest = buildForest(inside ? all.filter((u) => inside.has(u.code)) : all);
    return { treeData: forest.map(toOption), roots: forest.map((n) => n.unit.code) };
  }, [data, disabledCodes, within]);

  return (
    <TreeSelect<string>
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeData={treeData}
      loading={isPending}
      treeDefaultExpandedKeys={roots}
      notFoundContent={isPending ? t('common.loading') : undefined}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      style={{ width: '100%' }}
      {...rest}
    />
  );
}
