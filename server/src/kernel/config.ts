import { z } from 'zod';

const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Environment variables the server reads; `.env.example` mirrors this list. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: bool.optional(),
  PUBLIC_ORIGIN: z.url().optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
  WEB_DIST: z.string().min(1).default('./web/dist'),
  OIDC_SPID_ISSUER: z.url().optional(),
  OIDC_SPID_CLIENT_ID: z.string().min(1).optional(),
  OIDC_SPID_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_CIE_ISSUER: z.url().optional(),
  OIDC_CIE_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CIE_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ENTI: z.string().optional(),
  OIDC_ALLOW_HTTP: bool.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Abitare <noreply@abitare.localhost>'),
  IO_API_URL: z.url().optional(),
  IO_API_KEY: z.string().min(1).optional(),
  NOTIFY_WORKER: bool.optional(),
  NOTIFY_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
});

/** One identity federation's relying-party settings from the environment. */
export interface OidcEnvClient {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Demo mode: demo data and one-click demo logins. Default on for the embedded database only. */
  demo: boolean;
  logLevel: string;
  cookieSecure: boolean;
  publicOrigin: string | undefined;
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRatePerMinute: number;
  webDist: string;
  /** SPID/CIE relying-party settings for every ente listed in `enti` (all when null); admin settings per ente override. */
  oidc: { spid: OidcEnvClient | null; cie: OidcEnvClient | null; enti: string[] | null; allowHttp: boolean };
  /** Notifications: SMTP server (none = email not sent), sender, App IO endpoint and key, delivery job. */
  smtpUrl: string | undefined;
  mailFrom: string;
  ioApiUrl: string | undefined;
  ioApiKey: string | undefined;
  notifyWorker: boolean;
  notifyPollSeconds: number;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    demo: e.DEMO ?? e.DATABASE_URL === undefined,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    publicOrigin: e.PUBLIC_ORIGIN,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    webDist: e.WEB_DIST,
    oidc: {
      spid:
        e.OIDC_SPID_ISSUER && e.OIDC_SPID_CLIENT_ID
          ? { issuer: e.OIDC_SPID_ISSUER, clientId: e.OIDC_SPID_CLIENT_ID, clientSecret: e.OIDC_SPID_CLIENT_SECRET }
          : null,
      cie:
        e.OIDC_CIE_ISSUER && e.OIDC_CIE_CLIENT_ID
          ? { issuer: e.OIDC_CIE_ISSUER, clientId: e.OIDC_CIE_CLIENT_ID, clientSecret: e.OIDC_CIE_CLIENT_SECRET }
          : null,
      enti: e.OIDC_ENTI
        ? e.OIDC_ENTI.split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : null,
      allowHttp: e.OIDC_ALLOW_HTTP ?? e.NODE_ENV !== 'production',
    },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    ioApiUrl: e.IO_API_URL,
    ioApiKey: e.IO_API_KEY,
    notifyWorker: e.NOTIFY_WORKER ?? e.NODE_ENV !== 'test',
    notifyPollSeconds: e.NOTIFY_POLL_SECONDS,
  };
}

/** A config for tests: demo on, quiet logs, defaults elsewhere. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: '1' }), ...overrides };
}
