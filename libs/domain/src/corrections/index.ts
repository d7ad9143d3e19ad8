export * from './correction-refusal';
export * from './correction-route';
export * from './changed-fields';
