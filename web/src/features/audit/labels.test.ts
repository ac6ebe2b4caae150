import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from '../../../../common/values/audit';
import { formatMessage } from '../../app/formatMessage';
import type { TFunction } from '../../app/i18n';
import { registerMessages, type Entry } from '../../app/messages';
import audit from './messages';
import { actionLabel, entityLabel } from './labels';

registerMessages(audit);
const dictionary: Record<string, Entry> = audit;
const t: TFunction = (key, params) => formatMessage(dictionary[key]?.zh ?? key, params, 'zh-CN');

describe('audit log words', () => {
  it.each([
    ['action', AUDIT_ACTIONS],
    ['entity', AUDIT_OBJECT_TYPES],
  ] as const)('every %s the server writes has a name in both languages', (kind, codes) => {
    const missing = codes.filter((c) => !dictionary[`audit.${kind}.${c}`]?.zh || !dictionary[`audit.${kind}.${c}`]?.en);
    expect(missing).toEqual([]);
  });

  it('shows the word, not the code, and an unknown code as stored', () => {
    expect(actionLabel('transfer', t)).toBe('调剂资金');
    expect(actionLabel('in_notice', t)).toBe('进入公示');
    expect(entityLabel('policy_version', t)).toBe('政策版本');
    expect(actionLabel('load_demo', t)).toBe('载入演示数据');
    expect(actionLabel('something_new', t)).toBe('something_new');
  });
});
