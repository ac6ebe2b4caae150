import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../common/enums';
import { formatMessage } from '../../app/formatMessage';
import type { TFunction } from '../../app/i18n';
import components from '../messages';
import { claimEventText } from './labels';

const tOf =
  (locale: Locale): TFunction =>
  (key, params) => {
    const entry = (components as Record<string, { zh: string; en: string }>)[key];
    if (!entry) throw new Error(`no message ${key}`);
    return formatMessage(locale === 'zh-CN' ? entry.zh : entry.en, params, locale);
  };

const id = '5f0c7d2e-1111-4a2b-9c3d-000000000001';

describe("a claim's event key in words (the key itself goes to the tooltip)", () => {
  it('names the policy and the register event that raised the claim', () => {
    const key = `high_tech_new|${id}|qualification.granted:${id}`;
    expect(claimEventText(key, '高新技术企业认定奖励', tOf('zh-CN'))).toBe('高新技术企业认定奖励 · 资质认定');
    expect(claimEventText(key, 'High-tech enterprise award', tOf('en-US'))).toBe('High-tech enterprise award — qualification granted');
    expect(claimEventText(`p|${id}|stats.approved:42`, 'P', tOf('zh-CN'))).toBe('P · 年度统计审核通过');
  });

  it("names an enterprise's own application by its reference", () => {
    const key = `rd_bonus|${id}|application:SQ-2026-7`;
    expect(claimEventText(key, '研发奖励', tOf('zh-CN'))).toBe('研发奖励 · 企业申请（申请编号 SQ-2026-7）');
    expect(claimEventText(key, 'R&D bonus', tOf('en-US'))).toBe('R&D bonus — application (reference SQ-2026-7)');
  });

  it('shows no uuid for a known event, and an unknown event part as it is', () => {
    expect(claimEventText(`p|${id}|patent.granted:${id}`, 'P', tOf('en-US'))).not.toContain(id);
    expect(claimEventText(`p|${id}|legacy:7`, 'P', tOf('en-US'))).toBe('P — legacy:7');
  });
});
