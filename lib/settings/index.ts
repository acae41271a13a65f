// The pure half of the settings API in one import: types, defaults, validation, migrations,
// resolution, rules, palette, files. It runs anywhere (Node scripts, tests, every context).
// Reading and writing browser storage lives in './store', imported on its own by extension code.
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
