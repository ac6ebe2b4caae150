import {
  evaluateTechSme,
  highTechPrecheck,
  ipClass,
  rankPipeline,
  type HighTechPrecheck,
  type TechSmeEvaluation,
} from '../../../common/registry/index.js';
import type { Db } from '../../platform/db.js';
import * as repo from './registry.repo.js';
import { isValidOn } from './validity.js';

export interface Prechecks {
  date: string;
  highTech: HighTechPrecheck;
  techSme: TechSmeEvaluation;
  /** Facts the register does not hold and a person must judge (shown as "unknown" conditions). */
  fromRegister: { statsYears: number[]; validInventions: number; validClassII: number; hasHighTechCertificate: boolean };
}

/** Prechecks of one enterprise on a date, from what the register holds: its annual figures, patents and certificates. */
export async function prechecksFor(db: Db, enterpriseId: string, date: string): Promise<Prechecks> {
  const [e, stats, quals, owned] = await Promise.all([
    repo.findEnterprise(db, enterpriseId),
    repo.statsOf(db, enterpriseId),
    repo.qualificationsOf(db, { enterpriseIds: [enterpriseId] }),
    repo.patentsOf(db, { enterpriseIds: [enterpriseId] }),
  ]);
  const valid = owned
    .map((r) => r.p)
    .filter((p) => p.status === 'granted' && p.grantedOn !== null && p.grantedOn <= date && p.expiresOn >= date);
  const inventions = valid.filter((p) => p.type === 'invention').length;
  const classII = valid.filter((p) => ipClass(p.type as 'invention' | 'utility_model' | 'design') === 'II').length;
  const year = Number(date.slice(0, 4));
  const last = stats.filter((s) => s.year < year).at(-1);
  const hasHighTech = quals.some((q) => q.q.typeCode === 'high_tech' && isValidOn(q.q, date));
  const highTech = highTechPrecheck({
    registrationDate: e?.foundedOn ?? null,
    assessmentDate: date,
    coreIp: { count: valid.length, hasInvention: inventions > 0 },
    inKeySupportedField: null,
    averageEmployees: last?.avgEmployees ?? null,
    stStaff: last?.stStaff ?? null,
    fiscalYears: stats.map((s) => ({
      year: s.year,
      sales: s.revenue,
      rdExpense: s.rdExpense,
      rdExpenseInChina: s.rdExpenseDomestic,
      netAssets: s.netAssets,
    })),
    lastYearHighTechRevenue: last?.highTechRevenue ?? null,
    lastYearTotalRevenue: last?.revenue ?? null,
    noMajorIncident: null,
  });
  const techSme = evaluateTechSme({
    employees: last?.avgEmployees ?? null,
    stStaff: last?.stStaff ?? null,
    sales: last?.revenue ?? null,
    totalAssets: last?.totalAssets ?? null,
    rdExpense: last?.rdExpense ?? null,
    totalCost: last?.totalCost ?? null,
    ip: { classI: inventions, classII },
    noSeriousViolation: null,
    direct: { high_tech_certificate: hasHighTech },
  });
  return {
    date,
    highTech,
    techSme,
    fromRegister: {
      statsYears: stats.map((s) => s.year),
      validInventions: inventions,
      validClassII: classII,
      hasHighTechCertificate: hasHighTech,
    },
  };
}

/** The high-tech cultivation pipeline: enterprises in scope without a valid certificate, closest first. */
export async function pipeline(db: Db, scopePaths: string[], date: string) {
  const { rows } = await repo.listEnterprises(db, { scopePaths, validOn: date, page: 1, pageSize: 100_000 });
  const entries = [];
  for (const r of rows) {
    const p = await prechecksFor(db, r.e.id, date);
    if (p.fromRegister.hasHighTechCertificate) continue;
    entries.push({
      id: r.e.id,
      name: r.e.name,
      creditCode: r.e.creditCode,
      orgUnitName: r.orgUnitName,
      isDemo: r.e.isDemo,
      precheck: p.highTech,
    });
  }
  return rankPipeline(entries).map((e) => ({
    position: e.position,
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    orgUnitName: e.orgUnitName,
    isDemo: e.isDemo,
    overall: e.precheck.overall,
    rankKey: e.score.rankKey,
    failed: e.score.failed,
    unknown: e.score.unknown,
    missing: e.score.missing,
  }));
}
