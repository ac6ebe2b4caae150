import { ApiError } from '../../api/http';

/**
 * The server's refusal of an expert account that no entry of the expert pool is linked to yet (issue #14): not a
 * missing permission the administrator grants, but a registration the bureau makes. The page says so.
 */
export const isNotInPool = (error: unknown): error is ApiError => error instanceof ApiError && error.code === 'expert_not_in_pool';
