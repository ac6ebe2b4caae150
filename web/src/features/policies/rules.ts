import { evaluate, parametersUsed } from '../../../../common/policies';
import type { PolicyVersion } from '../../api/policies';

export { parametersUsed };

/** Parameters of a version that are 待定 on a date (as the catalogue computes them). */
export function unsetParametersOn(v: Pick<PolicyVersion, 'rule' | 'parameters'>, date: string): string[] {
  return evaluate({ policyCode: '', version: 0, rule: v.rule, parameters: v.parameters, facts: {}, date }).unsetParameters;
}
