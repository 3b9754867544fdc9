// The contract: the one API declaration, domain types and error codes. Pure TypeScript + zod.
export * from './errors';
export * from './domain';
export * from './identifiers';
export * from './channel-names';
export * from './channels';
export * from './bridge';
export * from './media';
export * from './intake';
export * from './compliance';
export * from './assets';
export * from './review';
export * from './assignment';
export * from './exchange';
export * from './ranking';
export * from './certificates';
export * from './programme';
