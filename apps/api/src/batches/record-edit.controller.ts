import { Body, Controller, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import type { Actor } from '../common/actor/actor';
import { EditCertificateDto } from './dto/record-edit.dto';
import { RecordEditService } from './record-edit.service';

/** Editing a record is a step of its batch's workflow, served under the record's own address. */
@ApiTags('certificates 证书')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/certificates')
export class RecordEditController {
  constructor(private readonly edits: RecordEditService) {}

  /** Correct a record of a draft or returned batch; published data goes through corrections. */
  @Put(':id')
  @RequirePermission('batches.upload')
  edit(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: EditCertificateDto) {
    return this.edits.edit(actor, id, dto);
  }
}
