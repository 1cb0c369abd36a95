export * from './columns';
export * from './polarity';
export * from './frequency';
export * from './periods';
export * from './targets';
export * from './values';
export * from './statuses';
