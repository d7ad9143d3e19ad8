import { Foundation1795440420030 } from './1795440420030-Foundation';
import { Calendar1795440777261 } from './1795440777261-Calendar';
import { Batches1795441436822 } from './1795441436822-Batches';
import { CertificateHistory1795442208607 } from './1795442208607-CertificateHistory';
import { BatchWorklistIndex1795445028532 } from './1795445028532-BatchWorklistIndex';
import { BatchDueFrom1795450000005 } from './1795450000005-BatchDueFrom';

// Committed MySQL/MariaDB migrations, in order. `npm run migration:generate -- <Name>` writes a new file; add it here.
export const MIGRATIONS: Function[] = [Foundation1795440420030, Calendar1795440777261, Batches1795441436822, CertificateHistory1795442208607, BatchWorklistIndex1795445028532, BatchDueFrom1795450000005];
