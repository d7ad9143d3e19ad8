import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { OccupationCatalogue } from '../organisations/occupation-catalogue';
import { ORGANISATION_LIST, OrganisationsService } from './organisations.service';

@ApiTags('organisations 机构')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly catalogue: OccupationCatalogue,
  ) {}

  @Get('organisations')
  @RequirePermission('organisations.read')
  async list(@CurrentActor() actor: Actor, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, ORGANISATION_LIST);
    return sendPage(res, query, await this.organisations.list(actor, query));
  }

  @Get('organisations/:id')
  @RequirePermission('organisations.read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.organisations.get(actor, id);
  }

  @Post('organisations')
  @RequirePermission('organisations.write')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrganisationDto) {
    return this.organisations.create(actor, dto);
  }

  @Put('organisations/:id')
  @RequirePermission('organisations.write')
  update(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateOrganisationDto) {
    return this.organisations.update(actor, id, dto);
  }

  /** The occupation catalogue for scope editing. */
  @Get('occupations')
  @RequirePermission('organisations.read')
  occupations() {
    return this.catalogue.all;
  }
}
