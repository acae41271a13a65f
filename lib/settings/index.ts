// The settings API in one import: types, defaults, storage, resolution, rules, palette, files.
export * from './types';
export * from './defaults';
export * from './site';
export * from './validate';
export * from './migrations';
export * from './resolve';
export * from './rules';
export * from './palette';
export * from './financial-sites';
export * from './transfer';
export * from './store';
