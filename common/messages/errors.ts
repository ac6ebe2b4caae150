import type { Dict } from './dict.js';
import { accessErrors } from './errors/access.js';
import { plansErrors } from './errors/plans.js';
import { registryErrors } from './errors/registry.js';
import { policiesErrors } from './errors/policies.js';
import { projectsErrors } from './errors/projects.js';
import { reviewErrors } from './errors/review.js';
import { registryImportErrors } from './errors/registryImport.js';
import { benchmarksErrors } from './errors/benchmarks.js';
import { platformErrors } from './errors/platform.js';

/** Error messages by code; {name} placeholders are filled from params. */
export const ERROR_MESSAGES: Dict = {
  ...accessErrors,
  ...plansErrors,
  ...registryErrors,
  ...policiesErrors,
  ...projectsErrors,
  ...reviewErrors,
  ...registryImportErrors,
  ...benchmarksErrors,
  ...platformErrors,
};
