import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Area } from '../common/http/route-access';
import { AuthorizationCodesService } from './authorization-codes.service';
import { ByCodeDto, LookupKindDto, OthersQueryDto } from './dto/lookup-accounts.dto';
import { LookupQueriesService } from './lookup-queries.service';
import { CurrentLookupAccount, type LookupPrincipal } from './lookup-principal';

/** R-28 new mode and R-29 authorization codes (logged-in lookup accounts). Every query is a POST answering 200. */
@ApiTags('lookup 证书查询（公众账号）')
@ApiBearerAuth()
@Area('lookup')
@Controller('api/lookup')
export class LookupQueriesController {
  constructor(
    private readonly queries: LookupQueriesService,
    private readonly codes: AuthorizationCodesService,
  ) {}

  /** 查询本人证书: every own certificate, in full. */
  @Get('mine')
  mine(@CurrentLookupAccount() account: LookupPrincipal) {
    return this.queries.mine(account);
  }

  /** 查询他人证书: name, ID number and certificate number → masked result. */
  @Post('others')
  @HttpCode(200)
  others(@CurrentLookupAccount() account: LookupPrincipal, @Body() dto: OthersQueryDto) {
    return this.queries.others(account, dto);
  }

  /** 授权码查询他人证书: the holder's certificates of the code's kind, in full. */
  @Post('by-code')
  @HttpCode(200)
  byCode(@CurrentLookupAccount() account: LookupPrincipal, @Body() dto: ByCodeDto) {
    return this.queries.byCode(account, dto.code);
  }

  /** 生成证书授权码 (persons). */
  @Post('codes')
  create(@CurrentLookupAccount() account: LookupPrincipal, @Body() dto: LookupKindDto) {
    return this.codes.create(account, dto.kind);
  }

  @Get('codes')
  list(@CurrentLookupAccount() account: LookupPrincipal) {
    return this.codes.list(account);
  }

  /** 停止授权: at once. */
  @Post('codes/:id/stop')
  @HttpCode(200)
  stop(@CurrentLookupAccount() account: LookupPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.codes.stop(account, id);
  }

  /** 恢复授权: the same code and expiry. */
  @Post('codes/:id/resume')
  @HttpCode(200)
  resume(@CurrentLookupAccount() account: LookupPrincipal, @Param('id', ParseIntPipe) id: number) {
    return this.codes.resume(account, id);
  }
}
