export * from './columns';
export * from './polarity';
export * from './frequency';
export * from './periods';
