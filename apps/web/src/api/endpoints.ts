import type { API, ApiName } from '@discuss/contracts';

export type Endpoints = { [N in ApiName]: Pick<(typeof API)[N], 'method' | 'path'> };

declare const __DISCUSS_ENDPOINTS__: Endpoints;

/**
 * Method and path of every API operation, filled in by vite.config.ts from the contracts' `API` table at build
 * time (`endpoints.test.ts` checks it), so the browser bundle carries neither zod nor the schemas.
 */
export const ENDPOINTS: Endpoints = __DISCUSS_ENDPOINTS__;
