// the public certificate lookup's rules.
export * from './query-mode';
export * from './old-mode-fields';
export * from './accounts';
export * from './cutover-reminders';
