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
  /** Where its users are: ISO 3166-1 alpha-2. */
  country: string;
  operator: string;
}

export const MIRRORS: readonly Mirror[] = [
  { host: 'registry.npmmirror.com', ecosystems: ['npm'], country: 'CN', operator: 'npmmirror (Alibaba)' },
  { host: 'npmmirror.com', ecosystems: ['npm', 'general'], country: 'CN', operator: 'npmmirror (Alibaba)' },
  { host: 'registry.npm.taobao.org', ecosystems: ['npm'], country: 'CN', operator: 'Taobao (retired npmmirror)' },
  { host: 'npm.aliyun.com', ecosystems: ['npm'], country: 'CN', operator: 'Alibaba Cloud' },
  { host: 'mirrors.aliyun.com', ecosystems: ['pypi', 'npm', 'go', 'general'], country: 'CN', operator: 'Alibaba Cloud' },
  { host: 'maven.aliyun.com', ecosystems: ['maven'], country: 'CN', operator: 'Alibaba Cloud' },
  { host: 'mirrors.cloud.tencent.com', ecosystems: ['npm', 'pypi', 'go', 'general'], country: 'CN', operator: 'Tencent Cloud' },
  { host: 'mirrors.tencent.com', ecosystems: ['npm', 'pypi', 'general'], country: 'CN', operator: 'Tencent' },
  { host: 'mirrors.huaweicloud.com', ecosystems: ['npm', 'pypi', 'go', 'maven', 'general'], country: 'CN', operator: 'Huawei Cloud' },
  { host: 'repo.huaweicloud.com', ecosystems: ['npm', 'pypi', 'maven', 'general'], country: 'CN', operator: 'Huawei Cloud' },
  { host: 'pypi.tuna.tsinghua.edu.cn', ecosystems: ['pypi'], country: 'CN', operator: 'Tsinghua TUNA' },
  { host: 'mirrors.tuna.tsinghua.edu.cn', ecosystems: ['general'], country: 'CN', operator: 'Tsinghua TUNA' },
  { host: 'pypi.doubanio.com', ecosystems: ['pypi'], country: 'CN', operator: 'Douban' },
  { host: 'pypi.mirrors.ustc.edu.cn', ecosystems: ['pypi'], country: 'CN', operator: 'USTC' },
  { host: 'mirrors.ustc.edu.cn', ecosystems: ['general'], country: 'CN', operator: 'USTC' },
  { host: 'mirrors.bfsu.edu.cn', ecosystems: ['general'], country: 'CN', operator: 'BFSU' },
  { host: 'mirror.sjtu.edu.cn', ecosystems: ['general'], country: 'CN', operator: 'SJTU' },
  { host: 'mirrors.nju.edu.cn', ecosystems: ['general'], country: 'CN', operator: 'Nanjing University' },
  { host: 'mirrors.163.com', ecosystems: ['general'], country: 'CN', operator: 'NetEase' },
  { host: 'goproxy.cn', ecosystems: ['go'], country: 'CN', operator: 'Qiniu' },
  { host: 'goproxy.io', ecosystems: ['go'], country: 'CN', operator: 'goproxy.io' },
  { host: 'rsproxy.cn', ecosystems: ['cargo'], country: 'CN', operator: 'ByteDance' },
  { host: 'mirror.yandex.ru', ecosystems: ['general'], country: 'RU', operator: 'Yandex' },
  { host: 'mirror.kakao.com', ecosystems: ['general'], country: 'KR', operator: 'Kakao' },
  { host: 'ftp.jaist.ac.jp', ecosystems: ['general'], country: 'JP', operator: 'JAIST' },
  { host: 'mirror.iranserver.com', ecosystems: ['general'], country: 'IR', operator: 'IranServer' },
];

/** The mirror a registry host belongs to (the host or a subdomain of it), or null. */
export function findMirror(host: string): Mirror | null {
  return MIRRORS.find((m) => hostMatches(host, m.host)) ?? null;
}
