export * from './attachment-file';
