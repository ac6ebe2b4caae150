import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OrgUnitView } from '../../../../common/contracts/orgunits';
import { normalizeName } from '../../../../common/orgnames';
import { useT } from '../../app/i18n';
import { ancestorCodes, buildForest, type OrgNode } from '../../components/orgTree';

interface Props {
  units: readonly OrgUnitView[];
  byCode: ReadonlyMap<string, OrgUnitView>;
  selected: string | null;
  onSelect: (code: string) => void;
}

function matches(unit: OrgUnitView, needle: string): boolean {
  if (!needle) return true;
  return unit.code.startsWith(needle) || [unit.name, ...unit.aliases].some((n) => normalizeName(n).includes(needle));
}

/** The top level, and the branch down to the selected unit. */
function initialExpanded(units: readonly OrgUnitView[], byCode: ReadonlyMap<string, OrgUnitView>, selected: string | null): string[] {
  const roots = units.filter((u) => !u.parentCode || !byCode.has(u.parentCode)).map((u) => u.code);
  return [...new Set([...roots, ...(selected ? ancestorCodes(selected, byCode) : [])])];
}

/** The hierarchy, filterable by name, alias or code; filtering keeps the ancestors of every hit. */
export function OrgUnitTree({ units, byCode, selected, onSelect }: Props) {
  const t = useT();
  const [filter, setFilter] = useState('');
  // Computed for the first render, so the tree appears open rather than animating open
  // (a half-faded node fails a contrast check).
  const [expanded, setExpanded] = useState<string[]>(() => initialExpanded(units, byCode, selected));
  const needle = normalizeName(filter);

  const { treeData, hitAncestors } = useMemo(() => {
    const hitAncestors = new Set<string>();
    const keep = (n: OrgNode): boolean => {
      const childKept = n.children.map(keep).some(Boolean);
      if (childKept) hitAncestors.add(n.unit.code);
      return childKept || matches(n.unit, needle);
    };
    const toData = (n: OrgNode): TreeDataNode => ({
      key: n.unit.code,
      title: (
        <span>
          {n.unit.name} <Typography.Text type="secondary">{n.unit.code}</Typography.Text>
          {n.unit.active ? null : (
            <Tag style={{ marginInlineStart: 6 }} variant="outlined">
              {t('org.inactive')}
            </Tag>
          )}
        </span>
      ),
      children: n.children.filter((c) => !needle || keep(c)).map(toData),
    });
    const forest = buildForest(units).filter((n) => !needle || keep(n));
    return { treeData: forest.map(toData), hitAncestors };
  }, [units, needle, t]);

  // Open the branch of whatever gets selected from elsewhere (a link, the resolver).
  useEffect(() => {
    setExpanded((prev) => {
      const next = [...new Set([...prev, ...initialExpanded(units, byCode, selected)])];
      return next.length === prev.length ? prev : next;
    });
  }, [units, byCode, selected]);

  // antd's Tree scrolls to a key only when virtual: bring the selected row into view inside the
  // tree's own scroll box (after the expand animation), without moving the page.
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      const list = boxRef.current?.querySelector<HTMLElement>('.ant-tree');
      const node = list?.querySelector('.ant-tree-treenode-selected');
      if (!list || !node) return;
      const offset = node.getBoundingClientRect().top - list.getBoundingClientRect().top;
      if (offset < 0 || offset > list.clientHeight - 32) list.scrollTop += offset - list.clientHeight / 2;
    }, 300);
    return () => clearTimeout(timer);
  }, [selected]);

  return (
    <div ref={boxRef}>
      <Input
        prefix={<SearchOutlined aria-hidden />}
        allowClear
        aria-label={t('org.filter')}
        placeholder={t('org.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        style={{ marginBottom: 12 }}
        data-testid="orgunit-filter"
      />
      {treeData.length === 0 ? (
        <Empty description={t('org.noFilterMatch')} />
      ) : (
        <Tree
          data-testid="orgunit-tree"
          aria-label={t('org.treeLabel')}
          treeData={treeData}
          expandedKeys={needle ? [...hitAncestors] : expanded}
          onExpand={(keys) => setExpanded(keys.map(String))}
          selectedKeys={selected ? [selected] : []}
          onSelect={(keys) => {
            const code = keys[0];
            if (code !== undefined) onSelect(String(code));
          }}
          style={{ maxHeight: '65vh', overflow: 'auto' }}
        />
      )}
    </div>
  );
}
