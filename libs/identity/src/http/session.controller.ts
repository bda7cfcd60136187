import {
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  HttpCode,
  Injectable,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import {
  AppConfig,
  DomainError,
  PASSWORD_ATTEMPTS,
  Public,
  RateLimitGuard,
  readCookie,
  ThrottleBucket,
} from '@slussen/core';
import type { CookieOptions, Request, Response } from 'express';
import { AccountsService } from '../accounts.service.js';
import { InvalidRefreshTokenError } from '../identity.errors.js';
import { SessionService } from '../session.service.js';
import type { TokenPair } from '../views.js';
import { LoginDto } from './dto/identity.dto.js';

/** The cookie that carries a browser's refresh token; only the auth routes ever receive it. */
export const SESSION_COOKIE = 'slussen_refresh';
export const SESSION_COOKIE_PATH = '/api/v1/auth';
/** The OpenAPI security scheme that names the cookie. */
export const SESSION_COOKIE_SCHEME = 'sessionCookie';
/** The header a browser client sends on the session routes (or `Content-Type: application/json`). */
export const CLIENT_HEADER = 'x-slussen-client';

export class BrowserSessionDto {
  @ApiProperty({
    description: 'Short-lived JWT; keep it in memory only and send it as `Authorization: Bearer <accessToken>`.',
  })
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the access token expires; refresh shortly before.', example: 900 })
  expiresIn: number;
}

/**
 * A cross-site form post can send neither a custom header nor a JSON content
 * type without a CORS preflight, which the API does not grant with credentials.
 */
@Injectable()
export class BrowserClientGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (
      request.headers[CLIENT_HEADER] !== undefined ||
      /^application\/json\b/i.test(request.headers['content-type'] ?? '')
    )
      return true;
    throw new DomainError(
      'forbidden',
      'Browser session routes need the header X-Slussen-Client: web or Content-Type: application/json',
    );
  }
}

const CLIENT_HEADER_DOC = {
  name: 'X-Slussen-Client',
  required: false,
  description:
    'Send `web` (any value) unless the request has `Content-Type: application/json`; without either the request is 403 (CSRF protection).',
};

/**
 * Sessions for the web app: the access token in the body (kept in memory), the
 * refresh token in an httpOnly, SameSite=Strict cookie scoped to /api/v1/auth,
 * so scripts never read it. Programs use /auth/login and /auth/refresh instead.
 */
@ApiTags('identity')
@ApiHeader(CLIENT_HEADER_DOC)
@Controller('auth')
@Public()
@UseGuards(BrowserClientGuard, RateLimitGuard)
export class SessionController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
  ) {}

  @Post('session')
  @HttpCode(200)
  @ThrottleBucket(PASSWORD_ATTEMPTS)
  @ApiOperation({
    summary: 'Sign a browser in',
    description: `Same credentials, throttling and 401 as /auth/login. Sets the cookie \`${SESSION_COOKIE}\` (HttpOnly, SameSite=Strict, Path=${SESSION_COOKIE_PATH}, Secure in production).`,
  })
  @ApiOkResponse({
    type: BrowserSessionDto,
    headers: {
      'Set-Cookie': {
        description: `${SESSION_COOKIE}=<refresh token>; HttpOnly; SameSite=Strict; Path=${SESSION_COOKIE_PATH}`,
        schema: { type: 'string' },
      },
    },
  })
  async signIn(@Body() body: LoginDto, @Res({ passthrough: true }) response: Response): Promise<BrowserSessionDto> {
    return this.toBrowser(await this.accounts.login(body.email, body.password), response);
  }

  @Post('session/refresh')
  @HttpCode(200)
  @ApiCookieAuth(SESSION_COOKIE_SCHEME)
  @ApiOperation({
    summary: 'A new access token for the browser',
    description:
      'Reads the refresh cookie (no body), rotates it and answers a new access token. A missing, unknown or reused cookie is 401 and clears the cookie; reuse revokes the whole session.',
  })
  @ApiOkResponse({ type: BrowserSessionDto })
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<BrowserSessionDto> {
    const token = readCookie(request, SESSION_COOKIE);
    try {
      if (!token) throw new InvalidRefreshTokenError();
      return this.toBrowser(await this.sessions.refresh(token), response);
    } catch (error) {
      response.clearCookie(SESSION_COOKIE, this.cookieOptions());
      throw error;
    }
  }

  @Post('session/logout')
  @HttpCode(204)
  @ApiCookieAuth(SESSION_COOKIE_SCHEME)
  @ApiOperation({
    summary: 'Sign the browser out',
    description: 'Revokes the session of the refresh cookie and clears it; 204 also when there is none.',
  })
  @ApiNoContentResponse()
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = readCookie(request, SESSION_COOKIE);
    if (token) await this.sessions.end(token);
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  private toBrowser(pair: TokenPair, response: Response): BrowserSessionDto {
    response.cookie(SESSION_COOKIE, pair.refreshToken, {
      ...this.cookieOptions(),
      maxAge: this.config.jwt.refreshTtlDays * 86_400_000,
    });
    response.setHeader('Cache-Control', 'no-store');
    return { accessToken: pair.accessToken, expiresIn: pair.expiresIn };
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', path: SESSION_COOKIE_PATH, secure: this.config.isProduction };
  }
}
