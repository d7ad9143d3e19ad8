import { Injectable } from '@nestjs/common';
import type { Attachment } from './entities/attachment.entity';

/**
 * Organisation paths through which an attachment is reached besides its owner: those of the requests that cite it
 * (their reviewing centres, R-21 – R-23). Gives the paths, or an empty list.
 */
export type AttachmentReachResolver = (attachmentId: number) => Promise<string[]>;

/**
 * Who may read an attachment: its owner's subtree — the uploader's organisation and the centres above it —
 * and whoever a feature citing attachments (correction and deletion requests) opens it to. Those features sit above
 * this one, so they register a resolver when their module starts, as owners name their audit targets.
 */
@Injectable()
export class AttachmentReach {
  private readonly resolvers: AttachmentReachResolver[] = [];

  register(resolver: AttachmentReachResolver): void {
    this.resolvers.push(resolver);
  }

  /** The owner's path first, then every path a citing feature adds. */
  async pathsOf(attachment: Pick<Attachment, 'id' | 'orgPath'>): Promise<string[]> {
    const paths = [attachment.orgPath];
    for (const resolve of this.resolvers) paths.push(...(await resolve(attachment.id)));
    return paths;
  }
}
