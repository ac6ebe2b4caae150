import { asc } from 'drizzle-orm';
import { industryTags, platformTypes, qualificationTypes } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';
import * as repo from './registry.repo.js';

export function presentPlatform(r: Awaited<ReturnType<typeof repo.platformsIn>>[number]) {
  return {
    id: r.p.id,
    name: r.p.name,
    typeCode: r.p.typeCode,
    typeName: r.typeName,
    category: r.category as 'rd' | 'service',
    level: r.p.level as 'national' | 'municipal' | 'county',
    hostEnterpriseId: r.p.hostEnterpriseId,
    hostName: r.p.hostName,
    orgUnitCode: r.p.orgUnitCode,
    orgUnitName: r.orgUnitName,
    recognizedOn: r.p.recognizedOn,
    revokedOn: r.p.revokedOn,
    floorArea: r.p.floorArea,
    isDemo: r.p.isDemo,
  };
}

export function presentTalent(r: Awaited<ReturnType<typeof repo.talentsIn>>[number]) {
  const t = r.t;
  return {
    id: t.id,
    name: t.name,
    category: t.category,
    employerEnterpriseId: t.employerEnterpriseId,
    employerName: t.employerName,
    orgUnitCode: t.orgUnitCode,
    fromDate: t.fromDate,
    toDate: t.toDate,
    isDemo: t.isDemo,
  };
}

export async function presentPatents(db: Db, rows: Awaited<ReturnType<typeof repo.patentsOf>>[number]['p'][]) {
  const owners = await repo.ownersOf(
    db,
    rows.map((p) => p.id),
  );
  return rows.map((p) => ({
    id: p.id,
    number: p.number,
    type: p.type as 'invention' | 'utility_model' | 'design',
    title: p.title,
    filedOn: p.filedOn,
    grantedOn: p.grantedOn,
    status: p.status as 'pending' | 'granted' | 'lapsed' | 'invalidated',
    lapsedOn: p.lapsedOn,
    expiresOn: p.expiresOn,
    owners: owners
      .filter((o) => o.o.patentId === p.id)
      .map((o) => ({ creditCode: o.o.creditCode, enterpriseId: o.o.enterpriseId, name: o.name })),
    isDemo: p.isDemo,
  }));
}

export function presentStats(s: repo.StatsRow) {
  const { id: _i, approvedBy: _b, approvedAt: _a, updatedAt: _u, ...rest } = s;
  return rest;
}

export async function registryTypes(db: Db) {
  const [tags, quals, plats] = await Promise.all([
    db.select().from(industryTags).orderBy(asc(industryTags.sortOrder)),
    db.select().from(qualificationTypes).orderBy(asc(qualificationTypes.sortOrder)),
    db.select().from(platformTypes).orderBy(asc(platformTypes.sortOrder)),
  ]);
  return { industryTags: tags, qualificationTypes: quals, platformTypes: plats };
}
