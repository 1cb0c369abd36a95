export * from './targets';
export * from './values';
export * from './statuses';
