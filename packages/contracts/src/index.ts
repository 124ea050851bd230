export * from './limits.ts';
export * from './errors.ts';
export * from './common.ts';
export * from './accounts.ts';
export * from './admin.ts';
export * from './health.ts';
export * from './communities.ts';
export * from './api.ts';
