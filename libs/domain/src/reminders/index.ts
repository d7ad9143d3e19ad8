export * from './digest';
export * from './reminder-events';
export * from './responsibility';
export * from './qualification-upload-days';
