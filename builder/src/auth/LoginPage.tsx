/**
 * Sign-in to one tenant. Wrong e-mail and wrong password read the same, so the
 * page never tells whether an address has an account. On success the session
 * is remembered and the user continues to where they were going (`?next=`).
 */
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, isNetworkError } from '../api/http.js';
import { login } from '../api/tenantApi.js';
import { useLocale } from '../i18n/LocaleContext.js';
import type { ShellKey } from '../i18n/messages.js';
import { navigate, Redirect, useLocation } from '../router.js';
import { LanguageSwitch } from '../shell/LanguageSwitch.js';
import { readSession, saveSession } from './session.js';
import { tenantHome } from './paths.js';

type Translate = (key: ShellKey, vars?: Record<string, string | number>) => string;

/** Only paths inside this tenant's app (or its builder) are followed after sign-in (no open redirect). */
export function safeNext(tenant: string, next: string | null): string | null {
  if (!next) return null;
  if (next === `/builder/${encodeURIComponent(tenant)}`) return next; // the tenant's builder, for admins
  const prefix = `/app/${encodeURIComponent(tenant)}`;
  if (!(next === prefix || next.startsWith(`${prefix}/`) || next.startsWith(`${prefix}?`))) return null;
  if (next.startsWith(`${prefix}/login`)) return null;
  return next;
}

/** The user's words for what went wrong; never whether the e-mail exists. */
export function signInErrorText(e: unknown, t: Translate, locale: string): string {
  if (isNetworkError(e)) return t('networkError');
  if (!(e instanceof ApiError)) return t('signInFailed', { message: e instanceof Error ? e.message : String(e) });
  if (e.code === 'ACCOUNT_LOCKED') {
    const iso = /\d{4}-\d{2}-\d{2}T[\d:.]+Z/.exec(e.message)?.[0];
    const until = iso ? new Date(iso) : undefined;
    if (!until || Number.isNaN(until.getTime())) return t('accountLockedSoon');
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false }).format(until);
    return t('accountLocked', { time });
  }
  if (e.status === 429 || e.code === 'RATE_LIMITED') {
    const seconds = /(\d+)\s*s\b/.exec(e.message)?.[1];
    return seconds ? t('rateLimited', { seconds }) : t('rateLimitedSoon');
  }
  // Any other refusal of the credentials (including malformed input) reads as the same sentence.
  if (e.status === 401 || e.status === 400 || e.status === 422 || e.status === 404) return t('invalidCredentials');
  return t('signInFailed', { message: e.message });
}

interface Credentials {
  email: string;
  password: string;
}

export function LoginPage({ tenant }: { tenant: string }) {
  const { locale, t } = useLocale();
  const { search } = useLocation();
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(tenant, search.get('next'));
  const expired = search.get('expired') === '1';

  // Already signed in (e.g. the login page was bookmarked): go on.
  if (readSession(tenant)) return <Redirect to={next ?? tenantHome(tenant)} />;

  const submit = async ({ email, password }: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await login(tenant, email.trim(), password);
      saveSession(tenant, { token: answer.token, expiresAt: answer.expiresAt, user: answer.user });
      navigate(next ?? tenantHome(tenant), { replace: true });
    } catch (e) {
      setError(signInErrorText(e, t, locale));
      form.setFieldValue('password', '');
      form.focusField('password');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sc-login">
      <div className="sc-login-lang"><LanguageSwitch /></div>
      <Card className="sc-login-card" variant="borderless">
        <div className="sc-login-brand">
          <span className="sc-brand-mark">S</span>
          <span>{t('appName')}</span>
        </div>
        <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>{t('signIn')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
          {t('signInSubtitle', { tenant })}
        </Typography.Paragraph>
        {error ? (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={error} />
        ) : expired ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('sessionExpired')} />
        ) : null}
        <Form<Credentials> form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={busy}
          onValuesChange={() => error && setError(undefined)}>
          <Form.Item name="email" label={t('email')}
            rules={[{ required: true, whitespace: true, message: t('emailRequired') }, { type: 'email', message: t('emailInvalid') }]}>
            <Input prefix={<MailOutlined />} type="email" autoComplete="username" autoFocus size="large" inputMode="email" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {busy ? t('signingIn') : t('signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
