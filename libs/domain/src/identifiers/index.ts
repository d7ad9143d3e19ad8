export * from './random';
export * from './normalize';
export * from './resident-id';
export * from './credit-code';
export * from './travel-documents';
export * from './chinese-names';
