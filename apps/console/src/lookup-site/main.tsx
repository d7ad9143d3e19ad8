import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LookupSite } from './LookupSite';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LookupSite />
  </StrictMode>,
);
