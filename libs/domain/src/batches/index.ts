export * from './batch-workflow';
export * from './workflow-rules';
