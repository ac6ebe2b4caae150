import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadDateLocale } from './dateLocale';
import { registerMessages, type Dictionary } from './messages';

/**
 * Every feature dictionary, each a chunk of its own that is fetched only when a page that needs it loads:
 * the login page carries the shell's strings (app/messages.ts) and none of these.
 */
export const DICTIONARIES = {
  components: () => import('../components/messages'),
  audit: () => import('../features/audit/messages'),
  benchmarks: () => import('../features/benchmarks/messages'),
  claims: () => import('../features/claims/messages'),
  dataentry: () => import('../features/dataentry/messages'),
  ledger: () => import('../features/ledger/messages'),
  monitoring: () => import('../features/monitoring/messages'),
  orgunits: () => import('../features/orgunits/messages'),
  plans: () => import('../features/plans/messages'),
  policies: () => import('../features/policies/messages'),
  portal: () => import('../features/portal/messages'),
  prechecks: () => import('../features/registry/prechecks/messages'),
  projects: () => import('../features/projects/messages'),
  public: () => import('../features/public/messages'),
  registry: () => import('../features/registry/messages'),
  registryImport: () => import('../features/registry/import/messages'),
  review: () => import('../features/review/messages'),
  users: () => import('../features/users/messages'),
} satisfies Record<string, () => Promise<{ default: Dictionary }>>;

export type DictionaryName = keyof typeof DICTIONARIES;
type KeysOf<N extends DictionaryName> = keyof Awaited<ReturnType<(typeof DICTIONARIES)[N]>>['default'];
/** The keys of all feature dictionaries, for the type of t() (no dictionary is bundled by this type). */
export type FeatureMessageKey = { [N in DictionaryName]: KeysOf<N> }[DictionaryName];

/**
 * The dictionaries each feature's pages use (the shared components' strings come with every feature).
 * A feature that shows another's words (a project's ledger account, a claim's policy) lists that one too;
 * dictionaries.test.ts checks every key a feature's code names against this list.
 */
export const FEATURE_MESSAGES = {
  audit: ['audit'],
  benchmarks: ['benchmarks', 'registry'],
  claims: ['claims', 'policies', 'ledger', 'registry'],
  dataentry: ['dataentry', 'monitoring', 'orgunits'],
  ledger: ['ledger', 'policies', 'claims'],
  monitoring: ['monitoring'],
  orgunits: ['orgunits'],
  plans: ['plans', 'monitoring'],
  policies: ['policies', 'registry', 'prechecks'],
  portal: ['portal', 'projects', 'review', 'prechecks', 'claims', 'policies', 'ledger', 'registry'],
  projects: ['projects', 'claims', 'ledger', 'public', 'review', 'policies', 'registry', 'audit'],
  public: ['public', 'claims', 'ledger', 'projects'],
  registry: ['registry', 'registryImport', 'prechecks', 'portal'],
  review: ['review', 'projects', 'policies', 'ledger'],
  users: ['users', 'orgunits'],
} satisfies Record<string, DictionaryName[]>;

export type Feature = keyof typeof FEATURE_MESSAGES;

const loading = new Map<DictionaryName, Promise<void>>();

/** Fetches and registers dictionaries (each once). */
export function loadDictionaries(names: readonly DictionaryName[]): Promise<void> {
  return Promise.all(
    names.map((name) => {
      let done = loading.get(name);
      if (!done) {
        done = DICTIONARIES[name]().then((mod) => registerMessages(mod.default));
        loading.set(name, done);
        // A failed fetch (a new deployment, a lost connection) is tried again by the next page.
        done.catch(() => loading.delete(name));
      }
      return done;
    }),
  ).then(() => undefined);
}

/** A feature's lazy page: its code, its dictionaries and dayjs's locale load together; it renders once all are there. */
export function featurePage<P extends object>(
  feature: Feature,
  load: () => Promise<{ default: ComponentType<P> }>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => {
    const [page] = await Promise.all([load(), loadDictionaries(['components', ...FEATURE_MESSAGES[feature]]), loadDateLocale()]);
    return page;
  });
}
