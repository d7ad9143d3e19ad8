export * from './code-tables';
export * from './occupations';
export * from './date-input';
export * from './certificate-number';
export * from './holder-name';
export * from './record';
export * from './batch-duplicates';
export * from './editable-fields';
