import { describe, expect, it } from 'vitest';
import * as audit from '../../../common/values/audit';
import * as benchmarks from '../../../common/values/benchmarks';
import * as files from '../../../common/values/files';
import * as ledger from '../../../common/values/ledger';
import * as orgunits from '../../../common/values/orgunits';
import * as plans from '../../../common/values/plans';
import * as policies from '../../../common/values/policies';
import * as projects from '../../../common/values/projects';
import * as registry from '../../../common/values/registry';
import * as review from '../../../common/values/review';
import { DICTIONARIES } from './dictionaries';
import { shellMessages, type Entry } from './messages';

/** Every value list of common/values, by file: the test fails on a list it does not know. */
const MODULES = { audit, benchmarks, files, ledger, orgunits, plans, policies, projects, registry, review };

/** Every string of the web: the shell's and every feature dictionary's. */
const entries = new Map<string, Entry>(Object.entries(shellMessages));
for (const load of Object.values(DICTIONARIES)) for (const [k, e] of Object.entries((await load()).default)) entries.set(k, e);

type KeyOf = string | ((value: string) => string);

/** The lists the web shows as words, and the message key of each value (a prefix, or a function where it is not one). */
const LABELLED: Record<string, KeyOf> = {
  'audit.AUDIT_ACTIONS': 'audit.action.',
  'audit.AUDIT_OBJECT_TYPES': 'audit.entity.',
  'benchmarks.AGGREGATION_METHODS': 'bench.agg.',
  'benchmarks.DIRECTIONS': (v) => (v === '-1' ? 'bench.direction.down' : 'bench.direction.up'),
  'benchmarks.IMPUTATION_METHODS': 'bench.imp.',
  'benchmarks.NORMALISATION_METHODS': 'bench.norm.',
  'benchmarks.OUTLIER_TREATMENTS': 'bench.index.treatment.',
  'benchmarks.STATS_IMPORT_ROW_STATUSES': 'statsImport.status.',
  'ledger.ACCOUNT_KINDS': 'ledger.accountKind.',
  'ledger.BUDGET_DECISIONS': 'ledger.requests.',
  'ledger.BUDGET_REQUEST_STATUSES': 'ledger.requests.status.',
  'ledger.TRANSFER_KINDS': 'ledger.kind.',
  'orgunits.MATCH_KINDS': 'org.match.',
  'plans.DIRECTIONS': 'direction.',
  'plans.PLAUSIBILITY_CODES': 'entry.warn.',
  'plans.PROGRESS_METHODS': 'progress.method.',
  'plans.PROGRESS_STATUSES': 'status.',
  'plans.SHARE_BASES': 'share.basis.',
  'plans.SHARE_CLIPS': 'share.clipped.',
  'plans.STATEMENT_KINDS': 'statement.',
  'plans.VALUE_SOURCES': 'value.source.',
  'plans.VALUE_STATUSES': 'value.status.',
  'plans.VERDICT_OUTCOMES': 'verdict.',
  'policies.ALIVE_CLAIM_STATUSES': 'claim.status.',
  'policies.AMOUNT_MESSAGE_CODES': 'policyMsg.',
  'policies.CLAIM_STATUSES': 'claim.status.',
  'policies.CLAIM_STEPS': 'claim.step.',
  'policies.CLOSED_CLAIM_STATUSES': 'claim.status.',
  'policies.CONDITION_CODES': 'policyCond.',
  'policies.CONDITION_OUTCOMES': 'pol.outcome.',
  'policies.ELIGIBILITIES': 'pol.elig.',
  'policies.OBJECTION_RESOLUTIONS': 'objection.status.',
  'policies.OBJECTION_STATUSES': 'objection.status.',
  'policies.POLICY_EVENTS': 'policyEvent.',
  'policies.POLICY_MESSAGE_CODES': 'policyMsg.',
  'policies.VERSION_DECISIONS': 'audit.action.',
  'policies.VERSION_STATUSES': 'pol.version.',
  'projects.AGGREGATIONS': 'proj.aggregation.',
  'projects.APPLICATION_STATUSES': 'proj.appStatus.',
  'projects.CALL_KINDS': 'proj.kind.',
  'projects.CALL_STATUSES': 'proj.callStatus.',
  'projects.CONFLICT_SOURCES': 'proj.conflictSource.',
  'projects.CONFLICT_STATUSES': 'proj.conflictStatus.',
  'projects.CONFLICT_TYPES': 'proj.conflictType.',
  'projects.FIELD_TYPES': 'proj.fieldType.',
  'projects.FORMAL_CHECK_DECISIONS': 'proj.formal.',
  'projects.FUNDING_MODES': 'proj.fundingMode.',
  'projects.FUND_SOURCES': 'ledger.source.',
  'projects.LISTED_APPLICATION_STATUSES': 'proj.appStatus.',
  'projects.OBJECTION_SOURCES': 'pnotice.source.',
  'projects.OBJECTION_STATUSES': 'objection.status.',
  'projects.PAYMENT_CONDITIONS': 'proj.paymentCondition.',
  'projects.PAYMENT_KINDS': 'proj.paymentKind.',
  'projects.PAYMENT_STATUSES': 'proj.paymentStatus.',
  'projects.PUBLISHED_CALL_STATUSES': 'proj.callStatus.',
  'projects.REPORT_KINDS': 'proj.reportKind.',
  'projects.REPORT_STATUSES': 'proj.reportStatus.',
  'projects.REVIEW_STATUSES': 'review.status.',
  'projects.TEAM_GAPS': 'my.team.',
  'registry.IMPORT_KINDS': 'regImport.kind.',
  'registry.IMPORT_MESSAGE_CODES': 'regImport.code.',
  'registry.IMPORT_PROBLEMS': 'regImport.problem.',
  'registry.PATENT_STATUSES': 'patent.status.',
  'registry.PATENT_TYPES': 'patent.type.',
  'registry.PLATFORM_CATEGORIES': 'plat.category.',
  'registry.PLATFORM_LEVELS': 'plat.level.',
  'registry.REGISTRY_EVENT_KINDS': 'policyEvent.',
  'registry.SIZE_CLASSES': 'size.',
  'registry.STATS_STATUSES': 'stats.status.',
  'registry.STAT_FIELDS': 'stats.',
  'review.AGGREGATION_METHODS': 'proj.method.',
  'review.CENTRAL_VALUE_NOTES': 'proj.scores.note.',
  'review.CONFLICT_FINDINGS': 'proj.conflicts.finding.',
  'review.CONFLICT_PARTIES': 'proj.conflicts.party.',
  'review.DRAW_KINDS': 'draws.kind.',
  'review.LIVE_REVIEW_STATUSES': 'review.status.',
  'review.PANEL_STAGES': 'panel.stage.',
  'review.REVIEW_STAGES': 'panel.stage.',
  'review.THRESHOLD_FAILURES': 'panel.failure.',
};

/** Lists the web does not show as a word from its dictionaries, each with the reason. */
const EXCLUDED: Record<string, string> = {
  'projects.ATTACHMENT_TYPES': 'media types (MIME), shown as file extensions',
  'plans.AGGREGATIONS': 'how a data element rolls up: a server rule, not shown in the web',
  'plans.COMPARATORS': 'shown as the signs ≥ ≤ (components/format.ts COMPARATOR_SIGNS), not words',
  'policies.CONDITION_OPS': 'worded with their operands by components/policies/conditionText.ts (signs and sentences)',
  'policies.REQUIREMENT_OPS': 'worded with their operands by components/policies/conditionText.ts (signs and sentences)',
  'policies.PARAMETER_UNITS': 'fen and percent: the amount is formatted as money or a percentage, the unit is not named',
  'policies.ADJUSTMENT_KINDS': 'an adjustment is worded by its message code (policyMsg.*, AMOUNT_MESSAGE_CODES)',
  'review.REVIEW_POLICY_ERRORS': 'error codes, worded by the server (common/messages/errors/review.ts)',
  'review.SWAP_SKIP_REASONS': 'worded in both languages by common/review/skips.ts skipText (with their parameters)',
  'review.CONSENSUS_STATES': 'decides whether the record-consensus button shows; the status tag says 协商定分 itself',
};

const lists = Object.entries(MODULES).flatMap(([file, mod]) =>
  Object.entries(mod).flatMap(([name, value]) => (Array.isArray(value) ? [[`${file}.${name}`, value as readonly unknown[]] as const] : [])),
);

describe('every value the web shows is a word in both languages', () => {
  it('each value list of common/values is either labelled here or excluded with a reason', () => {
    const unknown = lists.map(([name]) => name).filter((name) => !(name in LABELLED) && !(name in EXCLUDED));
    expect(unknown).toEqual([]);
    const stale = [...Object.keys(LABELLED), ...Object.keys(EXCLUDED)].filter((name) => !lists.some(([n]) => n === name));
    expect(stale).toEqual([]);
  });

  it.each(lists.filter(([name]) => name in LABELLED))('%s: every value has a zh-CN and an English label', (name, values) => {
    const keyOf = LABELLED[name]!;
    const missing = values
      .map((v) => (typeof keyOf === 'string' ? `${keyOf}${String(v)}` : keyOf(String(v))))
      .filter((key) => !entries.get(key)?.zh.trim() || !entries.get(key)?.en.trim());
    expect(missing).toEqual([]);
  });
});
