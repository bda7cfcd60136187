import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { PASSWORD_ATTEMPTS, Public, RateLimitGuard, ThrottleBucket } from '@slussen/core';
import { AccountsService } from '../accounts.service.js';
import { PasswordChangesService } from '../password-changes.service.js';
import { SessionService } from '../session.service.js';
import { SignupResultDto, TokenPairDto } from './dto/identity-response.dto.js';
import { ForgotPasswordDto, LoginDto, RefreshTokenDto, ResetPasswordDto, SignupDto } from './dto/identity.dto.js';

@ApiTags('identity')
@Controller('auth')
@Public()
@UseGuards(RateLimitGuard)
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionService,
    private readonly passwordChanges: PasswordChangesService,
  ) {}

  /** Creates a company and its first admin, and signs the admin in. */
  @Post('signup')
  @ApiCreatedResponse({ type: SignupResultDto })
  signup(@Body() body: SignupDto) {
    return this.accounts.signup(body);
  }

  @Post('login')
  @ApiOkResponse({ type: TokenPairDto })
  @HttpCode(200)
  @ThrottleBucket(PASSWORD_ATTEMPTS)
  login(@Body() body: LoginDto) {
    return this.accounts.login(body.email, body.password);
  }

  /** A new token pair; the refresh token sent stops working, and reusing it revokes the session. */
  @Post('refresh')
  @ApiOkResponse({ type: TokenPairDto })
  @HttpCode(200)
  refresh(@Body() body: RefreshTokenDto) {
    return this.sessions.refresh(body.refreshToken);
  }

  /**
   * E-mails a link to set a new password (the web app's `/reset-password?token=...`,
   * single use, valid PASSWORD_RESET_TTL_MINUTES) when the address has an account;
   * 202 either way. Throttled like login.
   */
  @Post('password/forgot')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Accepted, whether or not the address has an account' })
  async forgotPassword(@Body() body: ForgotPasswordDto): Promise<void> {
    await this.passwordChanges.forgot(body.email);
  }

  /** Sets the password with the token of an e-mailed link (forgotten or first password); every session of the user ends. */
  @Post('password/reset')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password is set; sign in with it' })
  @ApiBadRequestResponse({
    description:
      'The link was used, has expired or is unknown (`errors[0].field` is `token`), or the password is too short',
  })
  async resetPassword(@Body() body: ResetPasswordDto): Promise<void> {
    await this.passwordChanges.reset(body.token, body.password);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.sessions.end(body.refreshToken);
  }
}
