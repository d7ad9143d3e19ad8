export * from './batch-workflow';
