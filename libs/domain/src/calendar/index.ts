// working-day calendar, period arithmetic and deadline policies.
export * from './iso-date';
export * from './holiday-year';
export * from './period';
export * from './working-day-calendar';
export * from './deadline-policy';
export * from './qualification-upload';
export * from './stored-deadline';
