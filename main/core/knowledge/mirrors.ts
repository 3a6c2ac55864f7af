/**
 * Public package mirrors. Developers configure one because the default registry is slow or
 * blocked where they are, so a mirror is good evidence of the user's country (not of employment,
 * even when a company runs it).
 */
import { hostMatches } from './domains.js';

export type Ecosystem = 'npm' | 'pypi' | 'go' | 'maven' | 'cargo' | 'general';

export interface Mirror {
  host: string;
  ecosystems: readonly Ecosystem[];
  /** Where its users are (or, for a global service, where its operator is): ISO 3166-1 alpha-2. */
  country: string;
  operator: string;
  /**
   * 'country': made for users in `country` (a national mirror): strong evidence of where you are.
   * 'global': a service for everyone that happens to be run from `country`: weak evidence.
   */
  scope: 'country' | 'global';
}

export const MIRRORS: readonly Mirror[] = [
  { host: 'registry.npmmirror.com', ecosystems: ['npm'], country: 'CN', operator: 'npmmirror (Alibaba)', scope: 'country' },
  { host: 'npmmirror.com', ecosystems: ['npm', 'general'], country: 'CN', operator: 'npmmirror (Alibaba)', scope: 'country' },
  { host: 'registry.npm.taobao.org', ecosystems: ['npm'], country: 'CN', operator: 'Taobao (retired npmmirror)', scope: 'country' },
  { host: 'npm.aliyun.com', ecosystems: ['npm'], country: 'CN', operator: 'Alibaba Cloud', scope: 'country' },
  { host: 'mirrors.aliyun.com', ecosystems: ['pypi', 'npm', 'go', 'general'], country: 'CN', operator: 'Alibaba Cloud', scope: 'country' },
  { host: 'maven.aliyun.com', ecosystems: ['maven'], country: 'CN', operator: 'Alibaba Cloud', scope: 'country' },
  { host: 'mirrors.cloud.tencent.com', ecosystems: ['npm', 'pypi', 'go', 'general'], country: 'CN', operator: 'Tencent Cloud', scope: 'country' },
  { host: 'mirrors.tencent.com', ecosystems: ['npm', 'pypi', 'general'], country: 'CN', operator: 'Tencent', scope: 'country' },
  { host: 'mirrors.huaweicloud.com', ecosystems: ['npm', 'pypi', 'go', 'maven', 'general'], country: 'CN', operator: 'Huawei Cloud', scope: 'country' },
  { host: 'repo.huaweicloud.com', ecosystems: ['npm', 'pypi', 'maven', 'general'], country: 'CN', operator: 'Huawei Cloud', scope: 'country' },
  { host: 'pypi.tuna.tsinghua.edu.cn', ecosystems: ['pypi'], country: 'CN', operator: 'Tsinghua TUNA', scope: 'country' },
  { host: 'mirrors.tuna.tsinghua.edu.cn', ecosystems: ['general'], country: 'CN', operator: 'Tsinghua TUNA', scope: 'country' },
  { host: 'pypi.doubanio.com', ecosystems: ['pypi'], country: 'CN', operator: 'Douban', scope: 'country' },
  { host: 'pypi.mirrors.ustc.edu.cn', ecosystems: ['pypi'], country: 'CN', operator: 'USTC', scope: 'country' },
  { host: 'mirrors.ustc.edu.cn', ecosystems: ['general'], country: 'CN', operator: 'USTC', scope: 'country' },
  { host: 'mirrors.bfsu.edu.cn', ecosystems: ['general'], country: 'CN', operator: 'BFSU', scope: 'country' },
  { host: 'mirror.sjtu.edu.cn', ecosystems: ['general'], country: 'CN', operator: 'SJTU', scope: 'country' },
  { host: 'mirrors.nju.edu.cn', ecosystems: ['general'], country: 'CN', operator: 'Nanjing University', scope: 'country' },
  { host: 'mirrors.163.com', ecosystems: ['general'], country: 'CN', operator: 'NetEase', scope: 'country' },
  { host: 'goproxy.cn', ecosystems: ['go'], country: 'CN', operator: 'Qiniu', scope: 'country' },
  // Run by a Chinese team but serving Go developers worldwide (its own CDN): weak evidence.
  { host: 'goproxy.io', ecosystems: ['go'], country: 'CN', operator: 'goproxy.io', scope: 'global' },
  { host: 'rsproxy.cn', ecosystems: ['cargo'], country: 'CN', operator: 'ByteDance', scope: 'country' },
  { host: 'mirror.yandex.ru', ecosystems: ['general'], country: 'RU', operator: 'Yandex', scope: 'country' },
  { host: 'mirror.kakao.com', ecosystems: ['general'], country: 'KR', operator: 'Kakao', scope: 'country' },
  { host: 'ftp.jaist.ac.jp', ecosystems: ['general'], country: 'JP', operator: 'JAIST', scope: 'country' },
  { host: 'mirror.iranserver.com', ecosystems: ['general'], country: 'IR', operator: 'IranServer', scope: 'country' },
];

/** The mirror a registry host belongs to (the host or a subdomain of it), or null. */
export function findMirror(host: string): Mirror | null {
  return MIRRORS.find((m) => hostMatches(host, m.host)) ?? null;
}
