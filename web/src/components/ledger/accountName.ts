import type { AccountName } from '../../../../common/contracts/ledger';
import type { TFunction } from '../../app/i18n';
import { fundSourceText } from '../claims/labels';

/**
 * A ledger account's name in the reader's language, from the codes and parameters the server sends (issue #13):
 * the fiscal year, the fund source, the policy (by code unless `policyName` names it) or the unit funded, the
 * payable's holder. Needs the ledger dictionary (features/ledger/messages.ts).
 */
export function accountNameText(name: AccountName, t: TFunction, policyName: (code: string) => string = (code) => code): string {
  if (name.kind === 'payable') return t('ledger.name.payable', { holder: name.holder ?? '—' });
  const period = { year: name.year ?? '—', source: fundSourceText(name.source, t) };
  switch (name.kind) {
    case 'funding':
      return name.unitCode ? t('ledger.name.fundingOf', { ...period, unit: name.unitCode }) : t('ledger.name.funding', period);
    case 'budget':
      return t('ledger.name.budget', { ...period, policy: name.policyCode ? policyName(name.policyCode) : '—' });
    case 'paid':
      return name.policyCode ? t('ledger.name.paidOf', { ...period, policy: policyName(name.policyCode) }) : t('ledger.name.paid', period);
  }
}
