import { Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module';
import { DeadlineBoardService } from './deadline-board.service';
import { DeadlineSources } from './deadline-sources';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [BatchesModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, DeadlineBoardService, DeadlineSources],
  exports: [DeadlineSources],
})
export class ReviewsModule {}
