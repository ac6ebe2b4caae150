import { Tag } from 'antd';
import { useT } from '../app/i18n';

/** Marks a record generated as demo data, on every row and detail that shows one. Nothing when the record is real. */
export function DemoTag({ isDemo }: { isDemo: boolean }) {
  const t = useT();
  if (!isDemo) return null;
  // Solid dark purple with white text: clear contrast, and unlike any status colour.
  return (
    <Tag variant="solid" color="#531dab" title={t('demo.title')} data-testid="demo-tag" style={{ marginInlineStart: 8 }}>
      {t('demo.tag')}
    </Tag>
  );
}
