import { sql } from 'drizzle-orm';
import { BENCHMARK_EDITORS, BENCHMARK_READERS } from '../../../common/access.js';
import { defineResource, pathsFrom, type AccessRule } from '../../platform/access.js';

/**
 * A peer group belongs to the narrowest unit covering its members (the city for its 38 districts) and is
 * shared down: every unit below reads the city's rankings, profiles and indices among those peers; only those
 * whose grant covers the group's unit define or change it. A group of no unit belongs to the installation.
 */
defineResource('peerGroup', {
  key: 'code',
  sharedDown: true,
  resolve: (db, code) =>
    pathsFrom(db, sql`select o.path from peer_groups g left join org_units o on o.code = g.org_unit_code where g.code = ${code}`),
});

/** A stored composite-index run belongs to the unit of its author's grant: read in that subtree and above it. */
defineResource('indexRun', {
  key: 'uuid',
  resolve: (db, id) =>
    pathsFrom(db, sql`select o.path from index_runs r left join org_units o on o.code = r.org_unit_code where r.id = ${id}::uuid`),
});

export const RULES = {
  /** What can be ranked: reference data. */
  indicators: { roles: BENCHMARK_READERS } satisfies AccessRule,
  /** Peer groups of one's units and of their ancestors (filtered in SQL). */
  groups: { roles: BENCHMARK_READERS } satisfies AccessRule,
  /** A new group: within the caller's subtree (the narrowest unit covering its members, checked in the handler). */
  defineGroup: { roles: BENCHMARK_EDITORS } satisfies AccessRule,
  /** Rankings and profiles among a group's members (`group`, default the city's districts, checked again once loaded). */
  rankings: { roles: BENCHMARK_READERS, resource: 'peerGroup', key: { query: 'group' } } satisfies AccessRule,
  /** Running an index over a group reads it; a saved run belongs to the caller's unit. */
  runIndex: { roles: BENCHMARK_READERS, resource: 'peerGroup', key: { body: 'group' }, action: 'read' } satisfies AccessRule,
  /** Stored runs of one's subtree (filtered in SQL). */
  runs: { roles: BENCHMARK_READERS } satisfies AccessRule,
  run: { roles: BENCHMARK_READERS, resource: 'indexRun' } satisfies AccessRule,
  /**
   * The statistics importer (template, dry run and commit): those who write figures. Each row's region is
   * checked against the caller's grants; a new province needs a grant at the root (the rule of POST /api/org-units).
   */
  statsImport: { roles: BENCHMARK_EDITORS } satisfies AccessRule,
};
