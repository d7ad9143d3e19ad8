export * from './complaint-rules';
export * from './phone';
