/**
 * Defaults of a call's panel and notice parameters (issue #7), as data the contract fills into every new call:
 * the mid-term check may be decided by the bureau alone (a panel is optional); acceptance needs a finished expert
 * panel; each panel has three experts; the approval list stays on public notice at least five days.
 */
export interface PanelRule {
  /** The bureau may not approve the report without a finished panel. */
  required: boolean;
  /** Experts on the panel. */
  experts: number;
}

export const DEFAULT_PANEL_RULES: { midterm: PanelRule; acceptance: PanelRule } = {
  midterm: { required: false, experts: 3 },
  acceptance: { required: true, experts: 3 },
};

export const DEFAULT_NOTICE_MIN_DAYS = 5;
