/**
 * Public email providers: an address there says nothing about an employer. Some are used almost
 * only in one country, which is a weak hint of where the user is.
 */
import { hostMatches } from './domains.js';

export interface EmailProvider {
  domain: string;
  /** Set when the provider's users are overwhelmingly in one country. */
  country?: string;
}

export const EMAIL_PROVIDERS: readonly EmailProvider[] = [
  ...['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com',
    'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'pm.me', 'aol.com', 'fastmail.com',
    'hey.com', 'tutanota.com', 'zoho.com', 'gmx.com', 'mail.com', 'users.noreply.github.com',
    'noreply.github.com', 'users.noreply.gitlab.com'].map((domain) => ({ domain })),
  ...['qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com',
    'aliyun.com', '139.com', '189.cn', 'vip.qq.com'].map((domain) => ({ domain, country: 'CN' })),
  ...['mail.ru', 'yandex.ru', 'rambler.ru'].map((domain) => ({ domain, country: 'RU' })),
  ...['naver.com', 'daum.net', 'hanmail.net'].map((domain) => ({ domain, country: 'KR' })),
  ...['gmx.de', 'web.de', 't-online.de'].map((domain) => ({ domain, country: 'DE' })),
  { domain: 'yahoo.co.jp', country: 'JP' },
];

/** The public provider an email domain belongs to, or null (then it may be an employer's). */
export function findEmailProvider(domain: string): EmailProvider | null {
  return EMAIL_PROVIDERS.find((p) => hostMatches(domain, p.domain)) ?? null;
}
